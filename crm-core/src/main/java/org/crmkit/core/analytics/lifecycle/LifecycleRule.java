package org.crmkit.core.analytics.lifecycle;

import org.crmkit.core.customer.LifecycleStage;

/**
 * The rule that decided a lifecycle classification, in the order the classifier tries them: the first
 * rule that holds decides.
 *
 * @since 0.1
 */
public enum LifecycleRule {
    /** P(alive) is under the ended threshold. */
    ENDED_PROBABILITY_ALIVE(LifecycleStage.ENDED),
    /** The last purchase is at least the policy's inactivity limit before the as-of date. */
    ENDED_INACTIVE(LifecycleStage.ENDED),
    /** Tenure is shorter than one window. */
    EXPLORATION_TENURE(LifecycleStage.EXPLORATION),
    /** Fewer repeat purchase occasions than the policy asks. */
    EXPLORATION_REPEATS(LifecycleStage.EXPLORATION),
    /** P(alive) is under the decline threshold. */
    DECLINE_PROBABILITY_ALIVE(LifecycleStage.DECLINE),
    /** Spend in the latest window is below (1 − g) times the trailing average. */
    DECLINE_SPEND(LifecycleStage.DECLINE),
    /** Spend in the latest window is above (1 + g) times the trailing average. */
    FORMATION_SPEND(LifecycleStage.FORMATION),
    /** Spend in the latest window is within g of the trailing average. */
    STABILITY_SPEND(LifecycleStage.STABILITY);

    private final LifecycleStage stage;

    LifecycleRule(LifecycleStage stage) {
        this.stage = stage;
    }

    /** @return the stage this rule assigns */
    public LifecycleStage stage() {
        return stage;
    }
}
