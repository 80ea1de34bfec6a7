package org.crmkit.core.sales.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.OpportunityRecord;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Drives random sequences of business verbs through {@link Opportunities} (in-memory storage) and
 * checks after every step that the opportunity never reaches an illegal state and matches a
 * simple reference model:
 * <ul>
 *   <li>only OPEN → WON and OPEN → LOST ever happen; a closed opportunity refuses every verb
 *       with {@link IllegalTransitionException} and its stored record never changes again;</li>
 *   <li>the stage history is chained (each change's from = the previous to, the last to = the
 *       current stage) and timed (the time in each stage left = the time between entries, and the
 *       times in all stages add up to the time from opening to now, or to closing);</li>
 *   <li>the probability is the stage's default unless set by hand since the last stage change,
 *       1 once won, 0 once lost;</li>
 *   <li>the routing history is chained and ends at the owner; a refused verb stores and publishes
 *       nothing; every accepted verb stores exactly one new version and publishes one event.</li>
 * </ul>
 * Each action is drawn from one integer, so QuickTheories shrinks a failure to a short sequence.
 */
class OpportunityStatefulPropertiesTest {

    private static final List<StaffId> STAFF = List.of(StaffId.of("alice"), StaffId.of("bob"), StaffId.of("chen"),
            StaffId.of("dana"));
    private static final List<String> STAGE_CODES = List.of("QUALIFY", "PROPOSAL", "NEGOTIATE", "WON", "qualify");
    private static final Map<String, BigDecimal> DEFAULTS = Map.of("QUALIFY", new BigDecimal("0.10"),
            "PROPOSAL", new BigDecimal("0.40"), "NEGOTIATE", new BigDecimal("0.75"));
    private static final int ACTIONS = 10;

    /** What the opportunity should look like, kept by the test independently of the aggregate. */
    private static final class Model {
        OpportunityStatus status = OpportunityStatus.OPEN;
        String stage = "QUALIFY";
        BigDecimal probability = new BigDecimal("0.10");
        boolean byHand;
        StaffId owner = STAFF.get(0);
        long version = 1;
        int stageChanges = 1;
        int routings;
        final Map<UUID, ActivityStatus> activities = new LinkedHashMap<>();
        OpportunityRecord closedRecord;
    }

