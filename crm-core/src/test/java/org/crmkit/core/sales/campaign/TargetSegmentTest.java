package org.crmkit.core.sales.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Organisation;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class TargetSegmentTest {

    private final Customers customers = Crm.builder().storage(InMemoryStorage.create())
            .clock(TestClock.at("2026-03-01T08:00:00Z")).build().customers("t");

    private Customer person(String name, long income, String region) {
        Customer c = customers.register(RegisterCustomer.builder(CustomerType.B2C, name, "anna").build());
        return customers.change(c.id(), x -> {
            x.recordAttribute(AttributeCategory.INTERNAL, "income", AttributeValue.of(income));
            x.recordAttribute(AttributeCategory.EXTERNAL, "region", AttributeValue.of(region));
        });
    }

    @Test
    void attributeConditionsCompareTypedValues() {
        Customer rich = person("Rich", 80_000, "East");
        Customer poor = person("Poor", 20_000, "West");
        TargetCondition atLeast = TargetCondition.attributeAtLeast(AttributeCategory.INTERNAL, "income",
                AttributeValue.of(new BigDecimal("50000.00")));
        TargetCondition atMost = TargetCondition.attributeAtMost(AttributeCategory.INTERNAL, "income",
                AttributeValue.of(20_000));
        TargetCondition equals = TargetCondition.attributeEquals(AttributeCategory.EXTERNAL, "region",
                AttributeValue.of("East"));
        TargetCondition in = TargetCondition.attributeIn(AttributeCategory.EXTERNAL, "region",
                AttributeValue.of("West"), AttributeValue.of("North"));
        assertThat(atLeast.test(rich)).isTrue();
        assertThat(atLeast.test(poor)).isFalse();
        assertThat(atMost.test(poor)).isTrue();
        assertThat(equals.test(rich)).isTrue();
        assertThat(equals.test(poor)).isFalse();
        assertThat(in.test(poor)).isTrue();
        assertThat(in.test(rich)).isFalse();
    }

    @Test
    void aMissingAttributeOrOneOfAnotherTypeNeverMatches() {
        Customer c = person("Li", 1, "East");
        assertThat(TargetCondition.attributeEquals(AttributeCategory.INTERNAL, "age", AttributeValue.of(1)).test(c))
                .isFalse();
        assertThat(TargetCondition.attributeEquals(AttributeCategory.EXTERNAL, "income", AttributeValue.of(1)).test(c))
                .as("same name, other category").isFalse();
        assertThat(TargetCondition.attributeAtLeast(AttributeCategory.EXTERNAL, "region",
                AttributeValue.of(LocalDate.of(2020, 1, 1))).test(c)).isFalse();
        assertThat(TargetCondition.attributeEquals(AttributeCategory.INTERNAL, "income", AttributeValue.of("1"))
                .test(c)).isFalse();
    }

    @Test
    void fieldConditionsTestTypeStageAndRelationshipLevel() {
        Customer b2b = customers.register(RegisterCustomer.builder(CustomerType.B2B, "Acme", "anna")
                .organisation(Organisation.named("Acme Ltd")).relationshipLevel(RelationshipLevel.PARTNERSHIP).build());
        Customer b2c = person("Li", 1, "East");
        customers.change(b2c.id(), x -> x.changeLifecycleStage(LifecycleStage.FORMATION, "grew"));
        Customer formed = customers.get(b2c.id());
        assertThat(TargetCondition.typeIn(CustomerType.B2B, CustomerType.CHANNEL).test(b2b)).isTrue();
        assertThat(TargetCondition.typeIn(CustomerType.B2B).test(formed)).isFalse();
        assertThat(TargetCondition.lifecycleStageIn(LifecycleStage.FORMATION).test(formed)).isTrue();
        assertThat(TargetCondition.lifecycleStageIn(LifecycleStage.FORMATION).test(b2b)).isFalse();
        assertThat(TargetCondition.relationshipLevelAtLeast(RelationshipLevel.PROACTIVE).test(b2b)).isTrue();
        assertThat(TargetCondition.relationshipLevelAtLeast(RelationshipLevel.REACTIVE).test(formed)).isFalse();
        assertThat(TargetCondition.relationshipLevelAtLeast(RelationshipLevel.BASIC).test(formed)).isTrue();
    }

    @Test
    void aRuleSelectsCustomersMeetingEveryConditionOfSomeClause() {
        Customer richEast = person("A", 90_000, "East");
        Customer richWest = person("B", 90_000, "West");
        Customer poorWest = person("C", 10_000, "West");
        TargetCondition rich = TargetCondition.attributeAtLeast(AttributeCategory.INTERNAL, "income",
                AttributeValue.of(50_000));
        TargetCondition east = TargetCondition.attributeEquals(AttributeCategory.EXTERNAL, "region",
                AttributeValue.of("East"));
        TargetSegment.Rule both = TargetSegment.Rule.allOf(rich, east);
        TargetSegment.Rule either = TargetSegment.Rule.anyOf(rich, east);
        assertThat(List.of(richEast, richWest, poorWest)).filteredOn(both::selects).containsExactly(richEast);
        assertThat(List.of(richEast, richWest, poorWest)).filteredOn(either::selects)
                .containsExactly(richEast, richWest);
        assertThat(both.describe()).isEqualTo("(INTERNAL income >= 50000 and EXTERNAL region = East)");
        assertThat(either.describe()).isEqualTo("(INTERNAL income >= 50000) or (EXTERNAL region = East)");
    }

    @Test
    void aFixedListSelectsExactlyItsCustomers() {
        Customer a = person("A", 1, "East");
        Customer b = person("B", 1, "East");
        TargetSegment.FixedList list = TargetSegment.FixedList.of(a.id());
        assertThat(list.selects(a)).isTrue();
        assertThat(list.selects(b)).isFalse();
        assertThatThrownBy(() -> TargetSegment.FixedList.of(a.id(), a.id())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("target.customers[1]");
    }

    @Test
    void refusesMalformedRulesNamingTheField() {
        assertThatThrownBy(() -> new TargetSegment.Rule(List.of())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("target.clauses");
        assertThatThrownBy(() -> new TargetSegment.Rule(List.of(List.of()))).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("target.clauses[0]");
        assertThatThrownBy(() -> TargetCondition.attributeAtLeast(AttributeCategory.INTERNAL, "x",
                AttributeValue.of("text"))).isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("condition.value");
        assertThatThrownBy(() -> TargetCondition.attributeIn(AttributeCategory.INTERNAL, "x", AttributeValue.of(1),
                AttributeValue.of("1"))).isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("condition.values");
        assertThatThrownBy(() -> TargetCondition.attributeEquals(AttributeCategory.INTERNAL, "1bad",
                AttributeValue.of(1))).isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("attribute.name");
        assertThatThrownBy(() -> TargetCondition.typeIn()).isInstanceOf(ValidationException.class);
        assertThat(StaffId.of("x")).isNotNull();
    }
}
