package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.AfterSalesFixture;
import org.crmkit.core.service.DispatchStrategy;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.ServiceLevelPolicy;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderOrigin;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** A club tier's service level (domain §8: member-only services) gives its members' work orders shorter targets. */
class TierServiceLevelTest {

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final Instant t0 = f.clock.instant();
    private final CustomerClub club = new CustomerClub(f.tenant, f.storage, f.clock, f.ids, f.published::add);
    private final ServiceDesk desk = new ServiceDesk(f.tenant, f.storage, f.clock, f.ids, f.published::add,
            ServiceLevelPolicy.defaults(), DispatchStrategy.highestRated(), club::serviceLevelWithin);

    private CustomerId memberWithPoints(String name, String spend) {
        ClubMembership m = club.join(f.customer(name));
        club.earnWithCard(m.cardNumber(), OrderId.of(UUID.randomUUID()), Money.of(spend, "CNY"), Touchpoint.store("NJ-01"));
        return m.customerId();
    }

    private WorkOrder normalCall(CustomerId customer) {
        return desk.openWorkOrder(customer, WorkOrderOrigin.CALL, "TV has no picture", null, WorkOrderPriority.NORMAL, null);
    }

    @Test
    void aGoldMemberIsServedAtTheLevelItsPriorityServiceMapsTo() {
        // standard tiers: GOLD from 5,000 points with service level PRIORITY; defaults map PRIORITY to
        // PROACTIVE, half the base targets: NORMAL 8 h / 72 h becomes 4 h / 36 h
        CustomerId gold = memberWithPoints("Wang Fang", "6000.00");
        assertThat(club.tierOf(gold)).map(Tier::name).contains("GOLD");

        WorkOrder w = normalCall(gold);

        assertThat(w.responseDueAt()).contains(t0.plus(Duration.ofHours(4)));
        assertThat(w.resolutionDueAt()).contains(t0.plus(Duration.ofHours(36)));
    }

    @Test
    void aSilverMemberAndANonMemberGetTheTargetsOfTheirRelationshipLevel() {
        CustomerId silver = memberWithPoints("Li Na", "1500.00");
        assertThat(club.tierOf(silver)).map(Tier::name).contains("SILVER");
        CustomerId stranger = f.customer("Zhao Gang");

        assertThat(normalCall(silver).responseDueAt()).contains(t0.plus(Duration.ofHours(8)));
        assertThat(normalCall(stranger).resolutionDueAt()).contains(t0.plus(Duration.ofHours(72)));
    }

    @Test
    void aMemberWhoLeftTheClubLosesTheTierService() {
        CustomerId gold = memberWithPoints("Wang Fang", "6000.00");
        club.leave(gold);

        assertThat(normalCall(gold).responseDueAt()).contains(t0.plus(Duration.ofHours(8)));
    }

    @Test
    void theHigherOfTheRelationshipLevelAndTheTierLevelWins() {
        ServiceLevelPolicy policy = ServiceLevelPolicy.defaults();
        assertThat(policy.memberServiceLevels()).isEqualTo(Map.of("PRIORITY", RelationshipLevel.PROACTIVE));
        assertThat(policy.servedAs(RelationshipLevel.BASIC, Optional.of("PRIORITY"))).isEqualTo(RelationshipLevel.PROACTIVE);
        assertThat(policy.servedAs(RelationshipLevel.PARTNERSHIP, Optional.of("PRIORITY")))
                .isEqualTo(RelationshipLevel.PARTNERSHIP);
        assertThat(policy.servedAs(RelationshipLevel.REACTIVE, Optional.of("STANDARD"))).isEqualTo(RelationshipLevel.REACTIVE);
        assertThat(policy.servedAs(RelationshipLevel.REACTIVE, Optional.empty())).isEqualTo(RelationshipLevel.REACTIVE);
        ServiceLevelPolicy vip = policy.withMemberServiceLevel("STANDARD", RelationshipLevel.ACCOUNTABLE);
        assertThat(vip.servedAs(RelationshipLevel.BASIC, Optional.of("STANDARD"))).isEqualTo(RelationshipLevel.ACCOUNTABLE);
        // the table itself is untouched by the mapping, and a changed cell keeps the mapping
        assertThat(vip.targets()).isEqualTo(policy.targets());
        assertThat(vip.with(RelationshipLevel.BASIC, WorkOrderPriority.LOW,
                policy.targetsFor(RelationshipLevel.BASIC, WorkOrderPriority.HIGH)).memberServiceLevels())
                .isEqualTo(vip.memberServiceLevels());
        assertThat(new ServiceLevelPolicy(policy.targets()).memberServiceLevels()).isEmpty();
    }

    @Test
    void aBlankServiceLevelCodeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ServiceLevelPolicy.defaults().withMemberServiceLevel(" ", RelationshipLevel.PROACTIVE))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("serviceLevelCode:");
        assertThatThrownBy(() -> new ServiceLevelPolicy(ServiceLevelPolicy.defaults().targets(),
                Map.of("", RelationshipLevel.PROACTIVE)))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("memberServiceLevels:");
    }

    @Test
    void crmConnectsItsClubToTheServiceDesk() {
        org.crmkit.core.Crm crm = org.crmkit.core.Crm.inMemory(f.clock);
        CustomerId wang = crm.customers("shop").register(org.crmkit.core.customer.RegisterCustomer
                .builder(org.crmkit.core.customer.CustomerType.B2C, "Wang Fang", "alice").build()).id();
        ClubMembership m = crm.club("shop").join(wang);
        crm.club("shop").earnWithCard(m.cardNumber(), OrderId.of(UUID.randomUUID()), Money.of("5000.00", "CNY"),
                Touchpoint.channel("web"));

        WorkOrder w = crm.serviceDesk("shop").openWorkOrder(wang, WorkOrderOrigin.CALL, "x", null,
                WorkOrderPriority.URGENT, null);

        assertThat(w.responseDueAt()).contains(f.clock.instant().plus(Duration.ofMinutes(30)));
    }
}
