package org.crmkit.examples.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Interaction;

/** Plain words for the tool's output. */
final class Describe {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Describe() {
    }

    /** @return the customer type and what it means (domain §2) */
    static String type(CustomerType type) {
        return switch (type) {
            case B2C -> "a B2C customer (an individual or household buying for its own use)";
            case B2B -> "a B2B customer (a business that builds our product into its own)";
            case CHANNEL -> "a CHANNEL customer (a dealer reselling our product in its region)";
            case INTERNAL -> "an INTERNAL customer (a unit inside our own company)";
        };
    }

    /** @return what happened, on which channel, with whom */
    static String interaction(Interaction i) {
        return i.summary() + " [" + i.channel() + (i.department() == null ? "" : ", " + i.department())
                + ", " + i.staff() + "]" + (i.outcome() == null ? "" : " -> " + i.outcome());
    }

    /** @return an instant to the second, in UTC */
    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
