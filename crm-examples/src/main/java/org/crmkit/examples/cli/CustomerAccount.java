package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.crmkit.core.customer.Attribute;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.Consent;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.OwnerAssignment;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.TimelineEntry;

/** Prints one customer as the tool shows it: who it is, who owns it and owned it, its timeline. */
final class CustomerAccount {

    private static final String INDENT = "     ";

    private CustomerAccount() {
    }

    static void print(PrintWriter out, Customer c, List<TimelineEntry> timeline) {
        out.println();
        out.println(c.name() + " - " + Describe.type(c.type()));
        field(out, "id", c.id() + ", version " + c.version() + ", customer since " + Describe.time(c.createdAt()));
        c.organisation().ifPresent(o -> field(out, "organisation", join(o.legalName(),
                o.registrationNumber() == null ? null : "reg. no. " + o.registrationNumber(),
                o.taxNumber() == null ? null : "tax no. " + o.taxNumber(), o.industry(), o.website())));
        field(out, "contact", join(c.contactPoints().stream().map(CustomerAccount::contact).toArray(String[]::new)));
        for (PostalAddress a : c.postalAddresses()) {
            field(out, "address", String.join(", ", a.toMultilineString().split("\n")));
        }
        field(out, "relationship", c.relationshipLevel() + " (" + c.relationshipLevel().description()
                + "); lifecycle stage " + c.lifecycleStage());
        for (AttributeCategory category : AttributeCategory.values()) {
            String values = c.attributes().stream().filter(a -> a.category() == category)
                    .map(CustomerAccount::attribute).collect(Collectors.joining(", "));
            if (!values.isEmpty()) {
                field(out, category.name().toLowerCase(Locale.ROOT), values);
            }
        }
        if (!c.consents().isEmpty()) {
            field(out, "consents", c.consents().stream().map(CustomerAccount::consent)
                    .collect(Collectors.joining("; ")));
        }
        List<OwnerAssignment> owners = c.ownerHistory();
        for (int i = 0; i < owners.size(); i++) {
            field(out, i == 0 ? "owners" : "", owner(owners.get(i)));
        }
        field(out, "timeline", timeline.size() + " entries, oldest first");
        for (TimelineEntry e : timeline) {
            out.println(INDENT + "  " + entry(e));
        }
    }

    private static void field(PrintWriter out, String label, String value) {
        out.printf("%s%-13s %s%n", INDENT, label, value);
    }

    private static String contact(ContactPoint p) {
        return p.value() + (p.primary() ? "" : " (other)");
    }

    private static String attribute(Attribute a) {
        return a.name() + " = " + a.value().canonical();
    }

    private static String consent(Consent c) {
        return c.purpose() + " by " + c.channel() + " " + c.status().name().toLowerCase(Locale.ROOT)
                + " " + Describe.time(c.at());
    }

    private static String owner(OwnerAssignment a) {
        String period = a.isCurrent() ? "since " + Describe.time(a.from()) + " (current owner)"
                : "from " + Describe.time(a.from()) + " until " + Describe.time(a.until());
        return a.owner() + ", " + period + ", assigned by " + a.assignedBy()
                + (a.reason() == null ? "" : ": " + a.reason());
    }

    private static String entry(TimelineEntry e) {
        List<String> context = new ArrayList<>();
        if (e.channel() != null) {
            context.add(e.channel().toString());
        }
        if (e.department() != null) {
            context.add(e.department());
        }
        if (e.staff() != null) {
            context.add(e.staff().value());
        }
        return Describe.time(e.occurredAt()) + "  " + e.kind().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ": " + e.summary()
                + (context.isEmpty() ? "" : " [" + String.join(", ", context) + "]")
                + (e.outcome() == null ? "" : " -> " + e.outcome());
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null) {
                present.add(p);
            }
        }
        return String.join(", ", present);
    }
}
