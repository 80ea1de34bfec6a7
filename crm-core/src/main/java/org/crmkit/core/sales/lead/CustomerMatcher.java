package org.crmkit.core.sales.lead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.StorageSession;

/**
 * Finds the existing customers of a lead's tenant that may be the lead's person or organisation:
 * those with the same normalised e-mail address, the same phone number, or (for organisations)
 * the same organisation name, compared stripped and lower-cased. Each match says why it matched.
 * Finding no match is a normal outcome: an empty list.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CustomerMatcher {

    private static final int PAGE = 100;

    private CustomerMatcher() {
    }

    /**
     * Finds the customers matching {@code lead}, reading through {@code session} (so that a
     * conversion can match and convert in one unit of work).
     *
     * @param session a unit of work of the lead's tenant; not null
     * @param lead    the lead; not null
     * @return the matches, those with the most reasons first, then in customer id order; never null
     */
    public static List<CustomerMatch> find(StorageSession session, Lead lead) {
        Text.notNull(session, "session");
        Text.notNull(lead, "lead");
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, Set<MatchReason>> reasons = new LinkedHashMap<>();
        lead.email().ifPresent(e -> collect(session, CustomerQuery.all().withEmail(e.value()), MatchReason.EMAIL,
                c -> hasContact(c, ContactPointRecord.EMAIL, e.value()), names, reasons));
        lead.phone().ifPresent(p -> collect(session, CustomerQuery.all().withPhone(p.value()), MatchReason.PHONE,
                c -> hasContact(c, ContactPointRecord.PHONE, p.value()), names, reasons));
        lead.organisation().map(CustomerQuery::organisationKey).ifPresent(key -> collect(session,
                CustomerQuery.all().withOrganisation(key), MatchReason.ORGANISATION,
                c -> c.organisation() != null && key.equals(CustomerQuery.organisationKey(c.organisation().legalName())),
                names, reasons));
        List<CustomerMatch> matches = new ArrayList<>();
        reasons.forEach((id, why) -> matches.add(new CustomerMatch(new CustomerId(id), names.get(id), why)));
        matches.sort(Comparator.comparingInt((CustomerMatch m) -> -m.reasons().size())
                .thenComparing(m -> m.customerId().value(), CustomerMatcher::unsigned));
        return List.copyOf(matches);
    }

    /**
     * Adds the customers {@code query} finds for {@code reason}. Each one is checked again with
     * {@code really}, so that a store that answers a criterion too broadly never yields a false match.
     */
    private static void collect(StorageSession session, CustomerQuery query, MatchReason reason,
                                Predicate<CustomerRecord> really, Map<UUID, String> names,
                                Map<UUID, Set<MatchReason>> reasons) {
        Optional<PageRequest> page = Optional.of(PageRequest.first(PAGE));
        while (page.isPresent()) {
            Page<CustomerRecord> p = session.customers().query(query, page.get());
            for (CustomerRecord c : p.items()) {
                if (!really.test(c)) {
                    continue;
                }
                names.put(c.id(), c.name());
                reasons.computeIfAbsent(c.id(), k -> EnumSet.noneOf(MatchReason.class)).add(reason);
            }
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
    }

    private static boolean hasContact(CustomerRecord customer, String kind, String value) {
        return customer.contactPoints().stream().anyMatch(p -> p.kind().equals(kind) && p.value().equals(value));
    }

    /** Orders UUIDs as unsigned 128-bit numbers, the order stores list them in. */
    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
