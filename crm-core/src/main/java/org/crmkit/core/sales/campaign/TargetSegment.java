package org.crmkit.core.sales.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;

/**
 * Which customers a campaign targets: those a {@link Rule} selects, or a {@link FixedList}.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface TargetSegment {

    /**
     * @param customer a customer of the campaign's tenant; not null
     * @return whether this segment selects the customer
     */
    boolean selects(Customer customer);

    /** @return the segment in plain words */
    String describe();

    /**
     * A rule over customer attributes and fields, in disjunctive normal form: a customer is
     * selected when it meets every condition of at least one clause. Build a single conjunction
     * with {@link #allOf}, a single disjunction with {@link #anyOf}, or any formula with
     * {@link #anyOfClauses}.
     *
     * @param clauses the clauses, at least one, each a non-empty list of conditions; copied
     */
    record Rule(List<List<TargetCondition>> clauses) implements TargetSegment {
        public Rule {
            if (clauses == null || clauses.isEmpty()) {
                throw new ValidationException("target.clauses", "must hold at least one clause");
            }
            List<List<TargetCondition>> copy = new ArrayList<>(clauses.size());
            for (int i = 0; i < clauses.size(); i++) {
                List<TargetCondition> clause = clauses.get(i);
                if (clause == null || clause.isEmpty()) {
                    throw new ValidationException("target.clauses[" + i + "]", "must hold at least one condition");
                }
                for (int j = 0; j < clause.size(); j++) {
                    if (clause.get(j) == null) {
                        throw new ValidationException("target.clauses[" + i + "][" + j + "]", "must not be null");
                    }
                }
                copy.add(List.copyOf(clause));
            }
            clauses = List.copyOf(copy);
        }

        /** @return the rule that selects customers meeting every one of {@code conditions} */
        public static Rule allOf(TargetCondition... conditions) {
            return new Rule(List.of(List.of(conditions)));
        }

        /** @return the rule that selects customers meeting at least one of {@code conditions} */
        public static Rule anyOf(TargetCondition... conditions) {
            return new Rule(Arrays.stream(conditions).map(List::of).toList());
        }

        /** @return the rule that selects customers meeting every condition of at least one clause */
        @SafeVarargs
        public static Rule anyOfClauses(List<TargetCondition>... clauses) {
            return new Rule(List.of(clauses));
        }

        @Override
        public boolean selects(Customer customer) {
            Objects.requireNonNull(customer, "customer must not be null");
            return clauses.stream().anyMatch(clause -> clause.stream().allMatch(c -> c.test(customer)));
        }

        @Override
        public String describe() {
            return clauses.stream()
                    .map(clause -> clause.stream().map(TargetCondition::describe).collect(Collectors.joining(" and ")))
                    .collect(Collectors.joining(") or (", "(", ")"));
        }
    }

    /**
     * A fixed list of customers, chosen by hand or imported.
     *
     * @param customers the customers, at least one, without repeats; copied, order kept
     */
    record FixedList(List<CustomerId> customers) implements TargetSegment {
        public FixedList {
            if (customers == null || customers.isEmpty()) {
                throw new ValidationException("target.customers", "must hold at least one customer");
            }
            LinkedHashSet<CustomerId> seen = new LinkedHashSet<>();
            for (int i = 0; i < customers.size(); i++) {
                if (customers.get(i) == null) {
                    throw new ValidationException("target.customers[" + i + "]", "must not be null");
                }
                if (!seen.add(customers.get(i))) {
                    throw new ValidationException("target.customers[" + i + "]", "must not repeat a customer",
                            customers.get(i));
                }
            }
            customers = List.copyOf(customers);
        }

        /** @return the list of {@code customers} */
        public static FixedList of(CustomerId... customers) {
            return new FixedList(List.of(customers));
        }

        @Override
        public boolean selects(Customer customer) {
            return customers.contains(Objects.requireNonNull(customer, "customer must not be null").id());
        }

        @Override
        public String describe() {
            return customers.size() + " listed customer" + (customers.size() == 1 ? "" : "s");
        }
    }
}
