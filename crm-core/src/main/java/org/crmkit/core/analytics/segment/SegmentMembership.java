package org.crmkit.core.analytics.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmkit.core.customer.AttributeValue;
import org.crmkit.spi.ValidationException;

/**
 * Who is in which segment, kept up to date one customer at a time. Holds many
 * {@link SegmentDefinition}s and the latest {@link SegmentFacts} of many customers.
 *
 * <p><b>Incremental rule.</b> A rule's verdict depends only on the fields it reads, and every rule
 * reads at least one field. So when one customer's facts change, {@link #update(SegmentFacts)}
 * finds the fields whose value changed (added, removed or different), looks up the definitions that
 * read any of them in an index from field to definitions, and re-evaluates only those, for only that
 * customer. A customer seen for the first time is evaluated against every definition. The result is
 * always the same as evaluating every definition on every customer from scratch
 * ({@link #recompute()}); a property test checks this after random changes.
 *
 * <p>Not thread-safe: confine an instance to one thread or guard it with a lock. Each method either
 * completes or, on a refused argument, changes nothing.
 *
 * @since 0.1
 */
public final class SegmentMembership {

    private final Map<String, SegmentDefinition> definitions = new LinkedHashMap<>();
    /** field → ids of the definitions that read it. */
    private final Map<String, Set<String>> readers = new HashMap<>();
    private final Map<String, SegmentFacts> facts = new LinkedHashMap<>();
    /** segment id → member ids. */
    private final Map<String, Set<String>> members = new HashMap<>();
    /** customer id → segment ids. */
    private final Map<String, Set<String>> segmentsOf = new HashMap<>();

    private SegmentMembership() {
    }

    /** @return an index with no definitions and no customers */
    public static SegmentMembership empty() {
        return new SegmentMembership();
    }

    /**
     * An index over a whole base, every definition evaluated on every customer.
     *
     * @param definitions the definitions, ids unique; not null
     * @param base        the facts of each customer, ids unique (a later one replaces an earlier); not null
     * @return the index
     * @throws ValidationException on field {@code definitions} if two share an id
     */
    public static SegmentMembership of(Collection<SegmentDefinition> definitions, Iterable<SegmentFacts> base) {
        Objects.requireNonNull(definitions, "definitions must not be null");
        Objects.requireNonNull(base, "base must not be null");
        Set<String> ids = new HashSet<>();
        for (SegmentDefinition d : definitions) {
            if (!ids.add(d.id())) {
                throw new ValidationException("definitions", "must have unique ids", d.id());
            }
        }
        SegmentMembership m = new SegmentMembership();
        definitions.forEach(m::define);
        base.forEach(m::update);
        return m;
    }

