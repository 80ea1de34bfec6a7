package org.crmkit.core.analytics.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.customer.AttributeValue;
import org.crmkit.spi.ValidationException;

/**
 * A rule over a customer's facts (attributes and computed scores, see {@link SegmentFacts}) that
 * decides whether the customer is in a segment (domain §6, segmentation by attributes). Immutable
 * and thread-safe; every record validates itself, so a rule that exists is well-formed.
 *
 * <h2>Typed comparison</h2>
 * A leaf rule names a field and compares the customer's value of it with the rule's value:
 * <ul>
 *   <li>numbers numerically ({@code 2.5 = 2.50});</li>
 *   <li>dates by date, timestamps by instant; a date never equals a timestamp;</li>
 *   <li>texts exactly, ordered by Unicode code point; with {@code ignoreCase} both sides are
 *       upper-cased, then lower-cased, in {@link java.util.Locale#ROOT} first;</li>
 *   <li>booleans only with {@code =} and {@code ≠} (they have no order: refused when the rule is built).</li>
 * </ul>
 * The rule's own values are checked when it is built (one type per {@link In} set, {@link Between}
 * bounds of the same ordered type and in order). The customer's facts have no schema, so a fact of
 * another type than the rule's value, or a missing fact, is decided when evaluating: the comparison
 * is {@link Verdict#UNKNOWN} with a reason saying so, and the customer is not a member. Unknown
 * follows three-valued logic: {@code not} keeps it unknown, {@code and} is false if any part is
 * false, {@code or} true if any part is true. To select customers who lack a field, use
 * {@code not(has(field))}. When the field types are known, {@link #checkTypes(java.util.Map)}
 * refuses mismatches before any evaluation.
 *
 * @since 0.1
 */
public sealed interface SegmentRule {

    /** The most parts an {@link And}, {@link Or} or {@link In} may have. */
    int MAX_PARTS = 1000;

    /**
     * Evaluates the rule on one customer.
     *
     * @param facts the customer's facts; not null
     * @return the verdict, with the sub-rules that decided it
     */
    default RuleEvaluation evaluate(SegmentFacts facts) {
        Objects.requireNonNull(facts, "facts must not be null");
        return evaluate(facts, "rule");
    }

    /**
     * Evaluates the rule at a path of a larger rule.
     *
     * @param facts the customer's facts; not null
     * @param path  this rule's path, such as {@code rule.and[2]}; not null
     * @return the verdict
     */
    RuleEvaluation evaluate(SegmentFacts facts, String path);

    /** @return every field the rule reads, in the order they appear */
    default Set<String> fields() {
        Set<String> out = new LinkedHashSet<>();
        collectFields(this, out);
        return Collections.unmodifiableSet(out);
    }

    /** @return how deeply the rule nests: 1 for a leaf */
    default int depth() {
        if (this instanceof And a) {
            return 1 + a.rules().stream().mapToInt(SegmentRule::depth).max().orElse(0);
        }
        if (this instanceof Or o) {
            return 1 + o.rules().stream().mapToInt(SegmentRule::depth).max().orElse(0);
        }
        if (this instanceof Not n) {
            return 1 + n.rule().depth();
        }
        return 1;
    }

    /**
     * Checks the rule against the known type of each field, so that a comparison that could only
     * ever be unknown is refused before evaluation.
     *
     * @param fieldTypes type code ({@code TEXT}, {@code NUMBER}, {@code BOOLEAN}, {@code DATE},
     *                   {@code TIMESTAMP}) by field; fields not in the map are not checked; not null
     * @throws ValidationException on the path of the first mismatching leaf ({@code rule.and[1].value})
     */
    default void checkTypes(java.util.Map<String, String> fieldTypes) {
        Objects.requireNonNull(fieldTypes, "fieldTypes must not be null");
        checkTypes(this, fieldTypes, "rule");
    }

    private static void checkTypes(SegmentRule rule, java.util.Map<String, String> types, String path) {
        if (rule instanceof And a) {
            for (int i = 0; i < a.rules().size(); i++) {
                checkTypes(a.rules().get(i), types, path + ".and[" + i + "]");
            }
        } else if (rule instanceof Or o) {
            for (int i = 0; i < o.rules().size(); i++) {
                checkTypes(o.rules().get(i), types, path + ".or[" + i + "]");
            }
        } else if (rule instanceof Not n) {
            checkTypes(n.rule(), types, path + ".not");
        } else if (rule instanceof Compare c) {
            checkType(types, c.field(), c.value(), path + ".value");
        } else if (rule instanceof Between b) {
            checkType(types, b.field(), b.low(), path + ".low");
        } else if (rule instanceof In in) {
            checkType(types, in.field(), in.values().get(0), path + ".values");
        }
    }

