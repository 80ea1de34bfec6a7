package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.examples.cli.Cases.amount;
import static org.crmkit.examples.cli.Cases.step;
import static org.crmkit.examples.cli.Cases.texts;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code crm example tiandi}: the key figures of the Tiandi case (domain §14), read from its JSON. */
class TiandiCaseTest {

    private static JsonNode doc;

    @BeforeAll
    static void runTheCase() {
        doc = Cases.run("tiandi");
    }

    @Test
    void eachSalespersonHasContactsTasksDiaryAndEmail() {
        JsonNode people = step(doc, "salesperson_desk").get("salespeople");

        JsonNode ma = people.get(0);
        assertThat(ma.get("staff").asText()).isEqualTo("ma.jun");
        assertThat(texts(ma.get("contacts"))).containsExactly("Hongxing Accounting", "Fang Jie");
        assertThat(ma.get("opportunities").asInt()).isEqualTo(2);
        assertThat(ma.get("tasks").asInt()).isEqualTo(2);
        assertThat(ma.get("openTasks").asInt()).isEqualTo(1);
        assertThat(ma.get("diaryEntries").asInt()).isEqualTo(2);
        assertThat(ma.get("emailsSent").asInt()).isEqualTo(1);
        assertThat(people.get(1).get("staff").asText()).isEqualTo("xu.lei");
        assertThat(texts(people.get(1).get("contacts"))).containsExactly("Qian Wei");
    }

    @Test
    void everyDepartmentsContactIsOnTheOneTimeline() {
        JsonNode step = step(doc, "departments");

        assertThat(texts(step.get("departments"))).containsExactly("management", "repair", "sales");
        assertThat(step.get("repairWorkOrderStatus").asText()).isEqualTo("CLOSED");
    }

    @Test
    void theManagerRoutesTheOpportunityToTheSeniorSalesperson() {
        JsonNode step = step(doc, "routing");

        assertThat(step.get("from").asText()).isEqualTo("ma.jun");
        assertThat(step.get("to").asText()).isEqualTo("xu.lei");
        assertThat(step.get("by").asText()).isEqualTo("zhou.min");
        assertThat(doc.get("figures").get("opportunityOwner").asText()).isEqualTo("xu.lei");
    }

    @Test
    void onlyStaffWithTheRightsSeeTheGradeAPriceListAndQuotesArePricedFromTheCustomersGrade() {
        JsonNode step = step(doc, "price_lists");

        assertThat(step.get("visibleForGradeA").get("ma.jun")).isEmpty();
        assertThat(texts(step.get("visibleForGradeA").get("xu.lei"))).containsExactly("grade-a");
        JsonNode office = step.get("quotes").get(0);
        assertThat(office.get("preparedBy").asText()).isEqualTo("xu.lei");
        assertThat(office.get("lines").get(0).get("priceList").asText()).isEqualTo("grade-a");
        assertThat(amount(office.get("lines").get(0).get("unitPrice"))).isEqualByComparingTo("4799.00");
        assertThat(office.get("lines").get(1).get("priceList").isNull()).isTrue();
        // (12 x 4799.00 + 12 x 150.00) with 13% VAT
        assertThat(amount(office.get("total"))).isEqualByComparingTo(new BigDecimal("59388.00").multiply(
                new BigDecimal("1.13"))).isEqualByComparingTo(amount(doc.get("figures").get("gradeAQuoteTotal")));
        JsonNode home = step.get("quotes").get(1);
        assertThat(home.get("lines").get(0).get("priceList").asText()).isEqualTo("grade-c");
        assertThat(amount(home.get("total"))).isEqualByComparingTo("5761.87");
        assertThat(office.get("orderStatus").asText()).isEqualTo("DELIVERED");
        JsonNode walkIn = step.get("quotes").get(2);
        assertThat(walkIn.get("preparedBy").asText()).isEqualTo("ma.jun");
        assertThat(walkIn.get("lines").get(0).get("priceList").asText()).isEqualTo("grade-c");
    }

    @Test
    void theKnowledgeBaseSolvesOneFaultAndEscalatesTheOtherToTheRepairStaff() {
        JsonNode step = step(doc, "knowledge_base");

        assertThat(step.get("sessions").get(0).get("status").asText()).isEqualTo("SOLVED");
        assertThat(step.get("sessions").get(0).get("workOrderId").isNull()).isTrue();
        assertThat(step.get("sessions").get(1).get("status").asText()).isEqualTo("NOT_SOLVED");
        assertThat(step.get("sessions").get(1).get("workOrderId").asText())
                .isEqualTo(step.get("workOrder").get("id").asText());
        assertThat(step.get("workOrder").get("origin").asText()).isEqualTo("SELF_SERVICE");
        assertThat(step.get("workOrder").get("status").asText()).isEqualTo("CLOSED");
        assertThat(doc.get("figures").get("solvedBySelfService").asInt()).isEqualTo(1);
    }

    @Test
    void customersRateEachRepair() {
        JsonNode ratings = step(doc, "service_surveys").get("ratings");

        assertThat(ratings).hasSize(2);
        assertThat(ratings.get(0).get("technician").asText()).isEqualTo("he.bin");
        assertThat(ratings.get(1).get("technician").asText()).isEqualTo("tang.li");
        assertThat(ratings.get(1).get("workOrderId").asText())
                .isEqualTo(step(doc, "knowledge_base").get("workOrder").get("id").asText());
    }

    @Test
    void salespeopleAreJudgedByGrossMarginOrSalesPointsAndRepairStaffByServiceScore() {
        JsonNode step = step(doc, "staff_evaluation");

        JsonNode margin = step.get("grossMargin").get("rows");
        // xu.lei: 12 x (4799 - 4300) + 12 x (150 - 40) + (5099 - 4300); ma.jun: 2 x (3499 - 2700)
        assertThat(margin.get(0).get("staff").asText()).isEqualTo("xu.lei");
        assertThat(amount(margin.get(0).get("margin"))).isEqualByComparingTo("8107.00");
        assertThat(margin.get(1).get("staff").asText()).isEqualTo("ma.jun");
        assertThat(amount(margin.get(1).get("margin"))).isEqualByComparingTo("1598.00");
        for (JsonNode row : margin) {
            assertThat(amount(row.get("margin"))).isEqualByComparingTo(amount(row.get("revenue"))
                    .subtract(amount(row.get("cost"))));
        }
        JsonNode points = step.get("salesPoints").get("rows");
        // xu.lei: 13 laptops x 5 + 12 set-ups x 1; ma.jun: 2 desktops x 3
        assertThat(points.get(0).get("points").asText()).isEqualTo("77");
        assertThat(points.get(1).get("points").asText()).isEqualTo("6");
        JsonNode service = step.get("serviceScore").get("rows");
        // he.bin: high 3 x 5/5; tang.li: normal 2 x 3/5
        assertThat(service.get(0).get("staff").asText()).isEqualTo("he.bin");
        assertThat(new BigDecimal(service.get(0).get("score").asText())).isEqualByComparingTo("3");
        assertThat(new BigDecimal(service.get(1).get("score").asText())).isEqualByComparingTo("1.2");
        assertThat(doc.get("figures").get("topByServiceScore").asText()).isEqualTo("he.bin");
    }
}
