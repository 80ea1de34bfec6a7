package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.crmkit.examples.cli.Cases.amount;
import static org.crmkit.examples.cli.Cases.step;
import static org.crmkit.examples.cli.Cases.texts;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code crm example suning}: the key figures of the Suning case (domain §14), read from its JSON. */
class SuningCaseTest {

    private static JsonNode doc;

    @BeforeAll
    static void runTheCase() {
        doc = Cases.run("suning");
    }

    @Test
    void everyMemberHasOneCardOfTheirOwn() {
        JsonNode members = step(doc, "members").get("members");
        Set<String> cards = new HashSet<>();
        members.forEach(m -> cards.add(m.get("card").asText()));

        assertThat(members).hasSize(3);
        assertThat(cards).hasSize(3);
        assertThat(doc.get("figures").get("members").asInt()).isEqualTo(3);
    }

    @Test
    void oneCardEarnsInStoresOnTheWebAndInTheAppOnOneLedger() {
        JsonNode step = step(doc, "one_card");
        long wangPoints = 0;
        for (JsonNode p : step.get("purchases")) {
            assertThat(p.get("status").asText()).isEqualTo("POSTED");
            // the standard earn rule: one point per whole yuan
            assertThat(p.get("points").asLong()).isEqualTo(amount(p.get("total")).longValue());
            if (p.get("member").asText().equals("Wang Fang")) {
                wangPoints += p.get("points").asLong();
            }
        }
        assertThat(texts(step.get("wangFangTouchpoints"))).containsExactly("channel APP", "channel WEB", "store NJ-XINJIEKOU");
        assertThat(step.get("wangFangBalance").asLong()).isEqualTo(wangPoints).isEqualTo(6999 + 1299 + 399);
    }

    @Test
    void goldMembersPayTheMemberPrice() {
        JsonNode step = step(doc, "member_prices");
        BigDecimal list = amount(step.get("listPrice"));

        for (JsonNode m : step.get("members")) {
            BigDecimal price = amount(m.get("memberPrice"));
            if (m.get("tier").asText().equals("GOLD")) {
                // the standard policy: gold from 5000 lifetime points, 10% off
                assertThat(price).isEqualByComparingTo(list.multiply(new BigDecimal("0.90")));
            } else {
                assertThat(price).isEqualByComparingTo(list);
            }
        }
        assertThat(doc.get("figures").get("wangFangTier").asText()).isEqualTo("GOLD");
        assertThat(amount(doc.get("figures").get("wangFangMemberPrice"))).isEqualByComparingTo("4499.10");
    }

    @Test
    void offersArePersonalisedByTier() {
        JsonNode step = step(doc, "partners_offers");

        assertThat(texts(step.get("offersFor").get("Wang Fang"))).hasSize(3).contains("Free installation for gold members");
        assertThat(texts(step.get("offersFor").get("Li Na"))).containsExactly("Spring trade-in bonus");
        assertThat(step.get("partnerPoints").asLong()).isEqualTo(240);
    }

    @Test
    void pointsAreRedeemedAsCashAtTheProgramsRate() {
        JsonNode step = step(doc, "redeem_cash");

        assertThat(step.get("status").asText()).isEqualTo("POSTED");
        assertThat(amount(step.get("cash"))).isEqualByComparingTo("50.00");
        assertThat(step.get("points").asLong()).isEqualTo(-5000);
        assertThat(step.get("balanceAfter").asLong()).isEqualTo(step.get("balanceBefore").asLong() - 5000);
        assertThat(doc.get("figures").get("wangFangBalance").asLong()).isEqualTo(6999 + 1299 + 399 + 240 - 5000);
    }

