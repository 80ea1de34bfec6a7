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
            assertThat(texts(w.get("steps"))).containsExactly("OPENED", "ASSIGNED", "STARTED", "RESOLVED", "CLOSED");
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
}
