package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

/** The default dispatch rule on hand-made candidates: skill, availability, capacity, rating, ties, nobody. */
class HighestRatedDispatchTest {

    private static final Instant T = Instant.parse("2026-05-04T10:00:00Z");
    private static final DispatchStrategy STRATEGY = DispatchStrategy.highestRated();
    private static final Skill PLUMBING = Skill.of("plumbing");

    private static DispatchRequest request(Skill skill) {
        return new DispatchRequest(WorkOrderId.of(UUID.randomUUID()), CustomerId.of(UUID.randomUUID()),
                WorkOrderPriority.NORMAL, skill, T);
    }

    private static AgentCandidate agent(String id, Set<Skill> skills, int capacity, boolean available, int open,
                                        List<Integer> scores, Instant lastAssigned) {
        StaffId staff = StaffId.of(id);
        return new AgentCandidate(staff, id.toUpperCase(), skills, capacity, available, open,
                AgentRating.of(staff, scores), lastAssigned);
    }

    private static AgentCandidate plain(String id, List<Integer> scores) {
        return agent(id, Set.of(PLUMBING), 3, true, 0, scores, null);
    }

    @Test
    void choosesTheHighestRatedAndSaysWhyTheOthersLost() {
        DispatchRequest r = request(null);
        DispatchOutcome o = STRATEGY.dispatch(r, List.of(plain("ann", List.of(2, 2)), plain("bob", List.of(5, 5)),
                plain("cai", List.of())));
        assertThat(o.isAssigned()).isTrue();
        DispatchDecision d = o.assignment().orElseThrow();
        assertThat(d.chosen()).isEqualTo(StaffId.of("bob"));
        assertThat(d.workOrderId()).isEqualTo(r.workOrderId());
        assertThat(d.candidates()).hasSize(3);
        assertThat(d.candidates().get(0).candidate().staffId()).isEqualTo(StaffId.of("bob"));
        assertThat(d.chosenAssessment().verdict()).isEqualTo("chosen");
        assertThat(d.candidates().subList(1, 3)).allSatisfy(a -> assertThat(a.verdict()).startsWith("lower rating"));
        assertThat(d.summary()).startsWith("Dispatched to bob by rule: highest satisfaction rating")
                .contains("ann (rating 2.71 (2 answers), 0/3 open): lower rating: 2.71 < 3.57")
                .contains("cai (rating 3.00 (0 answers), 0/3 open): lower rating: 3.00 < 3.57");
    }

    @Test
    void anUnratedAgentBeatsABadlyRatedOneButNotAWellRatedOne() {
        assertThat(STRATEGY.dispatch(request(null), List.of(plain("ann", List.of(1)), plain("new", List.of())))
                .assignee()).contains(StaffId.of("new"));
        assertThat(STRATEGY.dispatch(request(null), List.of(plain("ann", List.of(4)), plain("new", List.of())))
                .assignee()).contains(StaffId.of("ann"));
    }

    @Test
    void onlyAgentsWithTheRequiredSkillQualify() {
        AgentCandidate star = agent("star", Set.of(Skill.of("refunds")), 3, true, 0, List.of(5, 5, 5), null);
        AgentCandidate fixer = agent("fixer", Set.of(PLUMBING), 3, true, 0, List.of(2), null);
        DispatchOutcome o = STRATEGY.dispatch(request(PLUMBING), List.of(star, fixer));
        assertThat(o.assignee()).contains(StaffId.of("fixer"));
        CandidateAssessment refused = o.assignment().orElseThrow().candidates().get(1);
        assertThat(refused.eligible()).isFalse();
        assertThat(refused.verdict()).isEqualTo("lacks skill 'plumbing'");
        assertThat(STRATEGY.dispatch(request(null), List.of(star, fixer)).assignee()).contains(StaffId.of("star"));
    }