    @Test
    void theCallCentreSeesOneRecordAcrossChannels() {
        JsonNode step = step(doc, "call_centre");

        assertThat(texts(step.get("channels"))).containsExactly("EMAIL", "PHONE", "SMS", "WEB");
        assertThat(step.get("sms").asText()).isEqualTo("SENT");
        assertThat(step.get("timelineEntries").asInt()).isEqualTo(doc.get("figures").get("zhaoGangTimelineEntries")
                .asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theOrderIsDeliveredAndTracked() {
        JsonNode step = step(doc, "delivery");

        assertThat(texts(step.get("statusHistory"))).containsExactly("CREATED", "SUBMITTED", "CONFIRMED", "SHIPPED",
                "DELIVERED");
        assertThat(step.get("trackingNumber").asText()).isEqualTo(doc.get("figures").get("trackingNumber").asText());
        // (4999.00 + 200.00) with 13% VAT
        assertThat(amount(step.get("total"))).isEqualByComparingTo("5874.87");
        assertThat(step.get("pointsEarned").asLong()).isEqualTo(5874);
    }

    @Test
    void workOrdersAreTrackedStepByStepAndSurveyedOnTheWebsite() {
        for (JsonNode w : step(doc, "work_orders").get("workOrders")) {
            assertThat(texts(w.get("steps"))).startsWith("OPENED").endsWith("STARTED", "RESOLVED", "CLOSED");
        }
        JsonNode survey = step(doc, "web_survey");
        int satisfied = 0;
        for (JsonNode a : survey.get("answers")) {
            assertThat(a.get("channel").asText()).isEqualTo("WEB");
            satisfied += a.get("score").asInt() >= 4 ? 1 : 0;
        }
        assertThat(survey.get("csat").asDouble()).isCloseTo(100.0 * satisfied / survey.get("answers").size(),
                within(1e-9)).isCloseTo(66.667, within(0.001));
        assertThat(doc.get("figures").get("csat").asDouble()).isEqualTo(survey.get("csat").asDouble());
    }

    @Test
    void workOrdersAreDispatchedWithoutAManualStep() {
        for (JsonNode w : step(doc, "work_orders").get("workOrders")) {
            assertThat(texts(w.get("steps"))).contains("DISPATCHED").doesNotContainNull();
            assertThat(w.get("assignee").asText()).isIn("hu.qiang", "deng.hao");
        }
    }

    @Test
    void theNewWorkOrderGoesToTheTechnicianWithTheBestSurveyRating() {
        JsonNode survey = step(doc, "web_survey");
        JsonNode dispatch = step(doc, "auto_dispatch");
        for (JsonNode r : dispatch.get("ratings")) {
            int sum = 0;
            int n = 0;
            for (JsonNode a : survey.get("answers")) {
                if (a.get("technician").asText().equals(r.get("agent").asText())) {
                    sum += a.get("score").asInt();
                    n++;
                }
            }
            // AgentRating: (5 neutral answers of 3 + the scores) / (5 + answers)
            assertThat(r.get("answers").asInt()).isEqualTo(n);
            assertThat(r.get("rating").asDouble()).isCloseTo((15.0 + sum) / (5 + n), within(1e-9));
        }
        JsonNode best = dispatch.get("ratings").get(0);
        for (JsonNode r : dispatch.get("ratings")) {
            assertThat(best.get("rating").asDouble()).isGreaterThanOrEqualTo(r.get("rating").asDouble());
        }
        assertThat(dispatch.get("chosen").asText()).isEqualTo(best.get("agent").asText()).isEqualTo("hu.qiang");
        assertThat(texts(dispatch.get("steps"))).endsWith("CLOSED");
        assertThat(dispatch.get("responseDueAt").asText()).isNotBlank();
        assertThat(doc.get("figures").get("dispatchedTo").asText()).isEqualTo("hu.qiang");
    }

    @Test
    void theComplaintIsTrackedThroughItsStepsToClosure() {
        JsonNode c = step(doc, "complaint");

        assertThat(texts(c.get("steps"))).startsWith("RECEIVED", "EXPECTATION").endsWith("ANSWERED", "FOLLOWED_UP",
                "CLOSED");
        assertThat(c.get("expectedRemedy").asText()).isEqualTo("COMPENSATION");
        assertThat(c.get("workOrderStatus").asText()).isEqualTo("CLOSED");
        assertThat(c.get("followUpScore").asInt()).isEqualTo(4);
        assertThat(c.get("status").asText()).isEqualTo("CLOSED");
        assertThat(doc.get("figures").get("complaintStatus").asText()).isEqualTo("CLOSED");
    }

    @Test
    void serviceStaffAreRankedByServiceScore() {
        JsonNode ranking = step(doc, "staff_quality").get("serviceScore");
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal previous = null;
        for (JsonNode row : ranking.get("rows")) {
            BigDecimal score = new BigDecimal(row.get("score").asText());
            if (previous != null) {
                assertThat(score).isLessThanOrEqualTo(previous);
            }
            previous = score;
            total = total.add(score);
        }
        assertThat(new BigDecimal(ranking.get("total").asText())).isEqualByComparingTo(total);
        // hu.qiang: the wall mount (normal 2 x 5/5) and two high-priority work orders not rated (3 x 3/5 each)
        assertThat(ranking.get("rows").get(0).get("staff").asText()).isEqualTo("hu.qiang");
        assertThat(new BigDecimal(ranking.get("rows").get(0).get("score").asText())).isEqualByComparingTo("5.6");
        // deng.hao: the installation (normal 2 x 5/5) and the microwave (high 3 x 2/5)
        assertThat(new BigDecimal(ranking.get("rows").get(1).get("score").asText())).isEqualByComparingTo("3.2");
    }
}
