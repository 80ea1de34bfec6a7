package org.crmkit.core.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The default {@link DispatchStrategy}, described on {@link DispatchStrategy#highestRated()}. Not API. */
final class HighestRatedDispatch implements DispatchStrategy {

    static final HighestRatedDispatch INSTANCE = new HighestRatedDispatch();
    static final String RULE = "highest satisfaction rating among available agents with the skill and spare "
            + "capacity; ties to the fewest open work orders, then the least recently assigned, then staff id";

    private static final Comparator<AgentCandidate> ORDER = Comparator
            .comparing(AgentCandidate::rating, Comparator.reverseOrder())
            .thenComparingInt(AgentCandidate::openWorkOrders)
            .thenComparing(c -> c.lastAssignedAt() == null ? Instant.MIN : c.lastAssignedAt())
            .thenComparing(c -> c.staffId().value());

    private HighestRatedDispatch() {
    }

    @Override
    public DispatchOutcome dispatch(DispatchRequest request, List<AgentCandidate> candidates) {
        Optional<Skill> skill = request.skill();
        List<AgentCandidate> eligible = new ArrayList<>();
        List<CandidateAssessment> refused = new ArrayList<>();
        for (AgentCandidate c : candidates) {
            String why = refusal(c, skill);
            if (why == null) {
                eligible.add(c);
            } else {
                refused.add(new CandidateAssessment(c, false, why));
            }
        }
        if (eligible.isEmpty()) {
            String reason = candidates.isEmpty() ? "no service agent is registered"
                    : "no agent qualifies" + skill.map(s -> " for skill '" + s + "'").orElse("") + ": "
                    + refused.stream().map(a -> a.candidate().staffId() + " " + a.verdict())
                    .collect(Collectors.joining("; "));
            return DispatchOutcome.unassigned(request.workOrderId(), clip(reason), refused);
        }
        eligible.sort(ORDER);
        AgentCandidate winner = eligible.get(0);
        List<CandidateAssessment> all = new ArrayList<>();
        all.add(new CandidateAssessment(winner, true, "chosen"));
        for (AgentCandidate c : eligible.subList(1, eligible.size())) {
            all.add(new CandidateAssessment(c, true, lostBecause(c, winner)));
        }
        all.addAll(refused);
        return DispatchOutcome.assigned(new DispatchDecision(request.workOrderId(), winner.staffId(), RULE, all,
                request.at()));
    }

    private static String refusal(AgentCandidate c, Optional<Skill> skill) {
        if (!c.available()) {
            return "unavailable";
        }
        if (!c.qualifiesFor(skill)) {
            return "lacks skill '" + skill.orElseThrow() + "'";
        }
        if (!c.hasSpareCapacity()) {
            return "at capacity (" + c.openWorkOrders() + "/" + c.capacity() + " open)";
        }
        return null;
    }

    private static String lostBecause(AgentCandidate c, AgentCandidate winner) {
        if (c.rating().compareTo(winner.rating()) != 0) {
            return String.format(Locale.ROOT, "lower rating: %.2f < %.2f", c.rating().rating(),
                    winner.rating().rating());
        }
        if (c.openWorkOrders() != winner.openWorkOrders()) {
            return "same rating, more open work orders: " + c.openWorkOrders() + " > " + winner.openWorkOrders();
        }
        if (c.lastAssignedAt() != null && (winner.lastAssignedAt() == null
                || c.lastAssignedAt().isAfter(winner.lastAssignedAt()))) {
            return "same rating and load, assigned more recently: " + c.lastAssignedAt() + " after "
                    + (winner.lastAssignedAt() == null ? "never" : winner.lastAssignedAt().toString());
        }
        return "same rating, load and last assignment; staff id comes after " + winner.staffId();
    }

    private static String clip(String text) {
        return text.length() <= DispatchDecision.SUMMARY_MAX ? text
                : text.substring(0, DispatchDecision.SUMMARY_MAX - 1) + "…";
    }
}