    private static void checkType(java.util.Map<String, String> types, String field, AttributeValue v, String path) {
        String known = types.get(field);
        if (known != null && !known.equals(v.typeCode())) {
            throw new ValidationException(path, "must be a " + known + " like field " + field + ", not a "
                    + v.typeCode(), v.canonical());
        }
    }

    private static void collectFields(SegmentRule rule, Set<String> out) {
        if (rule instanceof And a) {
            a.rules().forEach(r -> collectFields(r, out));
        } else if (rule instanceof Or o) {
            o.rules().forEach(r -> collectFields(r, out));
        } else if (rule instanceof Not n) {
            collectFields(n.rule(), out);
        } else if (rule instanceof Compare c) {
            out.add(c.field());
        } else if (rule instanceof Between b) {
            out.add(b.field());
        } else if (rule instanceof In in) {
            out.add(in.field());
        } else if (rule instanceof Has h) {
            out.add(h.field());
        }
    }

    /** @return a rule that holds when every part holds */
    static SegmentRule and(SegmentRule... rules) {
        return new And(List.of(rules));
    }

    /** @return a rule that holds when any part holds */
    static SegmentRule or(SegmentRule... rules) {
        return new Or(List.of(rules));
    }

    /** @return a rule that holds when {@code rule} does not */
    static SegmentRule not(SegmentRule rule) {
        return new Not(rule);
    }

    /** @return a comparison of {@code field} with {@code value}, texts compared exactly */
    static SegmentRule compare(String field, ComparisonOperator op, AttributeValue value) {
        return new Compare(field, op, value, false);
    }

    /** @return whether {@code field} is within [low, high], both bounds inclusive */
    static SegmentRule between(String field, AttributeValue low, AttributeValue high) {
        return new Between(field, low, true, high, true);
    }

    /** @return whether {@code field} equals one of {@code values}, texts compared exactly */
    static SegmentRule in(String field, AttributeValue... values) {
        return new In(field, List.of(values), false);
    }

    /** @return whether the customer has {@code field} */
    static SegmentRule has(String field) {
        return new Has(field);
    }

    /**
     * Holds when every part holds (false as soon as one part is false).
     *
     * @param rules 1 to {@value #MAX_PARTS} parts; not null
     */
    record And(List<SegmentRule> rules) implements SegmentRule {
        /** Validates and copies the parts. */
        public And {
            rules = parts(rules);
        }

        @Override
        public RuleEvaluation evaluate(SegmentFacts facts, String path) {
            return combine(this, rules, facts, path, "and", Verdict.FALSE);
        }
    }

    /**
     * Holds when any part holds (true as soon as one part is true).
     *
     * @param rules 1 to {@value #MAX_PARTS} parts; not null
     */
    record Or(List<SegmentRule> rules) implements SegmentRule {
        /** Validates and copies the parts. */
        public Or {
            rules = parts(rules);
        }

        @Override
        public RuleEvaluation evaluate(SegmentFacts facts, String path) {
            return combine(this, rules, facts, path, "or", Verdict.TRUE);
        }
    }

    /**
     * Holds when its part does not; unknown stays unknown.
     *
     * @param rule the part; not null
     */
    record Not(SegmentRule rule) implements SegmentRule {
        /** Validates the part. */
        public Not {
            if (rule == null) {
                throw new ValidationException("not", "must not be null");
            }
        }

        @Override
        public RuleEvaluation evaluate(SegmentFacts facts, String path) {
            RuleEvaluation inner = rule.evaluate(facts, path + ".not");
            Verdict v = inner.verdict().not();
            return new RuleEvaluation(v, path, this, "not: " + inner.path() + " is " + name(inner.verdict()),
                    List.of(inner));
        }
    }