    @Test
    void randomVerbSequencesNeverReachAnIllegalStateAndMatchTheModel() {
        Gen<List<Integer>> actions = lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 60);
        qt().withExamples(200).withFixedSeed(20261123L).forAll(actions).checkAssert(this::run);
    }

    private void run(List<Integer> actions) {
        Fixture f = new Fixture();
        Pipeline pipeline = f.standardPipeline();
        CustomerId customer = f.customer("Property Test");
        Opportunities ops = f.opportunities;
        OpportunityId id = ops.open(customer, STAFF.get(0), "Random deal", Money.of("1000.00", "EUR"),
                LocalDate.of(2026, 6, 30), pipeline.id(), null, null).id();
        Model m = new Model();
        List<UUID> knownActivities = new ArrayList<>();

        for (int code : actions) {
            // time moves forward by 0 to about 2 days, in milliseconds
            f.advance(Duration.ofMillis((long) (code % 97) * 1_777_777L));
            int action = code % ACTIONS;
            int arg = code / ACTIONS;
            int eventsBefore = f.published.size();
            OpportunityRecord before = ops.get(id).toRecord();
            boolean accepted = step(ops, pipeline, id, m, knownActivities, action, arg);

            if (accepted) {
                m.version++;
                assertThat(f.published).hasSize(eventsBefore + 1);
            } else {
                assertThat(ops.get(id).toRecord()).isEqualTo(before);
                assertThat(f.published).hasSize(eventsBefore);
            }
            checkInvariants(ops.get(id), m, f.clock.instant());
        }
    }

    /** Applies one action, asserting the refusal the model predicts; returns whether it was accepted. */
    private boolean step(Opportunities ops, Pipeline pipeline, OpportunityId id, Model m, List<UUID> known,
                         int action, int arg) {
        StaffId by = STAFF.get(arg % STAFF.size());
        boolean closed = m.status.isClosed();
        switch (action) {
            case 0 -> {
                String code = STAGE_CODES.get(arg % STAGE_CODES.size());
                String normal = code.toUpperCase(java.util.Locale.ROOT);
                if (closed) {
                    return refusedAsClosed(() -> ops.moveToStage(id, code, by), m);
                }
                if (!DEFAULTS.containsKey(normal) || normal.equals(m.stage)) {
                    assertThatThrownBy(() -> ops.moveToStage(id, code, by)).isInstanceOf(ValidationException.class)
                            .extracting("field").isEqualTo("stageCode");
                    return false;
                }
                ops.moveToStage(id, code, by);
                m.stage = normal;
                m.probability = DEFAULTS.get(normal);
                m.byHand = false;
                m.stageChanges++;
                return true;
            }
            case 1 -> {
                int percent = arg % 103;
                BigDecimal p = BigDecimal.valueOf(percent, 2);
                if (closed) {
                    return refusedAsClosed(() -> ops.setProbability(id, p, by), m);
                }
                if (percent > 100) {
                    assertThatThrownBy(() -> ops.setProbability(id, p, by)).isInstanceOf(ValidationException.class)
                            .extracting("field").isEqualTo("probability");
                    return false;
                }
                ops.setProbability(id, p, by);
                m.probability = p;
                m.byHand = true;
                return true;
            }
            case 2 -> {
                if (closed) {
                    return refusedAsClosed(() -> ops.clearProbability(id, by), m);
                }
                if (!m.byHand) {
                    assertThatThrownBy(() -> ops.clearProbability(id, by)).isInstanceOf(ValidationException.class)
                            .extracting("field").isEqualTo("probability");
                    return false;
                }
                ops.clearProbability(id, by);
                m.probability = DEFAULTS.get(m.stage);
                m.byHand = false;
                return true;
            }
            case 3, 4 -> {
                boolean win = action == 3 && arg % 3 != 0;
                String competitor = arg % 2 == 0 ? null : "Acme";
                if (closed) {
                    return refusedAsClosed(() -> close(ops, id, win, competitor, by), m);
                }
                close(ops, id, win, competitor, by);
                m.status = win ? OpportunityStatus.WON : OpportunityStatus.LOST;
                m.probability = win ? new BigDecimal("1.00") : new BigDecimal("0.00");
                m.byHand = false;
                return true;
            }
            case 5 -> {
                if (closed) {
                    return refusedAsClosed(() -> ops.scheduleActivity(id, ActivityKind.values()[arg % 4], "Do " + arg,
                            LocalDate.of(2026, 3, 1).plusDays(arg % 60), by), m);
                }
                Activity a = ops.scheduleActivity(id, ActivityKind.values()[arg % 4], "Do " + arg,
                        LocalDate.of(2026, 3, 1).plusDays(arg % 60), by);
                m.activities.put(a.id(), ActivityStatus.PLANNED);
                known.add(a.id());
                return true;
            }
            case 6 -> {
                UUID activity = known.isEmpty() || arg % 5 == 0 ? UUID.randomUUID() : known.get(arg % known.size());
                if (closed) {
                    return refusedAsClosed(() -> ops.completeActivity(id, activity, by), m);
                }
                ActivityStatus status = m.activities.get(activity);
                if (status == null) {
                    assertThatThrownBy(() -> ops.completeActivity(id, activity, by))
                            .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("activityId");
                    return false;
                }
                if (status == ActivityStatus.DONE) {
                    assertThatThrownBy(() -> ops.completeActivity(id, activity, by))
                            .isInstanceOfSatisfying(IllegalTransitionException.class,
                                    e -> assertThat(e.id()).isEqualTo(activity));
                    return false;
                }
                ops.completeActivity(id, activity, by);
                m.activities.put(activity, ActivityStatus.DONE);
                return true;
            }
            case 7 -> {
                StaffId to = STAFF.get(arg / STAFF.size() % STAFF.size());
                if (closed) {
                    return refusedAsClosed(() -> ops.route(id, to, by, "rebalance"), m);
                }
                if (to.equals(m.owner)) {
                    assertThatThrownBy(() -> ops.route(id, to, by, null)).isInstanceOf(ValidationException.class)
                            .extracting("field").isEqualTo("to");
                    return false;
                }
                ops.route(id, to, by, arg % 2 == 0 ? null : "rebalance");
                m.owner = to;
                m.routings++;
                return true;
            }
            case 8 -> {
                Money amount = Money.of(BigDecimal.valueOf(arg % 100_000, 2), "EUR");
                LocalDate close = LocalDate.of(2026, 4, 1).plusDays(arg % 90);
                if (closed) {
                    return refusedAsClosed(() -> ops.revise(id, amount, close, by), m);
                }
                ops.revise(id, amount, close, by);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void close(Opportunities ops, OpportunityId id, boolean win, String competitor, StaffId by) {
        if (win) {
            ops.win(id, "Signed", competitor, by);
        } else {
            ops.lose(id, "Price", competitor, by);
        }
    }

    private static boolean refusedAsClosed(Runnable verb, Model m) {
        assertThatThrownBy(verb::run).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.aggregate()).isEqualTo("opportunity");
            assertThat(e.state()).isEqualTo(m.status.name());
            assertThat(e.move()).isNotBlank();
        });
        return false;
    }

    private static void checkInvariants(Opportunity o, Model m, Instant now) {
        assertThat(o.status()).isEqualTo(m.status);
        assertThat(o.version()).isEqualTo(m.version);
        assertThat(o.owner()).isEqualTo(m.owner);
        assertThat(o.stageCode()).isEqualTo(m.stage);
        assertThat(o.probability()).isEqualTo(m.probability);
        assertThat(o.probabilitySetByHand()).isEqualTo(m.byHand);

        // probability = stage default unless set by hand since the last stage change; 1 or 0 once closed
        switch (o.status()) {
            case OPEN -> {
                if (!o.probabilitySetByHand()) {
                    assertThat(o.probability()).isEqualTo(DEFAULTS.get(o.stageCode()));
                }
            }
            case WON -> assertThat(o.probability()).isEqualTo(new BigDecimal("1.00"));
            case LOST -> assertThat(o.probability()).isEqualTo(new BigDecimal("0.00"));
        }

        // stage history chained and timed
        List<StageChange> history = o.stageHistory();
        assertThat(history).hasSize(m.stageChanges);
        assertThat(history.get(0).fromStage()).isNull();
        assertThat(history.get(0).at()).isEqualTo(o.createdAt());
        Duration inStagesLeft = Duration.ZERO;
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).fromStage()).isEqualTo(history.get(i - 1).toStage());
            assertThat(history.get(i).toStage()).isNotEqualTo(history.get(i).fromStage());
            assertThat(history.get(i).timeInFromStage())
                    .isEqualTo(Duration.between(history.get(i - 1).at(), history.get(i).at()));
            inStagesLeft = inStagesLeft.plus(history.get(i).timeInFromStage());
        }
        assertThat(history.get(history.size() - 1).toStage()).isEqualTo(o.stageCode());
        Instant end = o.closedAt().orElse(now);
        assertThat(inStagesLeft.plus(o.timeInCurrentStage(now))).isEqualTo(Duration.between(o.createdAt(), end));

        // routing chained, ending at the owner
        assertThat(o.routingHistory()).hasSize(m.routings);
        StaffId owner = STAFF.get(0);
        for (Routing r : o.routingHistory()) {
            assertThat(r.from()).isEqualTo(owner);
            owner = r.to();
        }
        assertThat(owner).isEqualTo(o.owner());

        // activities as planned and done
        assertThat(o.activities()).extracting(Activity::id).containsExactlyElementsOf(m.activities.keySet());
        for (Activity a : o.activities()) {
            assertThat(a.status()).isEqualTo(m.activities.get(a.id()));
        }

        // closing details, and a closed opportunity never changes again
        if (o.status().isClosed()) {
            assertThat(o.closeReason()).isPresent();
            assertThat(o.closedBy()).isPresent();
            if (m.closedRecord == null) {
                m.closedRecord = o.toRecord();
            }
            assertThat(o.toRecord()).isEqualTo(m.closedRecord);
        } else {
            assertThat(o.closedAt()).isEmpty();
            assertThat(o.closeReason()).isEmpty();
        }
    }
}
