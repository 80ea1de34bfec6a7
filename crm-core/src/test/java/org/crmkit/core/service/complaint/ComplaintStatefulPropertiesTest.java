package org.crmkit.core.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.service.complaint.ComplaintFixture.AGENT;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ComplaintRecord;
import org.junit.jupiter.api.Test;

/**
 * Drives random sequences of complaint verbs, bad input and clock moves through {@link Complaints}
 * (in-memory storage, a repeat window of three days) and checks after every step, against a
 * reference model of its own (a table independent of {@link ComplaintStatus}), that:
 * <ul>
 *   <li>a verb succeeds exactly when the model allows it, and the stored state is the model's;</li>
 *   <li>a refused verb (illegal move or bad input) leaves the stored record equal and publishes nothing;</li>
 *   <li>no complaint reaches an inconsistent state: it waits for an answer exactly in RECEIVED and
 *       UNDER_INVESTIGATION, is answered in every later state, and its steps never go back in time;</li>
 *   <li>every answer is at or after receipt, and the first answer time never changes once set;</li>
 *   <li>the i-th follow-up comes after the i-th answer, and there are never more follow-ups than answers;</li>
 *   <li>a complaint is flagged as a repeat exactly when the same customer complained in the same
 *       category within the window before it.</li>
 * </ul>
 */
class ComplaintStatefulPropertiesTest {

    private static final Duration WINDOW = Duration.ofDays(3);
    private static final ComplaintCategory[] CATEGORIES = {ComplaintCategory.PRODUCT, ComplaintCategory.DELIVERY};
    private static final int VERBS = 9;

    /** The reference model of one complaint. */
    private static final class Model {
        final ComplaintId id;
        final CustomerId customer;
        final ComplaintCategory category;
        final Instant receivedAt;
        final boolean repeat;
        String status = "RECEIVED";
        Instant firstAnswer;

        Model(Complaint c, boolean repeat) {
            this.id = c.id();
            this.customer = c.customerId();
            this.category = c.category();
            this.receivedAt = c.receivedAt();
            this.repeat = repeat;
        }
    }