    /**
     * Compares a field with a value.
     *
     * @param field      the field; see {@link SegmentFacts} for names
     * @param op         the operator; ordering operators need an ordered value (not a boolean)
     * @param value      the value; not null
     * @param ignoreCase compare texts case-insensitively; only with a text value
     */
    record Compare(String field, ComparisonOperator op, AttributeValue value, boolean ignoreCase)
            implements SegmentRule {
        /** Validates the comparison. */
        public Compare {
            Fields.check(field, "field");
            if (op == null) {
                throw new ValidationException("op", "must not be null");
            }
            if (value == null) {
                throw new ValidationException("value", "must not be null");
            }
            if (op.isOrdering() && !Values.ordered(value)) {
                throw new ValidationException("op", "must be eq or ne for a " + value.typeCode() + " value", op.code());
            }
            checkIgnoreCase(ignoreCase, value);
        }

        @Override
        public RuleEvaluation evaluate(SegmentFacts facts, String path) {
            Optional<AttributeValue> fact = facts.get(field);
            if (fact.isEmpty()) {
                return missing(this, path, field);
            }
            AttributeValue f = fact.get();
            if (!Values.sameType(f, value)) {
                return mismatch(this, path, field, f, value);
            }
            boolean holds = op.holds(Values.compare(f, value, ignoreCase));
            String text = field + " " + Values.show(f) + (holds ? " " : " is not ") + op.symbol() + " "
                    + Values.show(value) + (ignoreCase ? " (ignoring case)" : "");
            return new RuleEvaluation(Verdict.of(holds), path, this, text, List.of());
        }
    }

    /**
     * Whether a field is within a range; each bound states whether it is inclusive.
     *
     * @param field         the field
     * @param low           the lower bound; an ordered value (not a boolean); not null
     * @param lowInclusive  whether {@code low} itself is in the range
     * @param high          the upper bound, of the same type, not below {@code low}; not null
     * @param highInclusive whether {@code high} itself is in the range
     */
    record Between(String field, AttributeValue low, boolean lowInclusive, AttributeValue high,
                   boolean highInclusive) implements SegmentRule {
        /** Validates the range. */
        public Between {
            Fields.check(field, "field");
            if (low == null) {
                throw new ValidationException("low", "must not be null");
            }
            if (high == null) {
                throw new ValidationException("high", "must not be null");
            }
            if (!Values.ordered(low)) {
                throw new ValidationException("low", "must be an ordered value, not a " + low.typeCode(),
                        low.canonical());
            }
            if (!Values.sameType(low, high)) {
                throw new ValidationException("high", "must be a " + low.typeCode() + " like low, not a "
                        + high.typeCode(), high.canonical());
            }
            int c = Values.compare(low, high, false);
            if (c > 0) {
                throw new ValidationException("high", "must not be below low", high.canonical());
            }
            if (c == 0 && !(lowInclusive && highInclusive)) {
                throw new ValidationException("high", "must be above low when a bound is exclusive", high.canonical());
            }
        }

        /** @return the range in interval notation, such as {@code [10, 20)} */
        public String interval() {
            return (lowInclusive ? "[" : "(") + Values.show(low) + ", " + Values.show(high) + (highInclusive ? "]" : ")");
        }

        @Override
        public RuleEvaluation evaluate(SegmentFacts facts, String path) {
            Optional<AttributeValue> fact = facts.get(field);
            if (fact.isEmpty()) {
                return missing(this, path, field);
            }
            AttributeValue f = fact.get();
            if (!Values.sameType(f, low)) {
                return mismatch(this, path, field, f, low);
            }
            int lo = Values.compare(f, low, false);
            int hi = Values.compare(f, high, false);
            boolean holds = (lowInclusive ? lo >= 0 : lo > 0) && (highInclusive ? hi <= 0 : hi < 0);
            String text = field + " " + Values.show(f) + (holds ? " is in " : " is not in ") + interval();
            return new RuleEvaluation(Verdict.of(holds), path, this, text, List.of());
        }
    }

    /**
     * Whether a field equals one of a set of values.
     *
     * @param field      the field
     * @param values     1 to {@value #MAX_PARTS} values, all of one type; not null; duplicates are dropped
     * @param ignoreCase compare texts case-insensitively; only with text values
     */
    record In(String field, List<AttributeValue> values, boolean ignoreCase) implements SegmentRule {
        /** Validates and copies the values. */
        public In {
            Fields.check(field, "field");
            if (values == null || values.isEmpty()) {
                throw new ValidationException("values", "must not be empty");
            }
            if (values.size() > MAX_PARTS) {
                throw new ValidationException("values", "must have at most " + MAX_PARTS + " values");
            }
            for (int i = 0; i < values.size(); i++) {
                AttributeValue v = values.get(i);
                if (v == null) {
                    throw new ValidationException("values[" + i + "]", "must not be null");
                }
                if (!Values.sameType(v, values.get(0))) {
                    throw new ValidationException("values[" + i + "]", "must be a " + values.get(0).typeCode()
                            + " like the first value, not a " + v.typeCode(), v.canonical());
                }
            }
            values = List.copyOf(new LinkedHashSet<>(values));
            checkIgnoreCase(ignoreCase, values.get(0));
        }

