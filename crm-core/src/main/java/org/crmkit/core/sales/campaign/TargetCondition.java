package org.crmkit.core.sales.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.customer.Attribute;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.spi.ValidationException;

/**
 * One condition of a {@link TargetSegment.Rule}: a test of one customer attribute or field.
 * Immutable and thread-safe.
 *
 * <p>Attribute conditions never match a customer that lacks the attribute, nor one whose value is
 * of another type than the operand (a {@code NUMBER} operand never equals a {@code TEXT} value).
 *
 * @since 0.1
 */
public sealed interface TargetCondition {

    /**
     * @param customer the customer; not null
     * @return whether the customer meets this condition
     */
    boolean test(Customer customer);

    /** @return the condition in plain words, for example {@code "INTERNAL income >= 50000"} */
    String describe();

    /** @return the attribute {@code category name} equals {@code value} */
    static TargetCondition attributeEquals(AttributeCategory category, String name, AttributeValue value) {
        return new AttributeEquals(category, name, value);
    }

    /** @return the attribute {@code category name} is at least {@code value} (numbers, dates, timestamps) */
    static TargetCondition attributeAtLeast(AttributeCategory category, String name, AttributeValue value) {
        return new AttributeAtLeast(category, name, value);
    }

    /** @return the attribute {@code category name} is at most {@code value} (numbers, dates, timestamps) */
    static TargetCondition attributeAtMost(AttributeCategory category, String name, AttributeValue value) {
        return new AttributeAtMost(category, name, value);
    }

    /** @return the attribute {@code category name} equals one of {@code values} */
    static TargetCondition attributeIn(AttributeCategory category, String name, AttributeValue... values) {
        return new AttributeIn(category, name, values == null ? null : new LinkedHashSet<>(Arrays.asList(values)));
    }

    /** @return the customer is of one of {@code types} (repeats are ignored) */
    static TargetCondition typeIn(CustomerType... types) {
        return new TypeIn(types == null ? null : new HashSet<>(Arrays.asList(types)));
    }

    /** @return the customer's relationship is in one of {@code stages} */
    static TargetCondition lifecycleStageIn(LifecycleStage... stages) {
        return new LifecycleStageIn(stages == null ? null : new HashSet<>(Arrays.asList(stages)));
    }

    /** @return the company runs at least relationship {@code level} with the customer (in Kotler's order) */
    static TargetCondition relationshipLevelAtLeast(RelationshipLevel level) {
        return new RelationshipLevelAtLeast(level);
    }

    /**
     * The attribute equals the value.
     *
     * @param category the attribute's category; not null
     * @param name     the attribute's name; a valid attribute name
     * @param value    the value it must equal; not null
     */
    record AttributeEquals(AttributeCategory category, String name, AttributeValue value) implements TargetCondition {
        public AttributeEquals {
            name = checkAttribute(category, name, value);
        }

        @Override
        public boolean test(Customer customer) {
            return valueOf(customer, category, name).filter(value::equals).isPresent();
        }

        @Override
        public String describe() {
            return category + " " + name + " = " + value.canonical();
        }
    }

    /**
     * The attribute is greater than or equal to the value. Only numbers, dates and timestamps are
     * ordered.
     *
     * @param category the attribute's category; not null
     * @param name     the attribute's name; a valid attribute name
     * @param value    the lower bound, a {@code NUMBER}, {@code DATE} or {@code TIMESTAMP}; not null
     */
    record AttributeAtLeast(AttributeCategory category, String name, AttributeValue value) implements TargetCondition {
        public AttributeAtLeast {
            name = checkAttribute(category, name, value);
            requireOrdered(value);
        }

        @Override
        public boolean test(Customer customer) {
            return valueOf(customer, category, name).flatMap(v -> compare(v, value)).filter(c -> c >= 0).isPresent();
        }

        @Override
        public String describe() {
            return category + " " + name + " >= " + value.canonical();
        }
    }

    /**
     * The attribute is less than or equal to the value. Only numbers, dates and timestamps are
     * ordered.
     *
     * @param category the attribute's category; not null
     * @param name     the attribute's name; a valid attribute name
     * @param value    the upper bound, a {@code NUMBER}, {@code DATE} or {@code TIMESTAMP}; not null
     */
    record AttributeAtMost(AttributeCategory category, String name, AttributeValue value) implements TargetCondition {
        public AttributeAtMost {
            name = checkAttribute(category, name, value);
            requireOrdered(value);
        }

        @Override
        public boolean test(Customer customer) {
            return valueOf(customer, category, name).flatMap(v -> compare(v, value)).filter(c -> c <= 0).isPresent();
        }

        @Override
        public String describe() {
            return category + " " + name + " <= " + value.canonical();
        }
    }

