package org.crmkit.core.analytics.segment;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of a rule on one customer, with the reason and the sub-rules that decided it: for a
 * false {@code and} the first false part, for a true {@code or} the first true part, for an unknown
 * one the unknown parts, otherwise every part. Immutable.
 *
 * @param verdict   true, false or unknown
 * @param path      where the rule is in its definition: {@code rule}, {@code rule.and[2]},
 *                  {@code rule.or[0].not}; the same paths the JSON errors use
 * @param rule      the rule evaluated
 * @param reason    one line saying why, such as {@code internal.income 90000 is not ≥ 100000}
 * @param decidedBy the sub-evaluations that decided; empty for a leaf
 * @since 0.1
 */
public record RuleEvaluation(Verdict verdict, String path, SegmentRule rule, String reason,
                             List<RuleEvaluation> decidedBy) {

    /** Validates and copies. */
    public RuleEvaluation {
        Objects.requireNonNull(verdict, "verdict must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        decidedBy = List.copyOf(decidedBy);
    }

    /** @return whether the verdict is {@link Verdict#TRUE}, the only verdict that makes a member */
    public boolean holds() {
        return verdict == Verdict.TRUE;
    }

    /**
     * The leaf evaluations at the bottom of the deciding chain: the comparisons that settled the verdict.
     *
     * @return the deciding leaves, in rule order
     */
    public List<RuleEvaluation> decidingLeaves() {
        if (decidedBy.isEmpty()) {
            return List.of(this);
        }
        return decidedBy.stream().flatMap(e -> e.decidingLeaves().stream()).toList();
    }

    /**
     * The explanation as indented lines, one per deciding evaluation, such as
     * <pre>
     * false   rule: and: rule.and[1] is false
     *   false   rule.and[1]: internal.income 90000 is not ≥ 100000
     * </pre>
     *
     * @return the explanation; lines end with {@code \n}
     */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        explain(sb, 0);
        return sb.toString();
    }

    private void explain(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent)).append(verdict.name().toLowerCase(java.util.Locale.ROOT));
        sb.append(verdict == Verdict.FALSE ? "  " : verdict == Verdict.TRUE ? "   " : "").append(' ');
        sb.append(path).append(": ").append(reason).append('\n');
        for (RuleEvaluation e : decidedBy) {
            e.explain(sb, indent + 1);
        }
    }
}
