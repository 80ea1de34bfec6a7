package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code crm demo}'s walk through the closed loop of domain §9, read back from its JSON trace and its text. */
class DemoLoopTest {

    private static final List<String> STEPS = List.of("campaign", "lead", "customer", "opportunity", "quote", "order",
            "service", "self_service", "satisfaction", "club", "feedback");

    /** Which step each step's {@code from} must name. */
    private static final Map<String, Set<String>> FROM = Map.of(
            "lead", Set.of("campaign"),
            "customer", Set.of("lead"),
            "opportunity", Set.of("customer"),
            "quote", Set.of("opportunity"),
            "order", Set.of("quote"),
            "service", Set.of("order"),
            "self_service", Set.of("order", "service"),
            "satisfaction", Set.of("order"),
            "club", Set.of("order"),
            "feedback", Set.of("satisfaction", "order"));

    @TempDir
    Path tmp;

    @Test
    void jsonModePrintsOneObjectWithTheElevenStepsInOrder() {
        Run run = Cli.crm("demo", "--in-memory", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode doc = run.json();
        assertThat(doc.isObject()).isTrue();
        assertThat(steps(doc)).containsExactlyElementsOf(STEPS);
        assertThat(doc.get("analytics").isObject()).isTrue();
    }

    @Test
    void everyIdIsUniqueAndEveryFromNamesAnEarlierStepOfTheRightKind() {
        JsonNode loop = Cli.crm("demo", "--in-memory", "--format", "json").json().get("loop");

        Set<String> ids = new HashSet<>();
        List<String> seenSteps = new ArrayList<>();
        List<String> seenIds = new ArrayList<>();
        for (JsonNode e : loop) {
            String id = e.get("id").asText();
            assertThat(e.get("id").isTextual()).as(e.toString()).isTrue();
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            Instant.parse(e.get("at").asText());
            String step = e.get("step").asText();
            if (step.equals("campaign")) {
                assertThat(e.get("from").isNull()).isTrue();
            } else {
                int i = seenIds.indexOf(e.get("from").asText());
                assertThat(i).as(step + ".from names an earlier element").isNotNegative();
                assertThat(FROM.get(step)).as(step + ".from").contains(seenSteps.get(i));
            }
            seenSteps.add(step);
            seenIds.add(id);
        }
    }

    @Test
    void feedbackLinksBackToTheCampaign() {
        JsonNode loop = Cli.crm("demo", "--in-memory", "--format", "json").json().get("loop");

        JsonNode feedback = loop.get(10);
        assertThat(feedback.get("campaign").asText()).isEqualTo(loop.get(0).get("id").asText());
        assertThat(feedback.get("visibleFromCampaign").asBoolean()).isTrue();
    }

    @Test
    void quoteTotalIsTheSumOfItsLinesAsPrinted() {
        JsonNode quote = Cli.crm("demo", "--in-memory", "--format", "json").json().get("loop").get(4);

        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (JsonNode line : quote.get("lines")) {
            net = net.add(new BigDecimal(line.get("net").get("amount").asText()));
            gross = gross.add(new BigDecimal(line.get("gross").get("amount").asText()));
            assertThat(line.get("gross").get("currency").asText()).isEqualTo("EUR");
        }
        assertThat(quote.get("lines")).hasSize(3);
        assertThat(new BigDecimal(quote.get("netTotal").get("amount").asText())).isEqualTo(net);
        assertThat(quote.get("total").get("amount").asText()).isEqualTo(gross.toPlainString()).isEqualTo("21105.13");
        assertThat(quote.get("total").get("currency").asText()).isEqualTo("EUR");
        assertThat(quote.get("approvalRequired").asBoolean()).isTrue();
        assertThat(quote.get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void orderGoesFromCreatedToDeliveredAndTheOtherStepsShowWhatHappened() {
        JsonNode loop = Cli.crm("demo", "--in-memory", "--format", "json").json().get("loop");

        List<String> statuses = new ArrayList<>();
        loop.get(5).get("statusHistory").forEach(s -> statuses.add(s.get("status").asText()));
        assertThat(statuses).containsExactly("CREATED", "SUBMITTED", "CONFIRMED", "SHIPPED", "DELIVERED");
        assertThat(loop.get(5).get("trackingNumber").asText()).isNotBlank();
        assertThat(loop.get(8).get("score").asInt()).isBetween(1, 5);
        assertThat(loop.get(9).get("pointsEarned").asLong()).isPositive();
        assertThat(loop.get(7).get("status").asText()).isEqualTo("SOLVED");
        assertThat(loop.get(6).get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void opportunityStageHistoryIsConsecutive() {
        JsonNode opportunity = Cli.crm("demo", "--in-memory", "--format", "json").json().get("loop").get(3);

        JsonNode history = opportunity.get("stageHistory");
        assertThat(history.size()).isGreaterThanOrEqualTo(3);
        assertThat(history.get(0).get("from").isNull()).isTrue();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).get("from").asText()).isEqualTo(history.get(i - 1).get("to").asText());
        }
        assertThat(opportunity.get("status").asText()).isEqualTo("WON");
    }

    @Test
    void analyticsHoldFunnelCampaignReturnForecastAndSalesCycle() {
        JsonNode analytics = Cli.crm("demo", "--in-memory", "--format", "json").json().get("analytics");

        assertThat(analytics.get("funnel")).hasSize(10);
        for (JsonNode t : analytics.get("funnel")) {
            assertThat(t.get("rate").asText()).isEqualTo("1.0000");
        }
        assertThat(analytics.get("campaignReturn").get("revenue").get("amount").asText()).isEqualTo("17735.40");
        assertThat(analytics.get("campaignReturn").get("returnOnCost").asText()).isEqualTo("5.4570");
        assertThat(analytics.get("forecast").get("lines").isArray()).isTrue();
        assertThat(analytics.get("salesCycle").get("won").asLong()).isEqualTo(1);
    }

    @Test
    void secondRunOnTheSameDataDirectoryLinksTheLeadToTheFirstRunsCustomer() {
        Path dataDir = tmp.resolve("crm-data");
        JsonNode first = Cli.crm("demo", "--data-dir", dataDir.toString(), "--format", "json").json().get("loop");

        Run second = Cli.crm("demo", "--data-dir", dataDir.toString(), "--format", "json");

        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode loop = second.json().get("loop");
        assertThat(steps(second.json())).containsExactlyElementsOf(STEPS);
        assertThat(first.get(2).get("created").asBoolean()).isTrue();
        assertThat(first.get(2).get("linked").asBoolean()).isFalse();
        JsonNode customer = loop.get(2);
        assertThat(customer.get("linked").asBoolean()).isTrue();
        assertThat(customer.get("created").asBoolean()).isFalse();
        assertThat(customer.get("id").asText()).isEqualTo(first.get(2).get("id").asText());
        assertThat(customer.get("matchesOffered").get(0).get("reasons").toString()).contains("EMAIL");
        assertThat(loop.get(0).get("id").asText()).isNotEqualTo(first.get(0).get("id").asText());
        assertThat(loop.get(9).get("joinedNow").asBoolean()).isFalse();
    }

    @Test
    void textModeTellsTheStoryThenWalksEveryStepOfTheLoop() {
        Run run = Cli.crm("demo", "--in-memory");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("registered Li Wei (B2C)");
        int loop = out.indexOf("The closed loop (domain §9)");
        assertThat(loop).isPositive();
        assertThat(out.substring(loop)).contains("1. Marketing: a campaign", "2. Lead", "3. Contact",
                "4. Opportunity tracking", "5. Quote", "6. Order", "7. Service", "8. Web self-service",
                "9. Satisfaction", "10. Customer club", "11. Feedback", "What the loop adds up to",
                "CREATED a new B2B customer", "CREATED -> SUBMITTED -> CONFIRMED -> SHIPPED -> DELIVERED",
                "Campaign return", "Average sales cycle");
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run run = Cli.crm("demo", "--in-memory", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(run.err()).isEqualTo("crm: --format 'xml' is not one of text, json" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    private static List<String> steps(JsonNode doc) {
        List<String> steps = new ArrayList<>();
        doc.get("loop").forEach(e -> steps.add(e.get("step").asText()));
        return steps;
    }
}