    /**
     * The attribute equals one of the values.
     *
     * @param category the attribute's category; not null
     * @param name     the attribute's name; a valid attribute name
     * @param values   the values, at least one, all of one type; copied, iteration order kept
     */
    record AttributeIn(AttributeCategory category, String name, Set<AttributeValue> values)
            implements TargetCondition {
        public AttributeIn {
            if (values == null || values.isEmpty()) {
                throw new ValidationException("condition.values", "must hold at least one value");
            }
            AttributeValue first = null;
            for (AttributeValue v : values) {
                if (v == null) {
                    throw new ValidationException("condition.values", "must not hold null");
                }
                if (first != null && !first.typeCode().equals(v.typeCode())) {
                    throw new ValidationException("condition.values", "must all be of one type, " + first.typeCode(),
                            v.typeCode());
                }
                first = first == null ? v : first;
            }
            name = checkAttribute(category, name, first);
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public boolean test(Customer customer) {
            return valueOf(customer, category, name).filter(values::contains).isPresent();
        }

        @Override
        public String describe() {
            return category + " " + name + " in " + values.stream().map(AttributeValue::canonical).toList();
        }
    }

    /**
     * The customer is of one of the types.
     *
     * @param types the types, at least one; copied
     */
    record TypeIn(Set<CustomerType> types) implements TargetCondition {
        public TypeIn {
            types = nonEmpty(types, CustomerType.class);
        }

        @Override
        public boolean test(Customer customer) {
            return types.contains(customer.type());
        }

        @Override
        public String describe() {
            return "type in " + types;
        }
    }

    /**
     * The customer's relationship is in one of the lifecycle stages.
     *
     * @param stages the stages, at least one; copied
     */
    record LifecycleStageIn(Set<LifecycleStage> stages) implements TargetCondition {
        public LifecycleStageIn {
            stages = nonEmpty(stages, LifecycleStage.class);
        }

        @Override
        public boolean test(Customer customer) {
            return stages.contains(customer.lifecycleStage());
        }

        @Override
        public String describe() {
            return "lifecycle stage in " + stages;
        }
    }

    /**
     * The company runs at least this relationship level with the customer, in the order of
     * {@link RelationshipLevel} (basic lowest, partnership highest).
     *
     * @param level the lowest level; not null
     */
    record RelationshipLevelAtLeast(RelationshipLevel level) implements TargetCondition {
        public RelationshipLevelAtLeast {
            if (level == null) {
                throw new ValidationException("condition.level", "must not be null");
            }
        }

        @Override
        public boolean test(Customer customer) {
            return customer.relationshipLevel().compareTo(level) >= 0;
        }

        @Override
        public String describe() {
            return "relationship level >= " + level;
        }
    }

    private static String checkAttribute(AttributeCategory category, String name, AttributeValue value) {
        if (category == null) {
            throw new ValidationException("condition.category", "must not be null");
        }
        if (value == null) {
            throw new ValidationException("condition.value", "must not be null");
        }
        // Validates the name exactly as an attribute's name is validated.
        return new Attribute(category, name, value).name();
    }

    private static void requireOrdered(AttributeValue value) {
        if (!(value instanceof AttributeValue.Number || value instanceof AttributeValue.Date
                || value instanceof AttributeValue.Timestamp)) {
            throw new ValidationException("condition.value", "must be a NUMBER, DATE or TIMESTAMP to be compared",
                    value.typeCode());
        }
    }

    private static Optional<AttributeValue> valueOf(Customer customer, AttributeCategory category, String name) {
        return Objects.requireNonNull(customer, "customer must not be null").attribute(category, name);
    }

    /** Compares two values of the same ordered type; empty if they cannot be compared. */
    private static Optional<Integer> compare(AttributeValue actual, AttributeValue bound) {
        if (actual instanceof AttributeValue.Number a && bound instanceof AttributeValue.Number b) {
            BigDecimal x = a.value();
            return Optional.of(x.compareTo(b.value()));
        }
        if (actual instanceof AttributeValue.Date a && bound instanceof AttributeValue.Date b) {
            LocalDate x = a.value();
            return Optional.of(x.compareTo(b.value()));
        }
        if (actual instanceof AttributeValue.Timestamp a && bound instanceof AttributeValue.Timestamp b) {
            Instant x = a.value();
            return Optional.of(x.compareTo(b.value()));
        }
        return Optional.empty();
    }

    private static <E extends Enum<E>> Set<E> nonEmpty(Set<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException("condition.values", "must hold at least one value");
        }
        for (E v : values) {
            if (v == null) {
                throw new ValidationException("condition.values", "must not hold null");
            }
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(values));
    }
}