    /**
     * Evaluates definitions over a whole base without keeping an index.
     *
     * @param definitions the definitions; not null
     * @param base        every customer's facts; not null
     * @return member ids by segment id, every definition present (possibly with no members)
     */
    public static Map<String, Set<String>> evaluate(Collection<SegmentDefinition> definitions,
                                                   Iterable<SegmentFacts> base) {
        Objects.requireNonNull(definitions, "definitions must not be null");
        Objects.requireNonNull(base, "base must not be null");
        Map<String, Set<String>> out = new TreeMap<>();
        definitions.forEach(d -> out.put(d.id(), new TreeSet<>()));
        for (SegmentFacts f : base) {
            for (SegmentDefinition d : definitions) {
                if (d.matches(f)) {
                    out.get(d.id()).add(f.customerId());
                }
            }
        }
        out.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Adds a definition, or replaces the one with the same id, and evaluates it on every customer held.
     *
     * @param definition the definition; not null
     * @return the joins and leaves it caused
     */
    public List<MembershipChange> define(SegmentDefinition definition) {
        Objects.requireNonNull(definition, "definition must not be null");
        SegmentDefinition old = definitions.put(definition.id(), definition);
        if (old != null) {
            old.fields().forEach(f -> unindex(f, old.id()));
        }
        definition.fields().forEach(f -> readers.computeIfAbsent(f, k -> new HashSet<>()).add(definition.id()));
        members.computeIfAbsent(definition.id(), k -> new HashSet<>());
        List<MembershipChange> changes = new ArrayList<>();
        for (SegmentFacts f : facts.values()) {
            settle(definition, f, changes);
        }
        return changes;
    }

    /**
     * Removes a definition; its members leave it.
     *
     * @param segmentId the definition's id
     * @return the leaves; empty if there was no such definition
     */
    public List<MembershipChange> remove(String segmentId) {
        SegmentDefinition old = definitions.remove(segmentId);
        if (old == null) {
            return List.of();
        }
        old.fields().forEach(f -> unindex(f, old.id()));
        List<MembershipChange> changes = new ArrayList<>();
        for (String c : sorted(members.remove(segmentId))) {
            segmentsOf.get(c).remove(segmentId);
            changes.add(MembershipChange.left(segmentId, c));
        }
        return changes;
    }

    /**
     * Records a customer's new facts and re-evaluates only the definitions that read a field whose
     * value changed (every definition for a customer not seen before).
     *
     * @param newFacts the customer's complete new facts; not null
     * @return the joins and leaves, by definition order
     */
    public List<MembershipChange> update(SegmentFacts newFacts) {
        Objects.requireNonNull(newFacts, "newFacts must not be null");
        SegmentFacts old = facts.put(newFacts.customerId(), newFacts);
        segmentsOf.computeIfAbsent(newFacts.customerId(), k -> new HashSet<>());
        List<MembershipChange> changes = new ArrayList<>();
        if (old == null) {
            definitions.values().forEach(d -> settle(d, newFacts, changes));
            return changes;
        }
        Set<String> affected = new HashSet<>();
        for (String field : changedFields(old.values(), newFacts.values())) {
            affected.addAll(readers.getOrDefault(field, Set.of()));
        }
        for (SegmentDefinition d : definitions.values()) {
            if (affected.contains(d.id())) {
                settle(d, newFacts, changes);
            }
        }
        return changes;
    }

    /**
     * Forgets a customer; it leaves every segment.
     *
     * @param customerId the customer
     * @return the leaves; empty if the customer was not held
     */
    public List<MembershipChange> forget(String customerId) {
        if (facts.remove(customerId) == null) {
            return List.of();
        }
        List<MembershipChange> changes = new ArrayList<>();
        Set<String> in = segmentsOf.remove(customerId);
        for (String d : definitions.keySet()) {
            if (in.contains(d)) {
                members.get(d).remove(customerId);
                changes.add(MembershipChange.left(d, customerId));
            }
        }
        return changes;
    }

    /** @return the member ids of a segment, sorted; empty if there is no such segment */
    public Set<String> members(String segmentId) {
        return Collections.unmodifiableSet(sorted(members.getOrDefault(segmentId, Set.of())));
    }

    /** @return the ids of the segments a customer is in, sorted; empty if the customer is not held */
    public Set<String> segmentsOf(String customerId) {
        return Collections.unmodifiableSet(sorted(segmentsOf.getOrDefault(customerId, Set.of())));
    }

    /** @return member ids by segment id, for every definition, as an immutable copy */
    public Map<String, Set<String>> snapshot() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String d : definitions.keySet()) {
            out.put(d, Collections.unmodifiableSet(sorted(members.get(d))));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return every definition and every customer evaluated from scratch, without using the index */
    public Map<String, Set<String>> recompute() {
        return evaluate(definitions.values(), facts.values());
    }

    /** @return the definitions held, in the order they were first defined */
    public List<SegmentDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /** @return the latest facts held of a customer */
    public java.util.Optional<SegmentFacts> facts(String customerId) {
        return java.util.Optional.ofNullable(facts.get(customerId));
    }

    /** @return the ids of the definitions that read a field (the incremental index) */
    public Set<String> definitionsReading(String field) {
        return Collections.unmodifiableSet(sorted(readers.getOrDefault(field, Set.of())));
    }

    private void settle(SegmentDefinition d, SegmentFacts f, List<MembershipChange> changes) {
        boolean now = d.matches(f);
        Set<String> in = members.get(d.id());
        if (now && in.add(f.customerId())) {
            segmentsOf.get(f.customerId()).add(d.id());
            changes.add(MembershipChange.joined(d.id(), f.customerId()));
        } else if (!now && in.remove(f.customerId())) {
            segmentsOf.get(f.customerId()).remove(d.id());
            changes.add(MembershipChange.left(d.id(), f.customerId()));
        }
    }

    private void unindex(String field, String id) {
        Set<String> r = readers.get(field);
        if (r != null) {
            r.remove(id);
            if (r.isEmpty()) {
                readers.remove(field);
            }
        }
    }

    private static Set<String> changedFields(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        Set<String> out = new LinkedHashSet<>();
        a.forEach((k, v) -> {
            if (!v.equals(b.get(k))) {
                out.add(k);
            }
        });
        b.keySet().forEach(k -> {
            if (!a.containsKey(k)) {
                out.add(k);
            }
        });
        return out;
    }

    private static Set<String> sorted(Set<String> s) {
        return s == null ? new TreeSet<>() : new TreeSet<>(s);
    }
}
