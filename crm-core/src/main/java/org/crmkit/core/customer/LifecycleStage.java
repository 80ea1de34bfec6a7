package org.crmkit.core.customer;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.core.common.Enums;

/**
 * The stages of a customer relationship (domain §4), with the moves between them.
 *
 * <p>A relationship starts in {@link #EXPLORATION} and usually grows through {@link #FORMATION}
 * into {@link #STABILITY}; it may also go from exploration straight to stability, when the first
 * figures already show a steady relationship (a classifier run on existing customers finds this).
 * It can fall into {@link #DECLINE} from any of these. A declining
 * relationship can recover (to formation or stability) or end. An ended relationship can only
 * start again, in exploration (a won-back customer probes anew).
 *
 * @since 0.1
 */
public enum LifecycleStage {
    /** Both sides probe and try; small trial purchases. */
    EXPLORATION,
    /** Trust grows, business grows fast. */
    FORMATION,
    /** The highest, steady level of the relationship. */
    STABILITY,
    /** The relationship weakens. */
    DECLINE,
    /** The customer stopped buying and the relationship is over (churn). */
    ENDED;

    /** @return the stages this one may move to */
    public Set<LifecycleStage> successors() {
        return switch (this) {
            case EXPLORATION -> EnumSet.of(FORMATION, STABILITY, DECLINE, ENDED);
            case FORMATION -> EnumSet.of(STABILITY, DECLINE, ENDED);
            case STABILITY -> EnumSet.of(DECLINE, ENDED);
            case DECLINE -> EnumSet.of(FORMATION, STABILITY, ENDED);
            case ENDED -> EnumSet.of(EXPLORATION);
        };
    }

    /** @return whether a relationship in this stage may move to {@code next} */
    public boolean canTransitionTo(LifecycleStage next) {
        return successors().contains(next);
    }

    /** @throws org.crmkit.spi.ValidationException on field {@code lifecycleStage} if unknown */
    public static LifecycleStage parse(String name) {
        return Enums.parse(LifecycleStage.class, name, "lifecycleStage");
    }
}
