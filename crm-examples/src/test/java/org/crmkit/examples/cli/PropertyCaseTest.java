package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.crmkit.examples.cli.Cases.step;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.satisfaction.scoring.ServiceQualityCriterion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code crm example property}: the key figures of the property management case (domain §14). */
class PropertyCaseTest {

    private static JsonNode doc;

    @BeforeAll
    static void runTheCase() {
        doc = Cases.run("property");
    }

    @Test
    void ownersAndTenantsAreTheCustomers() {
        List<String> roles = new ArrayList<>();
        step(doc, "residents").get("residents").forEach(r -> roles.add(r.get("role").asText()));

        assertThat(roles).containsExactly("owner", "owner", "tenant", "tenant");
        assertThat(doc.get("figures").get("residents").asInt()).isEqualTo(4);
    }

    @Test
    void theOwnersCommitteeIsAChannelCustomer() {
        JsonNode step = step(doc, "owners_committee");

        assertThat(step.get("type").asText()).isEqualTo("CHANNEL");
        assertThat(step.get("representsFlats").asText()).isEqualTo("320");
        assertThat(step.get("timelineEntries").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyRepairIsClosedAndSurveyed() {
        JsonNode step = step(doc, "repairs");
        int satisfied = 0;
        for (JsonNode w : step.get("workOrders")) {
            assertThat(w.get("status").asText()).isEqualTo("CLOSED");
            satisfied += w.get("score").asInt() >= 4 ? 1 : 0;
        }
        assertThat(step.get("csat").asDouble()).isCloseTo(100.0 * satisfied / 3, within(1e-9));
    }

    @Test
    void servqualCoversTheTenCriteriaFoldedIntoFiveDimensions() {
        JsonNode step = step(doc, "servqual");

        List<String> criteria = new ArrayList<>();
        for (JsonNode c : step.get("criteria")) {
            criteria.add(c.get("criterion").asText());
            assertThat(c.get("gap").asDouble()).isCloseTo(c.get("perception").asDouble()
                    - c.get("expectation").asDouble(), within(1e-9));
            assertThat(c.get("dimension").asText()).isEqualTo(ServiceQualityCriterion.valueOf(
                    c.get("criterion").asText()).dimension().name());
        }
        assertThat(criteria).containsExactly(java.util.Arrays.stream(ServiceQualityCriterion.values())
                .map(Enum::name).toArray(String[]::new));
        assertThat(step.get("dimensions")).hasSize(5);
        assertThat(step.get("respondents").asInt()).isEqualTo(4);
        assertThat(step.get("ratings").asInt()).isEqualTo(40);
        assertThat(step.get("questionnaireStatus").asText()).isEqualTo("PUBLISHED");
        assertThat(step.get("responses").asInt()).isEqualTo(4);
        double mean = 0;
        for (JsonNode d : step.get("dimensions")) {
            mean += d.get("gap").asDouble() / 5;
        }
        // tangibles -0.5, reliability -2.25, responsiveness -3, assurance -3.5/4, empathy -4.75/3
        assertThat(step.get("overallGap").asDouble()).isCloseTo(mean, within(1e-9))
                .isCloseTo((-0.5 - 2.25 - 3 - 3.5 / 4 - 4.75 / 3) / 5, within(1e-9));
        assertThat(doc.get("figures").get("largestGapCriterion").asText()).isEqualTo("RESPONSIVENESS");
        assertThat(doc.get("figures").get("largestGap").asDouble()).isCloseTo(-3.0, within(1e-9));
    }

    @Test
    void npsCountsPromotersLessDetractors() {
        JsonNode step = step(doc, "recommend");
        int promoters = 0;
        int detractors = 0;
        for (JsonNode a : step.get("answers")) {
            promoters += a.asInt() >= 9 ? 1 : 0;
            detractors += a.asInt() <= 6 ? 1 : 0;
        }

        assertThat(step.get("promoters").asInt()).isEqualTo(promoters);
        assertThat(step.get("detractors").asInt()).isEqualTo(detractors);
        assertThat(step.get("nps").asDouble()).isCloseTo(100.0 * (promoters - detractors) / step.get("answers").size(),
                within(1e-9)).isCloseTo(25.0, within(1e-9));
        assertThat(doc.get("figures").get("nps").asDouble()).isEqualTo(step.get("nps").asDouble());
    }
}
