package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.service.AfterSalesFixture;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.storage.RecordQuery;
import org.junit.jupiter.api.Test;

class CustomerClubTest {
    private final AfterSalesFixture f = new AfterSalesFixture();
    private final CustomerClub club = new CustomerClub(f.tenant, f.storage, f.clock, f.ids, f.published::add);

    @Test
    void aCustomerJoinsWithACardAndAnEmptyLedger() {
        CustomerId li = f.customer("Li Wei");
        ClubMembership m = club.join(li);
        assertThat(m.version()).isEqualTo(1);
        assertThat(m.cardNumber().value()).startsWith("CLUB-");
        assertThat(club.findByCustomer(li)).map(ClubMembership::id).contains(m.id());
        assertThat(club.findByCard(m.cardNumber())).map(ClubMembership::id).contains(m.id());
        assertThat(club.find(m.id())).isPresent();
        assertThat(f.events(MembershipEvent.Joined.class)).hasSize(1);
    }

    @Test
    void joiningAgainReturnsTheExistingMembershipAndWritesNothing() {
        CustomerId li = f.customer("Li Wei");
        ClubMembership first = club.join(li);
        ClubMembership second = club.join(li);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isEqualTo(1);
        assertThat(f.storage.<Long>inTransaction("acme",
                s -> s.records(ClubMembershipRecord.KIND).count(RecordQuery.all()))).isEqualTo(1);
        assertThat(f.events(MembershipEvent.Joined.class)).hasSize(1);
    }

    @Test
    void aCustomerWhoLeftJoinsAgainWithTheSameCardAndPoints() {
        CustomerId li = f.customer("Li Wei");
        ClubMembership m = club.join(li);
        club.earnFromOrder(f.delivered(li, null, "20.00"));
        club.leave(li);
        assertThatThrownBy(() -> club.leave(li)).isInstanceOf(IllegalTransitionException.class);
        ClubMembership back = club.join(li);
        assertThat(back.id()).isEqualTo(m.id());
        assertThat(back.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(back.balance()).isEqualTo(20);
        assertThat(f.events(MembershipEvent.Rejoined.class)).hasSize(1);
    }

    @Test
    void anOrderEarnsPointsOnceEvenIfPostedTwice() {
        CustomerId li = f.customer("Li Wei");
        club.join(li);
        DeliveredOrder order = f.delivered(li, null, "129.99");
        PointsPosting first = club.earnFromOrder(order);
        PointsPosting second = club.earnFromOrder(order);
        assertThat(first.status()).isEqualTo(PointsPosting.Status.POSTED);
        assertThat(first.balance()).isEqualTo(129);
        assertThat(second.status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
        assertThat(club.balance(li)).isEqualTo(129);
        assertThat(club.findByCustomer(li).orElseThrow().version()).isEqualTo(2);
        assertThat(f.events(MembershipEvent.PointsPosted.class)).hasSize(1);
    }

    @Test
    void aNonMemberEarnsNothingAndNothingIsWritten() {
        CustomerId li = f.customer("Li Wei");
        PointsPosting p = club.earnFromOrder(f.delivered(li, null, "50.00"));
        assertThat(p.status()).isEqualTo(PointsPosting.Status.NOT_A_MEMBER);
        assertThat(club.balance(li)).isZero();
        assertThat(club.findByCustomer(li)).isEmpty();
    }

    @Test
    void aConfiguredEarnRuleIsUsed() {
        CustomerClub doublePoints = new CustomerClub(f.tenant, f.storage, f.clock, f.ids, f.published::add,
                EarnRule.perWholeCurrencyUnit(2));
        CustomerId li = f.customer("Li Wei");
        doublePoints.join(li);
        assertThat(doublePoints.earnFromOrder(f.delivered(li, null, "10.99")).balance()).isEqualTo(20);
    }

    @Test
    void redeemingAndReversingKeepTheBalanceNonNegative() {
        CustomerId li = f.customer("Li Wei");
        club.join(li);
        DeliveredOrder order = f.delivered(li, null, "100.00");
        club.earnFromOrder(order);
        assertThat(club.redeem(li, 150, "v-1", null).status()).isEqualTo(PointsPosting.Status.INSUFFICIENT_BALANCE);
        assertThat(club.redeem(li, 60, "v-1", "voucher").balance()).isEqualTo(40);
        PointsPosting reversed = club.reverseOrder(li, order.orderId());
        assertThat(reversed.status()).isEqualTo(PointsPosting.Status.POSTED);
        assertThat(reversed.entry().orElseThrow().points()).isEqualTo(-40);
        assertThat(reversed.shortfall()).isEqualTo(60);
        assertThat(club.balance(li)).isZero();
    }

    @Test
    void unknownCustomersCannotJoinOrLeave() {
        assertThatThrownBy(() -> club.join(CustomerId.of(UUID.randomUUID())))
                .isInstanceOf(NoSuchCustomerException.class);
        CustomerId li = f.customer("Li Wei");
        assertThatThrownBy(() -> club.leave(li)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("customerId");
    }
}