    @Test
    void unavailableAndFullAgentsAreSkippedHoweverWellRated() {
        AgentCandidate away = agent("away", Set.of(), 3, false, 0, List.of(5, 5, 5, 5), null);
        AgentCandidate full = agent("full", Set.of(), 2, true, 2, List.of(5, 5, 5, 5), null);
        AgentCandidate spare = agent("spare", Set.of(), 2, true, 1, List.of(1), null);
        DispatchDecision d = STRATEGY.dispatch(request(null), List.of(away, full, spare)).assignment().orElseThrow();
        assertThat(d.chosen()).isEqualTo(StaffId.of("spare"));
        assertThat(d.candidates()).extracting(CandidateAssessment::verdict)
                .containsExactly("chosen", "unavailable", "at capacity (2/2 open)");
    }

    @Test
    void aTieOnRatingGoesToTheAgentWithFewerOpenWorkOrders() {
        AgentCandidate busy = agent("ann", Set.of(), 5, true, 3, List.of(4), null);
        AgentCandidate idle = agent("zed", Set.of(), 5, true, 1, List.of(4), null);
        DispatchDecision d = STRATEGY.dispatch(request(null), List.of(busy, idle)).assignment().orElseThrow();
        assertThat(d.chosen()).isEqualTo(StaffId.of("zed"));
        assertThat(d.candidates().get(1).verdict()).isEqualTo("same rating, more open work orders: 3 > 1");
    }

    @Test
    void aTieOnRatingAndLoadGoesToTheLeastRecentlyDispatchedThenToTheFirstStaffId() {
        AgentCandidate recent = agent("ann", Set.of(), 5, true, 1, List.of(), T.minusSeconds(60));
        AgentCandidate earlier = agent("bob", Set.of(), 5, true, 1, List.of(), T.minusSeconds(3600));
        AgentCandidate never = agent("cai", Set.of(), 5, true, 1, List.of(), null);
        assertThat(STRATEGY.dispatch(request(null), List.of(recent, earlier)).assignee()).contains(StaffId.of("bob"));
        assertThat(STRATEGY.dispatch(request(null), List.of(recent, earlier, never)).assignee())
                .contains(StaffId.of("cai"));
        AgentCandidate twin = agent("abe", Set.of(), 5, true, 1, List.of(), T.minusSeconds(60));
        DispatchDecision d = STRATEGY.dispatch(request(null), List.of(recent, twin)).assignment().orElseThrow();
        assertThat(d.chosen()).isEqualTo(StaffId.of("abe"));
        assertThat(d.candidates().get(1).verdict()).contains("staff id comes after abe");
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderOfTheCandidates() {
        List<AgentCandidate> agents = new java.util.ArrayList<>(List.of(plain("a", List.of(4)), plain("b", List.of(4)),
                plain("c", List.of(4)), agent("d", Set.of(), 3, true, 0, List.of(4), T)));
        StaffId first = STRATEGY.dispatch(request(null), agents).assignee().orElseThrow();
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(agents, new java.util.Random(i));
            assertThat(STRATEGY.dispatch(request(null), agents).assignee()).contains(first);
        }
        assertThat(first).isEqualTo(StaffId.of("a"));
    }

    @Test
    void withNoQualifiedAgentTheOutcomeIsUnassignedWithTheReason() {
        DispatchRequest r = request(PLUMBING);
        DispatchOutcome none = STRATEGY.dispatch(r, List.of());
        assertThat(none.isAssigned()).isFalse();
        assertThat(none.assignee()).isEmpty();
        assertThat(none.workOrderId()).isEqualTo(r.workOrderId());
        assertThat(((DispatchOutcome.Unassigned) none).reason()).isEqualTo("no service agent is registered");

        DispatchOutcome o = STRATEGY.dispatch(r, List.of(agent("away", Set.of(PLUMBING), 1, false, 0, List.of(), null),
                agent("full", Set.of(PLUMBING), 1, true, 1, List.of(), null),
                agent("clerk", Set.of(), 1, true, 0, List.of(), null)));
        assertThat(o).isInstanceOfSatisfying(DispatchOutcome.Unassigned.class, u -> {
            assertThat(u.reason()).isEqualTo("no agent qualifies for skill 'plumbing': away unavailable; "
                    + "full at capacity (1/1 open); clerk lacks skill 'plumbing'");
            assertThat(u.candidates()).hasSize(3).noneMatch(CandidateAssessment::eligible);
        });
    }
}
