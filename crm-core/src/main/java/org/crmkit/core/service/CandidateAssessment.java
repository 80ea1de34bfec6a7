package org.crmkit.core.service;

/**
 * How a {@link DispatchStrategy} judged one agent for one work order: whether the agent could take
 * it at all, and why the agent was chosen or not. Immutable and thread-safe.
 *
 * @param candidate the agent as seen at dispatch time; not null
 * @param eligible  whether the agent met the hard rules (available, has the needed skill, spare capacity)
 * @param verdict   why the agent was chosen or lost, in plain words, for example
 *                  {@code "lower rating: 3.00 < 4.20"}; not blank
 * @since 0.1
 */
public record CandidateAssessment(AgentCandidate candidate, boolean eligible, String verdict) {

    public CandidateAssessment {
        Args.notNull(candidate, "candidate");
        verdict = Args.required(verdict, "verdict", 500);
    }

    /** @return for example {@code "bob (rating 3.00 (0 answers), 0/2 open): lower rating: 3.00 < 4.20"} */
    public String describe() {
        return candidate.describe() + ": " + verdict;
    }
}