    @Test
    void randomVerbSequencesNeverReachAnIllegalStateAndRefusalsChangeNothing() {
        qt().withExamples(120).withFixedSeed(20261123L)
                .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 60))
                .checkAssert(this::run);
    }

    private void run(List<Integer> actions) {
        ComplaintFixture f = new ComplaintFixture(ComplaintPolicy.defaults().withRepeatWindow(WINDOW));
        List<CustomerId> customers = List.of(f.customer("Li"), f.customer("Bo"));
        List<Model> models = new ArrayList<>();
        for (int code : actions) {
            int verb = code % VERBS;
            int arg = code / VERBS;
            if (verb == 0 || models.isEmpty()) {
                receive(f, models, customers.get(arg % 2), CATEGORIES[arg / 2 % 2]);
            } else if (verb == 7) {
                f.advance(Duration.ofHours(arg % 50));
            } else {
                Model m = models.get(arg % models.size());
                apply(f, m, verb, arg);
            }
            for (Model m : models) {
                check(f.complaints.get(m.id), m);
            }
        }
    }

    private void receive(ComplaintFixture f, List<Model> models, CustomerId customer, ComplaintCategory category) {
        Instant now = f.clock.instant();
        boolean expected = models.stream().anyMatch(m -> m.customer.equals(customer) && m.category == category
                && !m.receivedAt.isBefore(now.minus(WINDOW)));
        Complaint c = f.complaints.receive(ReceiveComplaint.of(customer, Channel.EMAIL, category, "Not good", AGENT));
        assertThat(c.isRepeat()).as("repeat flag of a complaint received at %s", now).isEqualTo(expected);
        c.repeatOf().ifPresent(earlier -> assertThat(models).anyMatch(m -> m.id.equals(earlier)
                && m.customer.equals(customer) && m.category == category));
        models.add(new Model(c, expected));
    }

    private void apply(ComplaintFixture f, Model m, int verb, int arg) {
        Complaints cs = f.complaints;
        String next;
        boolean badInput = false;
        Runnable call;
        switch (verb) {
            case 1 -> {
                next = m.status.equals("RECEIVED") || m.status.equals("UNDER_INVESTIGATION") ? "UNDER_INVESTIGATION" : null;
                call = () -> cs.recordExpectation(m.id, ExpectedRemedy.REFUND, "Money back", AGENT);
            }
            case 2 -> {
                next = m.status.equals("CLOSED") ? null
                        : m.status.equals("RECEIVED") ? "UNDER_INVESTIGATION" : m.status;
                call = () -> cs.recordAction(m.id, "Called back", AGENT);
            }
            case 3 -> {
                next = m.status.equals("RECEIVED") || m.status.equals("UNDER_INVESTIGATION") ? "ANSWERED" : null;
                call = () -> cs.answer(m.id, "Here is the fix", AGENT);
            }
            case 4 -> {
                int score = arg % 7; // 0 and 6 are out of range
                badInput = score < 1 || score > 5;
                next = m.status.equals("ANSWERED") ? "FOLLOWED_UP" : null;
                call = () -> cs.followUp(m.id, score, "ok", null);
            }
            case 5 -> {
                next = m.status.equals("ANSWERED") || m.status.equals("FOLLOWED_UP") ? "UNDER_INVESTIGATION" : null;
                call = () -> cs.reopen(m.id, "Not solved", null);
            }
            case 6 -> {
                next = m.status.equals("ANSWERED") || m.status.equals("FOLLOWED_UP") ? "CLOSED" : null;
                call = () -> cs.close(m.id, AGENT);
            }
            default -> {
                badInput = true;
                next = null;
                call = () -> cs.answer(m.id, "   ", AGENT);
            }
        }
        ComplaintRecord before = stored(f, m.id);
        int published = f.published.size();
        if (badInput) {
            assertThatThrownBy(call::run).isInstanceOf(ValidationException.class);
        } else if (next == null) {
            String state = m.status;
            assertThatThrownBy(call::run).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                assertThat(e.state()).isEqualTo(state);
                assertThat(e.id()).isEqualTo(m.id.value());
                assertThat(e.aggregate()).isEqualTo("complaint");
            });
        } else {
            call.run();
            if (verb == 3 && m.firstAnswer == null) {
                m.firstAnswer = f.clock.instant();
            }
            m.status = next;
            assertThat(f.published).hasSize(published + 1);
            return;
        }
        assertThat(stored(f, m.id)).isEqualTo(before);
        assertThat(f.published).hasSize(published);
    }

    private static ComplaintRecord stored(ComplaintFixture f, ComplaintId id) {
        return f.storage.inTransaction(f.tenant.value(), s -> s.records(ComplaintRecord.KIND).find(id.value()))
                .orElseThrow();
    }

    private static void check(Complaint c, Model m) {
        assertThat(c.status().name()).isEqualTo(m.status);
        assertThat(c.isRepeat()).isEqualTo(m.repeat);
        boolean waits = m.status.equals("RECEIVED") || m.status.equals("UNDER_INVESTIGATION");
        assertThat(c.awaitingAnswerSince().isPresent()).isEqualTo(waits);
        assertThat(c.answer().isPresent()).isEqualTo(!waits);
        assertThat(c.firstAnsweredAt()).isEqualTo(java.util.Optional.ofNullable(m.firstAnswer));
        c.firstAnsweredAt().ifPresent(a -> assertThat(a).isAfterOrEqualTo(c.receivedAt()));
        assertThat(c.answers()).allSatisfy(a -> assertThat(a.at()).isAfterOrEqualTo(c.receivedAt()));
        List<ComplaintAnswer> answers = c.answers();
        List<HandlingFollowUp> followUps = c.followUps();
        assertThat(followUps.size()).isLessThanOrEqualTo(answers.size());
        for (int i = 0; i < followUps.size(); i++) {
            assertThat(followUps.get(i).at()).isAfterOrEqualTo(answers.get(i).at());
            assertThat(followUps.get(i).score()).isBetween(1, 5);
        }
        List<ComplaintStep> steps = c.steps();
        assertThat(steps.get(0).what()).isEqualTo(ComplaintStepKind.RECEIVED);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).at()).isAfterOrEqualTo(steps.get(i - 1).at());
        }
        assertThat(c.version()).isEqualTo(steps.size());
    }
}
