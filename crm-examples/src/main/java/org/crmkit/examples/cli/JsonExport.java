package org.crmkit.examples.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.core.customer.Attribute;
import org.crmkit.core.customer.Consent;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerFilter;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.OwnerAssignment;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON document {@code crm export} writes: every customer of a tenant, in id order,
 * each with its whole timeline. Instants are ISO-8601 strings in UTC; absent optional values are
 * {@code null}, so every customer has the same fields.
 */
final class JsonExport {

    /** The version of the document's layout, written as {@code "format"}. */
    static final int FORMAT = 1;

    private static final int PAGE_SIZE = 100;

    private final ObjectMapper mapper;

    JsonExport(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the document; its {@code customerCount} and {@code timelineEntryCount} sum up its content */
    ObjectNode export(Customers customers, Instant exportedAt) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("tenant", customers.tenant().value());
        root.put("exportedAt", exportedAt.truncatedTo(ChronoUnit.MICROS).toString());
        ArrayNode list = mapper.createArrayNode();
        long entries = 0;
        Optional<PageRequest> page = Optional.of(PageRequest.first(PAGE_SIZE));
        while (page.isPresent()) {
            Page<Customer> p = customers.list(CustomerFilter.all(), page.get());
            for (Customer c : p.items()) {
                ObjectNode node = customer(c);
                ArrayNode timeline = node.putArray("timeline");
                for (TimelineEntry e : customers.timeline(c.id())) {
                    timeline.add(entry(e));
                    entries++;
                }
                list.add(node);
            }
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        root.put("customerCount", list.size());
        root.put("timelineEntryCount", entries);
        root.set("customers", list);
        return root;
    }

    private ObjectNode customer(Customer c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", c.id().toString());
        n.put("version", c.version());
        n.put("type", c.type().name());
        n.put("name", c.name());
        n.set("organisation", c.organisation().<JsonNode>map(o -> {
            ObjectNode org = mapper.createObjectNode();
            org.put("legalName", o.legalName());
            org.put("registrationNumber", o.registrationNumber());
            org.put("taxNumber", o.taxNumber());
            org.put("industry", o.industry());
            org.put("website", o.website());
            return org;
        }).orElse(mapper.nullNode()));
        n.put("relationshipLevel", c.relationshipLevel().name());
        n.put("lifecycleStage", c.lifecycleStage().name());
        n.put("owner", c.owner().value());
        ArrayNode owners = n.putArray("ownerHistory");
        for (OwnerAssignment a : c.ownerHistory()) {
            ObjectNode o = owners.addObject();
            o.put("owner", a.owner().value());
            o.put("from", a.from().toString());
            o.put("until", a.ended().map(Instant::toString).orElse(null));
            o.put("assignedBy", a.assignedBy().value());
            o.put("reason", a.reason());
        }
        ArrayNode points = n.putArray("contactPoints");
        for (ContactPoint p : c.contactPoints()) {
            ObjectNode o = points.addObject();
            o.put("kind", p.kind().name());
            o.put("value", p.value());
            o.put("label", p.label());
            o.put("primary", p.primary());
        }
        ArrayNode addresses = n.putArray("postalAddresses");
        for (PostalAddress a : c.postalAddresses()) {
            ObjectNode o = addresses.addObject();
            o.put("label", a.label());
            o.put("primary", a.primary());
            o.put("street", a.street());
            o.put("city", a.city());
            o.put("region", a.region());
            o.put("postalCode", a.postalCode());
            o.put("country", a.country());
        }
        ArrayNode attributes = n.putArray("attributes");
        for (Attribute a : c.attributes()) {
            ObjectNode o = attributes.addObject();
            o.put("category", a.category().name());
            o.put("name", a.name());
            o.put("type", a.value().typeCode());
            o.put("value", a.value().canonical());
        }
        ArrayNode consents = n.putArray("consents");
        for (Consent k : c.consents()) {
            ObjectNode o = consents.addObject();
            o.put("channel", k.channel().name());
            o.put("purpose", k.purpose().code());
            o.put("status", k.status().name());
            o.put("at", k.at().toString());
            o.put("evidence", k.evidence());
        }
        n.put("createdAt", c.createdAt().toString());
        n.put("updatedAt", c.updatedAt().toString());
        return n;
    }

    private ObjectNode entry(TimelineEntry e) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", e.id().toString());
        o.put("occurredAt", e.occurredAt().toString());
        o.put("kind", e.kind().name());
        o.put("channel", e.channel() == null ? null : e.channel().name());
        o.put("staff", e.staff() == null ? null : e.staff().value());
        o.put("department", e.department());
        o.put("summary", e.summary());
        o.put("outcome", e.outcome());
        return o;
    }
}
