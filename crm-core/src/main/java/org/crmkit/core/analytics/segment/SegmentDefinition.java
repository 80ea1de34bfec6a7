package org.crmkit.core.analytics.segment;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.crmkit.spi.ValidationException;

/**
 * A named attribute segment: a {@link SegmentRule} with an id, a name, a description and a version
 * (domain §6, segmentation by attributes). Immutable and thread-safe. Stored as JSON with
 * {@link SegmentJson}.
 *
 * @param id          1-100 letters, digits, '_', '-' or '.', starting with a letter; unique among
 *                    the definitions a {@link SegmentMembership} holds
 * @param name        what people call the segment, 1-200 characters, not blank
 * @param description what the segment is for, at most 2,000 characters; may be empty, not null
 * @param rule        the rule, nested at most {@value #MAX_DEPTH} deep; not null
 * @param version     the definition's revision, &gt;= 1; a changed rule should get a higher version
 * @since 0.1
 */
public record SegmentDefinition(String id, String name, String description, SegmentRule rule, long version) {

    /** The deepest a rule may nest (a leaf is depth 1). */
    public static final int MAX_DEPTH = 32;

    /** Validates. */
    public SegmentDefinition {
        if (id == null) {
            throw new ValidationException("id", "must not be null");
        }
        if (id.isEmpty() || id.length() > 100 || !Character.isLetter(id.charAt(0))
                || !id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
            throw new ValidationException("id",
                    "must be 1-100 letters, digits, '_', '-' or '.', starting with a letter", id);
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ValidationException("name", "must be 1-200 characters and not blank", name);
        }
        if (description == null) {
            throw new ValidationException("description", "must not be null");
        }
        if (description.length() > 2000) {
            throw new ValidationException("description", "must be at most 2000 characters");
        }
        if (rule == null) {
            throw new ValidationException("rule", "must not be null");
        }
        if (!withinDepth(rule, MAX_DEPTH)) {
            throw new ValidationException("rule", "must nest at most " + MAX_DEPTH + " deep");
        }
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
    }

    /** @return a first version with an empty description */
    public static SegmentDefinition of(String id, String name, SegmentRule rule) {
        return new SegmentDefinition(id, name, "", rule, 1);
    }

    /** @return the next version with another rule */
    public SegmentDefinition withRule(SegmentRule newRule) {
        return new SegmentDefinition(id, name, description, newRule, version + 1);
    }

    /**
     * Evaluates the rule on one customer.
     *
     * @param facts the customer's facts; not null
     * @return the verdict and why
     */
    public RuleEvaluation evaluate(SegmentFacts facts) {
        return rule.evaluate(facts);
    }

    /** @return whether the customer is a member: the rule's verdict is {@link Verdict#TRUE} */
    public boolean matches(SegmentFacts facts) {
        return rule.evaluate(facts).holds();
    }

    /**
     * The members among a whole base.
     *
     * @param base the facts of every customer; not null
     * @return the ids of the customers the rule holds for, in the base's order
     */
    public Set<String> members(Iterable<SegmentFacts> base) {
        Objects.requireNonNull(base, "base must not be null");
        Set<String> out = new LinkedHashSet<>();
        for (SegmentFacts f : base) {
            if (matches(f)) {
                out.add(f.customerId());
            }
        }
        return out;
    }

    /** @return the fields the rule reads */
    public Set<String> fields() {
        return rule.fields();
    }

    /** Depth check that stops early, so a pathologically deep rule does not overflow the stack. */
    private static boolean withinDepth(SegmentRule rule, int budget) {
        if (budget < 1) {
            return false;
        }
        if (rule instanceof SegmentRule.And a) {
            return a.rules().stream().allMatch(r -> withinDepth(r, budget - 1));
        }
        if (rule instanceof SegmentRule.Or o) {
            return o.rules().stream().allMatch(r -> withinDepth(r, budget - 1));
        }
        if (rule instanceof SegmentRule.Not n) {
            return withinDepth(n.rule(), budget - 1);
        }
        return true;
    }
}
