package org.crmkit.core.analytics.writeback;

import java.util.List;
import java.util.Objects;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.LifecycleStage;

/**
 * What {@link AnalyticsWriteBack#apply} did. Every analysed customer key lands in exactly one of
 * {@link #updated()}, {@link #unchanged()}, {@link #unknownKeys()} and {@link #conflictingKeys()};
 * {@link #stageChanged()} and {@link #stageRefused()} give detail about customers among the updated
 * or unchanged ones. Immutable.
 *
 * @param updated         customers on whom something was written (an attribute or the stage), in input order
 * @param unchanged       customers who already carried every value, in input order
 * @param stageChanged    the lifecycle stage moves made, each recorded as a domain event
 * @param stageRefused    suggested moves the stage machine forbids: the stage was kept and the
 *                        suggestion recorded as the {@code lifecycle_stage_suggested} attribute
 * @param unknownKeys     keys the resolver could not map to a customer of the tenant; nothing was written for them
 * @param conflictingKeys keys that resolved to a customer an earlier key of the same batch had
 *                        already resolved to; nothing was written for them
 * @since 0.1
 */
public record WriteBackReport(List<CustomerId> updated, List<CustomerId> unchanged, List<StageChange> stageChanged,
                              List<StageRefusal> stageRefused, List<String> unknownKeys, List<String> conflictingKeys) {

    /** Copies every list. */
    public WriteBackReport {
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        stageChanged = List.copyOf(stageChanged);
        stageRefused = List.copyOf(stageRefused);
        unknownKeys = List.copyOf(unknownKeys);
        conflictingKeys = List.copyOf(conflictingKeys);
    }

    /** @return whether nothing was written at all */
    public boolean changedNothing() {
        return updated.isEmpty();
    }

    /**
     * A lifecycle stage move made by the write-back.
     *
     * @param customer the customer; not null
     * @param from     the stage before; not null
     * @param to       the stage after; not null
     */
    public record StageChange(CustomerId customer, LifecycleStage from, LifecycleStage to) {
        /** Checks that nothing is null. */
        public StageChange {
            Objects.requireNonNull(customer, "customer must not be null");
            Objects.requireNonNull(from, "from must not be null");
            Objects.requireNonNull(to, "to must not be null");
        }
    }

    /**
     * A suggested lifecycle stage the customer's current stage may not move to
     * ({@link LifecycleStage#canTransitionTo} is false), for example formation to exploration.
     *
     * @param customer  the customer; not null
     * @param from      the stage the customer is in and stays in; not null
     * @param suggested the stage the analysis suggested; not null
     */
    public record StageRefusal(CustomerId customer, LifecycleStage from, LifecycleStage suggested) {
        /** Checks that nothing is null. */
        public StageRefusal {
            Objects.requireNonNull(customer, "customer must not be null");
            Objects.requireNonNull(from, "from must not be null");
            Objects.requireNonNull(suggested, "suggested must not be null");
        }
    }
}