        @Override
        public RuleEvaluation evaluate(SegmentFacts facts, String path) {
            Optional<AttributeValue> fact = facts.get(field);
            if (fact.isEmpty()) {
                return missing(this, path, field);
            }
            AttributeValue f = fact.get();
            if (!Values.sameType(f, values.get(0))) {
                return mismatch(this, path, field, f, values.get(0));
            }
            boolean holds = values.stream().anyMatch(v -> Values.compare(f, v, ignoreCase) == 0);
            String text = field + " " + Values.show(f) + (holds ? " is one of " : " is none of ") + values.size()
                    + (values.size() == 1 ? " value" : " values") + (ignoreCase ? " (ignoring case)" : "");
            return new RuleEvaluation(Verdict.of(holds), path, this, text, List.of());
        }
    }

    /**
     * Whether the customer has a field at all, whatever its value. Never unknown.
     *
     * @param field the field
     */
    record Has(String field) implements SegmentRule {
        /** Validates the field. */
        public Has {
            Fields.check(field, "field");
        }

        @Override
        public RuleEvaluation evaluate(SegmentFacts facts, String path) {
            boolean holds = facts.get(field).isPresent();
            return new RuleEvaluation(Verdict.of(holds), path, this, field + (holds ? " is present" : " is missing"),
                    List.of());
        }
    }

    private static List<SegmentRule> parts(List<SegmentRule> rules) {
        if (rules == null || rules.isEmpty()) {
            throw new ValidationException("rules", "must not be empty");
        }
        if (rules.size() > MAX_PARTS) {
            throw new ValidationException("rules", "must have at most " + MAX_PARTS + " parts");
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw new ValidationException("rules[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(rules);
    }

    private static void checkIgnoreCase(boolean ignoreCase, AttributeValue value) {
        if (ignoreCase && !(value instanceof AttributeValue.Text)) {
            throw new ValidationException("ignoreCase", "must be false for a " + value.typeCode() + " value");
        }
    }

    /**
     * And and or: the first part with the deciding verdict decides; otherwise unknown parts make the
     * whole unknown; otherwise every part decided together.
     */
    private static RuleEvaluation combine(SegmentRule self, List<SegmentRule> rules, SegmentFacts facts, String path,
                                          String key, Verdict decisive) {
        List<RuleEvaluation> unknown = new ArrayList<>();
        List<RuleEvaluation> all = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            RuleEvaluation e = rules.get(i).evaluate(facts, path + "." + key + "[" + i + "]");
            if (e.verdict() == decisive) {
                return new RuleEvaluation(decisive, path, self, key + ": " + e.path() + " is " + name(decisive),
                        List.of(e));
            }
            if (e.verdict() == Verdict.UNKNOWN) {
                unknown.add(e);
            }
            all.add(e);
        }
        if (!unknown.isEmpty()) {
            return new RuleEvaluation(Verdict.UNKNOWN, path, self, key + ": " + unknown.get(0).path()
                    + (unknown.size() > 1 ? " and " + (unknown.size() - 1) + " more are" : " is") + " unknown", unknown);
        }
        Verdict v = decisive.not();
        return new RuleEvaluation(v, path, self, key + ": " + (all.size() == 1 ? "its part is " : "all "
                + all.size() + " parts are ") + name(v), all);
    }

    private static RuleEvaluation missing(SegmentRule self, String path, String field) {
        return new RuleEvaluation(Verdict.UNKNOWN, path, self, field + " is missing", List.of());
    }

    private static RuleEvaluation mismatch(SegmentRule self, String path, String field, AttributeValue fact,
                                           AttributeValue value) {
        return new RuleEvaluation(Verdict.UNKNOWN, path, self, "type mismatch: " + field + " is a " + fact.typeCode()
                + " (" + Values.show(fact) + "), the rule compares with a " + value.typeCode(), List.of());
    }

    private static String name(Verdict v) {
        return v.name().toLowerCase(java.util.Locale.ROOT);
    }
}
