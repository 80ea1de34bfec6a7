package org.crmkit.core.service;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * Which agent a work order was dispatched to, and why: the rule applied and every agent considered
 * with its rating, load and verdict. Stored on the work order as a
 * {@link WorkOrderStepKind#DISPATCHED} step whose note is {@link #summary()}. Immutable and thread-safe.
 *
 * @param workOrderId the work order; not null
 * @param chosen      the agent chosen; not null, one of the eligible candidates
 * @param rule        the rule applied, in a few words; not blank
 * @param candidates  every agent considered, the chosen one first; not empty
 * @param decidedAt   when; not null
 * @since 0.1
 */
public record DispatchDecision(WorkOrderId workOrderId, StaffId chosen, String rule,
                               List<CandidateAssessment> candidates, Instant decidedAt) {

    static final int SUMMARY_MAX = 4000;

    public DispatchDecision {
        Args.notNull(workOrderId, "workOrderId");
        Args.notNull(chosen, "chosen");
        rule = Args.required(rule, "rule", 500);
        candidates = List.copyOf(Args.notNull(candidates, "candidates"));
        Args.notNull(decidedAt, "decidedAt");
        boolean named = candidates.stream()
                .anyMatch(c -> c.eligible() && c.candidate().staffId().equals(chosen));
        if (!named) {
            throw new ValidationException("chosen", "must be one of the eligible candidates", chosen);
        }
    }

    /** @return the chosen agent's assessment */
    public CandidateAssessment chosenAssessment() {
        return candidates.stream().filter(c -> c.candidate().staffId().equals(chosen)).findFirst().orElseThrow();
    }

    /**
     * @return the decision in words, at most 4000 characters: the chosen agent, the rule, then every
     *         candidate with its rating, load and verdict
     */
    public String summary() {
        String text = "Dispatched to " + chosen + " by rule: " + rule + ". Candidates: "
                + candidates.stream().map(CandidateAssessment::describe).collect(Collectors.joining("; ")) + ".";
        return text.length() <= SUMMARY_MAX ? text : text.substring(0, SUMMARY_MAX - 1) + "…";
    }
}
