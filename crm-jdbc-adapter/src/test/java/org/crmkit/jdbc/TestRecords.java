package org.crmkit.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.storage.AttributeRecord;
import org.crmkit.spi.storage.ConsentRecord;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.OrganisationRecord;
import org.crmkit.spi.storage.OwnershipRecord;
import org.crmkit.spi.storage.PostalAddressRecord;
import org.crmkit.spi.storage.TimelineEntryRecord;

/** Records for the adapter's own tests. */
final class TestRecords {

    static final Instant T0 = Instant.parse("2026-03-01T08:15:30.123456789Z");

    private TestRecords() {
    }

    static String newTenant() {
        return "t-" + UUID.randomUUID();
    }

    /** A fully populated version-1 customer. */
    static CustomerRecord customer(String tenant, UUID id) {
        return new CustomerRecord(id, tenant, 1, "B2B", "Zhōngguó Trading 中国贸易",
                new OrganisationRecord("Zhongguo Trading Ltd", "91310000MA1K", null, "wholesale", null),
                "PROACTIVE", "EXPLORATION", "s-17",
                List.of(new ContactPointRecord(ContactPointRecord.EMAIL, "info@" + id + ".example", "work", true),
                        new ContactPointRecord(ContactPointRecord.PHONE, "+8613800000000", null, false),
                        new ContactPointRecord(ContactPointRecord.EMAIL, "a@" + id + ".example", null, false)),
                List.of(new PostalAddressRecord("billing", true, "1 Main St\nUnit 5", "Shanghai", null, "200000", "CN")),
                List.of(new AttributeRecord("EXTERNAL", "size", "NUMBER", "250"),
                        new AttributeRecord("INTERNAL", "note", "TEXT", "")),
                List.of(new ConsentRecord("EMAIL", "MARKETING", "GRANTED", T0, "form-1"),
                        new ConsentRecord("EMAIL", "MARKETING", "WITHDRAWN", T0.plusSeconds(60), "call-2")),
                List.of(new OwnershipRecord("s-1", T0, T0.plusSeconds(10), "admin", "initial"),
                        new OwnershipRecord("s-17", T0.plusSeconds(10), null, "admin", null)),
                T0, T0);
    }

    static CustomerRecord customer(String tenant) {
        return customer(tenant, UUID.randomUUID());
    }

    static TimelineEntryRecord entry(String tenant, UUID customerId, Instant at, String summary) {
        return new TimelineEntryRecord(UUID.randomUUID(), tenant, customerId, at, "INTERACTION", "PHONE", "s-17",
                "sales", summary, null);
    }
}
