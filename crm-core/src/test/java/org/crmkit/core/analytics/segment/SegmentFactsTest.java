package org.crmkit.core.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.abc.AbcClass;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class SegmentFactsTest {

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final Customers acme = Crm.builder().storage(InMemoryStorage.create()).clock(clock).build()
            .customers("acme");

    @Test
    void aCustomersAttributesAndRecordBecomeFactsByNamespace() {
        Customer li = acme.register(RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice").build());
        li = acme.change(li.id(), c -> {
            c.recordAttribute(AttributeCategory.EXTERNAL, "region", AttributeValue.of("East China"));
            c.recordAttribute(AttributeCategory.INTERNAL, "income", AttributeValue.of(120_000));
        });
        SegmentFacts f = SegmentFacts.of(li);
        assertThat(f.customerId()).isEqualTo(li.id().toString());
        assertThat(f.values()).containsEntry("external.region", AttributeValue.of("East China"))
                .containsEntry("internal.income", AttributeValue.of(120_000))
                .containsEntry("customer.type", AttributeValue.of("B2C"))
                .containsEntry("customer.lifecycleStage", AttributeValue.of("EXPLORATION"))
                .containsEntry("customer.createdAt", AttributeValue.of(Instant.parse("2026-03-01T09:00:00Z")))
                .containsKey("customer.relationshipLevel");

        SegmentDefinition eastB2c = SegmentJson.read("""
                {"format": "crmkit.segment/1", "id": "east-b2c", "name": "East B2C", "version": 1,
                 "rule": {"and": [{"field": "external.region", "op": "eq", "value": "east china", "ignoreCase": true},
                                  {"field": "customer.type", "op": "eq", "value": "B2C"}]}}
                """);
        assertThat(eastB2c.evaluate(f).explain()).startsWith("true    rule: and: all 2 parts are true");
    }

    @Test
    void theAnalysisRowGivesTheStandardScores() {
        CustomerBaseAnalysis.CustomerRow row = new CustomerBaseAnalysis.CustomerRow("c1", 4, 30.5, 40, OptionalDouble.of(25),
                new BigDecimal("125.50"), 0.875, 1.5, 310.25, "545", "Champions", AbcClass.A);
        SegmentFacts f = SegmentFacts.of("c1").withAll(SegmentFacts.scoresOf(row));
        assertThat(f.values()).containsEntry(SegmentFacts.RFM_RECENCY, AttributeValue.of(5))
                .containsEntry(SegmentFacts.RFM_MONETARY, AttributeValue.of(5))
                .containsEntry(SegmentFacts.RFM_SEGMENT, AttributeValue.of("Champions"))
                .containsEntry(SegmentFacts.ABC_CLASS, AttributeValue.of("A"))
                .containsEntry(SegmentFacts.PROBABILITY_ALIVE, AttributeValue.of(new BigDecimal("0.875")))
                .containsEntry(SegmentFacts.CLV, AttributeValue.of(new BigDecimal("310.25")))
                .containsEntry(SegmentFacts.NET_SPEND, AttributeValue.of(new BigDecimal("125.5")));
        SegmentRule likelyAlive = new SegmentRule.Between(SegmentFacts.PROBABILITY_ALIVE,
                AttributeValue.of(new BigDecimal("0.5")), false, AttributeValue.of(1), true);
        assertThat(likelyAlive.evaluate(f).holds()).isTrue();
    }

    @Test
    void factsRefuseUnknownNamespacesAndBlankIds() {
        assertThatThrownBy(() -> new SegmentFacts("c", Map.of("region", AttributeValue.of("x"))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("values");
        assertThatThrownBy(() -> SegmentFacts.of(" ")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("customerId");
    }
}
