package org.crmkit.core.sales.lead;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.spi.ValidationException;

/**
 * How promising a lead is, from 0 to 100, with the reasons that add up to it: the score explains
 * itself, since the points of its reasons always sum exactly to {@link #total()}. Immutable and
 * thread-safe.
 *
 * @param total   the score, 0 to 100
 * @param reasons the reasons, in the order the model gave them; their points sum to {@code total}; copied
 * @since 0.1
 */
public record LeadScore(int total, List<ScoreReason> reasons) {

    /** The highest score. */
    public static final int MAX = 100;

    public LeadScore {
        if (total < 0 || total > MAX) {
            throw new ValidationException("score.total", "must be between 0 and " + MAX, total);
        }
        if (reasons == null) {
            throw new ValidationException("score.reasons", "must not be null");
        }
        for (int i = 0; i < reasons.size(); i++) {
            if (reasons.get(i) == null) {
                throw new ValidationException("score.reasons[" + i + "]", "must not be null");
            }
        }
        reasons = List.copyOf(reasons);
        int sum = reasons.stream().mapToInt(ScoreReason::points).sum();
        if (sum != total) {
            throw new ValidationException("score.reasons", "must add up to the total " + total, sum);
        }
    }

    /** @return the score of a lead nothing speaks for: 0, no reasons */
    public static LeadScore zero() {
        return new LeadScore(0, List.of());
    }

    /**
     * The score the reasons add up to, kept within 0 to 100: if they add up to more than 100, a
     * reason {@code "cap"} takes the excess off; if to less than 0, a reason {@code "floor"} adds
     * the shortfall, so that the reasons still sum exactly to the total.
     *
     * @param reasons the reasons; not null
     * @return the score
     */
    public static LeadScore of(List<ScoreReason> reasons) {
        if (reasons == null) {
            throw new ValidationException("score.reasons", "must not be null");
        }
        List<ScoreReason> all = new ArrayList<>(reasons);
        long sum = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == null) {
                throw new ValidationException("score.reasons[" + i + "]", "must not be null");
            }
            sum += all.get(i).points();
        }
        while (sum > MAX) {
            int off = (int) Math.min(100, sum - MAX);
            all.add(new ScoreReason("cap", -off, "scores are capped at " + MAX));
            sum -= off;
        }
        while (sum < 0) {
            int on = (int) Math.min(100, -sum);
            all.add(new ScoreReason("floor", on, "scores do not go below 0"));
            sum += on;
        }
        return new LeadScore((int) sum, all);
    }

    /** @return the reasons in plain words, for example {@code "e-mail address given (+20), ..."} */
    public String explain() {
        if (reasons.isEmpty()) {
            return "nothing speaks for this lead yet (0)";
        }
        StringBuilder sb = new StringBuilder();
        for (ScoreReason r : reasons) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(r.explanation()).append(" (").append(r.points() >= 0 ? "+" : "").append(r.points()).append(')');
        }
        return sb.append(" = ").append(total).toString();
    }
}
