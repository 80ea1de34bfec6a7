package org.crmkit.core.service;

import java.util.List;
import java.util.Optional;

/**
 * What dispatching a work order came to: assigned to an agent, with the {@link DispatchDecision}
 * saying why, or left unassigned (queued) with the reason. Leaving a work order unassigned is an
 * expected outcome, not an error: the work order stays open and queued, and
 * {@link ServiceDesk#dispatchQueued()} tries again later. Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface DispatchOutcome {

    /** @return the work order */
    WorkOrderId workOrderId();

    /** @return whether an agent was chosen */
    boolean isAssigned();

    /** @return the decision, if an agent was chosen */
    Optional<DispatchDecision> assignment();

    /** @return the chosen agent, if any */
    default Optional<org.crmkit.core.common.StaffId> assignee() {
        return assignment().map(DispatchDecision::chosen);
    }

    /** @return an outcome that assigns the work order as decided */
    static DispatchOutcome assigned(DispatchDecision decision) {
        return new Assigned(decision);
    }

    /** @return an outcome that leaves the work order unassigned, for that reason */
    static DispatchOutcome unassigned(WorkOrderId workOrderId, String reason, List<CandidateAssessment> candidates) {
        return new Unassigned(workOrderId, reason, candidates);
    }

    /**
     * The work order was dispatched.
     *
     * @param decision who and why; not null
     */
    record Assigned(DispatchDecision decision) implements DispatchOutcome {
        public Assigned {
            Args.notNull(decision, "decision");
        }

        @Override
        public WorkOrderId workOrderId() {
            return decision.workOrderId();
        }

        @Override
        public boolean isAssigned() {
            return true;
        }

        @Override
        public Optional<DispatchDecision> assignment() {
            return Optional.of(decision);
        }
    }

    /**
     * No agent qualified; the work order stays open and queued.
     *
     * @param workOrderId the work order; not null
     * @param reason      why no agent qualified, in plain words; not blank
     * @param candidates  every agent considered, with why each could not take it; may be empty
     */
    record Unassigned(WorkOrderId workOrderId, String reason, List<CandidateAssessment> candidates)
            implements DispatchOutcome {
        public Unassigned {
            Args.notNull(workOrderId, "workOrderId");
            reason = Args.required(reason, "reason", DispatchDecision.SUMMARY_MAX);
            candidates = List.copyOf(Args.notNull(candidates, "candidates"));
        }

        @Override
        public boolean isAssigned() {
            return false;
        }

        @Override
        public Optional<DispatchDecision> assignment() {
            return Optional.empty();
        }
    }
}
