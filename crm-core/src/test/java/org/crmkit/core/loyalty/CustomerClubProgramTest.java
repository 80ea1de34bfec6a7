package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.AfterSalesFixture;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.service.OfferRecord;
import org.crmkit.spi.storage.RecordQuery;
import org.junit.jupiter.api.Test;

/** The club's program through the service: one card across stores, cash redemption, tiers, partners, offers, expiry. */
class CustomerClubProgramTest {
    private final AfterSalesFixture f = new AfterSalesFixture();
    private final TierPolicy tiers = TierPolicy.byLifetimePoints(List.of(
            Tier.of("MEMBER", "0", TierBenefits.of("0", "STANDARD")),
            Tier.of("GOLD", "1000", TierBenefits.of("10", "PRIORITY", "2"))));
    private final LoyaltyProgram program = LoyaltyProgram.standard().withTiers(tiers)
            .withPointsValidity(Period.ofMonths(24));
    private final CustomerClub club = new CustomerClub(f.tenant, f.storage, f.clock, f.ids, f.published::add, program);

    private ClubMembership member(String name) {
        return club.join(f.customer(name));
    }

    @Test
    void oneCardEarnsInTwoStoresAndOnTheWebAndEveryEntryRecordsWhere() {
        ClubMembership li = member("Li Wei");
        CardNumber card = li.cardNumber();
        assertThat(club.earnWithCard(card, OrderId.of(UUID.randomUUID()), Money.of("300.00", "CNY"),
                Touchpoint.store("nj-01")).balance()).isEqualTo(300);
        f.tick();
        assertThat(club.earnWithCard(card, OrderId.of(UUID.randomUUID()), Money.of("200.50", "CNY"),
                Touchpoint.store("SH-07")).balance()).isEqualTo(500);
        f.tick();
        club.earnFromOrder(f.delivered(li.customerId(), null, "100.00"), Touchpoint.channel("web"));
        ClubMembership found = club.findByCard(card).orElseThrow();
        assertThat(found.id()).isEqualTo(li.id());
        assertThat(found.entries()).extracting(e -> e.where().channel() + "/" + e.where().store())
                .containsExactly("STORE/NJ-01", "STORE/SH-07", "WEB/null");
        assertThat(found.entries()).extracting(e -> e.amount().toString())
                .containsExactly("CNY 300.00", "CNY 200.50", "EUR 100.00");
        assertThat(found.entries()).allSatisfy(e -> assertThat(e.expiresAt()).isEqualTo(
                e.at().atZone(java.time.ZoneOffset.UTC).plusMonths(24).toInstant()));
    }

    @Test
    void anUnknownCardIsRefusedAsAnOutcomeAndNothingIsWritten() {
        member("Li Wei");
        CardNumber unknown = CardNumber.parse("CLUB-NOPE");
        PointsPosting p = club.earnWithCard(unknown, OrderId.of(UUID.randomUUID()), Money.of("10.00", "EUR"),
                Touchpoint.store("NJ-01"));
        assertThat(p.status()).isEqualTo(PointsPosting.Status.UNKNOWN_CARD);
        assertThat(club.redeemAsCash(unknown, Money.of("1.00", "EUR"), "t-1", Touchpoint.unknown()).status())
                .isEqualTo(PointsPosting.Status.UNKNOWN_CARD);
        assertThat(f.storage.<List<ClubMembershipRecord>>inTransaction("acme", s -> s.records(ClubMembershipRecord.KIND)
                .query(RecordQuery.all(), org.crmkit.spi.storage.PageRequest.first(10)).items()))
                .singleElement().satisfies(r -> {
                    assertThat(r.version()).isEqualTo(1);
                    assertThat(r.entries()).isEmpty();
                });
    }

    @Test
    void pointsAreRedeemedAsCashAtTheStatedRateOncePerKey() {
        ClubMembership li = member("Li Wei");
        club.earnWithCard(li.cardNumber(), OrderId.of(UUID.randomUUID()), Money.of("500.00", "CNY"),
                Touchpoint.store("NJ-01"));
        PointsPosting cash = club.redeemAsCash(li.cardNumber(), Money.of("2.50", "CNY"), "till-9", Touchpoint.store("SH-07"));
        assertThat(cash.status()).isEqualTo(PointsPosting.Status.POSTED);
        assertThat(cash.entry().orElseThrow().points()).isEqualTo(-250);
        assertThat(cash.cashValue()).contains(Money.of("2.50", "CNY"));
        assertThat(cash.balance()).isEqualTo(250);
        PointsPosting again = club.redeemAsCash(li.cardNumber(), Money.of("2.50", "CNY"), "till-9",
                Touchpoint.store("SH-07"));
        assertThat(again.status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
        assertThat(again.balance()).isEqualTo(250);
        PointsPosting tooMuch = club.redeemAsCash(li.cardNumber(), Money.of("2.51", "CNY"), "till-10",
                Touchpoint.store("SH-07"));
        assertThat(tooMuch.status()).isEqualTo(PointsPosting.Status.INSUFFICIENT_BALANCE);
        assertThat(club.findByCard(li.cardNumber()).orElseThrow().version()).isEqualTo(3);
        assertThatThrownBy(() -> club.redeemAsCash(li.cardNumber(), Money.of("-1.00", "CNY"), "k", Touchpoint.unknown()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("cash");
    }

    @Test
    void reachingATierIsAnnouncedOnceAndItsMultiplierAndMemberPriceApply() {
        ClubMembership li = member("Li Wei");
        CustomerId id = li.customerId();
        assertThat(club.memberPrice(id, Money.of("100.00", "EUR"))).isEqualTo(Money.of("100.00", "EUR"));
        club.earnFromOrder(f.delivered(id, null, "1000.00"));
        assertThat(club.tierOf(id)).map(Tier::name).contains("GOLD");
        assertThat(f.events(MembershipEvent.TierChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.toTier()).isEqualTo("GOLD"));
        PointsPosting doubled = club.earnFromOrder(f.delivered(id, null, "10.00"));
        assertThat(doubled.entry().orElseThrow().points()).as("GOLD earns ×2").isEqualTo(20);
        assertThat(club.memberPrice(id, Money.of("100.00", "EUR"))).isEqualTo(Money.of("90.00", "EUR"));
        assertThat(club.reviewTier(id)).isEmpty();
        assertThat(f.events(MembershipEvent.TierChanged.class)).hasSize(1);
        assertThat(club.memberPrice(f.customer("Not a member"), Money.of("100.00", "EUR")))
                .isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void pointsExpireAfterTheValidityOldestFirstThroughTheBatch() {
        ClubMembership li = member("Li Wei");
        ClubMembership bo = member("Bo Chen");
        club.earnFromOrder(f.delivered(li.customerId(), null, "100.00"));
        club.earnFromOrder(f.delivered(bo.customerId(), null, "40.00"));
        f.clock.advance(Duration.ofDays(400));
        club.earnFromOrder(f.delivered(li.customerId(), null, "50.00"));
        club.redeem(li.customerId(), 30, "v-1", null);
        assertThat(club.expireAll()).isZero();
        f.clock.advance(Duration.ofDays(340));
        assertThat(club.redeemable(li.customerId())).isEqualTo(50);
        assertThat(club.balance(li.customerId())).isEqualTo(120);
        assertThat(club.expireAll()).isEqualTo(2);
        assertThat(club.balance(li.customerId())).isEqualTo(50);
        assertThat(club.balance(bo.customerId())).isZero();
        assertThat(club.findByCustomer(li.customerId()).orElseThrow().entries())
                .filteredOn(e -> e.kind() == PointsEntryKind.EXPIRE).singleElement()
                .satisfies(e -> assertThat(e.points()).as("100 earned, 30 of them redeemed").isEqualTo(-70));
        assertThat(club.expirePoints(li.customerId())).isEmpty();
        assertThat(club.expirePoints(f.customer("Nobody"))).isEmpty();
    }

    @Test
    void aTierOnRollingSpendFallsWhenTheSpendLeavesTheWindowAndTheBatchAnnouncesIt() {
        TierPolicy spend = TierPolicy.byRollingSpend("EUR", Period.ofMonths(12), List.of(
                Tier.of("MEMBER", "0", TierBenefits.of("0", "STANDARD")),
                Tier.of("GOLD", "500", TierBenefits.of("10", "PRIORITY"))));
        CustomerClub yearly = new CustomerClub(f.tenant, f.storage, f.clock, f.ids, f.published::add,
                LoyaltyProgram.standard().withTiers(spend));
        CustomerId li = yearly.join(f.customer("Li Wei")).customerId();
        yearly.earnFromOrder(f.delivered(li, null, "600.00"));
        assertThat(yearly.tierOf(li)).map(Tier::name).contains("GOLD");
        assertThat(yearly.reviewAllTiers()).isZero();
        f.clock.advance(Duration.ofDays(366));
        assertThat(yearly.tierOf(li)).map(Tier::name).contains("MEMBER");
        assertThat(yearly.reviewAllTiers()).isEqualTo(1);
        assertThat(yearly.reviewAllTiers()).isZero();
        assertThat(yearly.findByCustomer(li).orElseThrow().tierChanges()).extracting(TierChange::to)
                .containsExactly("GOLD", "MEMBER");
    }

    @Test
    void partnerMerchantsEarnAtTheirRateAndRedeemOnlyIfTheyTakePoints() {
        ClubMembership li = member("Li Wei");
        PartnerMerchant cinema = club.registerPartner(PartnerCode.of("cinema-1"), "Star Cinema", 2, true);
        PartnerMerchant cafe = club.registerPartner(PartnerCode.of("CAFE"), "Corner Cafe", 1, false);
        assertThat(cinema.version()).isEqualTo(1);
        assertThat(club.partners()).extracting(p -> p.code().value()).containsExactly("CAFE", "CINEMA-1");
        assertThat(f.events(PartnerEvent.Registered.class)).hasSize(2);

        PointsPosting earned = club.earnAtPartner(li.cardNumber(), cinema.code(), "R-1", Money.of("45.90", "CNY"));
        assertThat(earned.entry().orElseThrow().points()).isEqualTo(90);
        assertThat(earned.entry().orElseThrow().where().partner()).isEqualTo(cinema.code());
        assertThat(club.earnAtPartner(li.cardNumber(), cinema.code(), "R-1", Money.of("45.90", "CNY")).status())
                .isEqualTo(PointsPosting.Status.ALREADY_POSTED);
        assertThat(club.redeemAsCash(li.cardNumber(), Money.of("0.50", "CNY"), "c-1", Touchpoint.partner(cafe.code()))
                .status()).isEqualTo(PointsPosting.Status.PARTNER_DOES_NOT_REDEEM);
        PointsPosting atCinema = club.redeemAsCash(li.cardNumber(), Money.of("0.50", "CNY"), "c-1",
                Touchpoint.partner(cinema.code()));
        assertThat(atCinema.posted()).isTrue();
        assertThat(atCinema.entry().orElseThrow().where().partner()).isEqualTo(cinema.code());

        club.endPartnership(cinema.code());
        assertThatThrownBy(() -> club.endPartnership(cinema.code())).isInstanceOf(IllegalTransitionException.class);
        assertThat(club.earnAtPartner(li.cardNumber(), cinema.code(), "R-2", Money.of("10.00", "CNY")).status())
                .isEqualTo(PointsPosting.Status.UNKNOWN_PARTNER);
        assertThat(club.earnAtPartner(li.cardNumber(), PartnerCode.of("NONE"), "R-2", Money.of("10.00", "CNY"))
                .status()).isEqualTo(PointsPosting.Status.UNKNOWN_PARTNER);
        assertThat(club.balance(li.customerId())).isEqualTo(40);
        assertThat(club.findPartner(cinema.code())).map(PartnerMerchant::status).contains(PartnerStatus.ENDED);
        assertThatThrownBy(() -> club.registerPartner(PartnerCode.of("CINEMA-1"), "Again", 1, true))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("partner");
        assertThatThrownBy(() -> club.registerPartner(PartnerCode.of("X"), " ", 1, true))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> club.registerPartner(PartnerCode.of("X"), "X", -1, true))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("pointsPerUnit");
        assertThatThrownBy(() -> club.endPartnership(PartnerCode.of("NONE")))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("partner");
    }

    @Test
    void memberOnlyOffersAreShownToEligibleActiveMembersOnValidDays() {
        ClubMembership li = member("Li Wei");
        ClubMembership bo = member("Bo Chen");
        club.earnFromOrder(f.delivered(bo.customerId(), null, "1000.00"));
        club.registerPartner(PartnerCode.of("CINEMA-1"), "Star Cinema", 2, true);
        LocalDate may1 = LocalDate.of(2026, 5, 1);
        Offer all = club.publishOffer("Members' evening", null, Set.of(), may1, may1.plusDays(30), null);
        Offer gold = club.publishOffer("Free ticket", "One film", Set.of("gold"), may1, may1.plusDays(6),
                PartnerCode.of("CINEMA-1"));
        Offer later = club.publishOffer("Summer sale", null, Set.of(), may1.plusDays(60), may1.plusDays(90), null);
        assertThat(gold.tiers()).containsExactly("GOLD");
        assertThat(f.events(OfferEvent.Published.class)).hasSize(3);

        assertThat(club.offersFor(li.customerId(), may1.plusDays(3))).extracting(Offer::id).containsExactly(all.id());
        assertThat(club.offersFor(bo.customerId(), may1.plusDays(3))).extracting(Offer::id)
                .containsExactly(gold.id(), all.id());
        assertThat(club.offersFor(bo.customerId(), may1.plusDays(7))).extracting(Offer::id).containsExactly(all.id());
        assertThat(club.offersFor(bo.customerId(), may1.plusDays(60))).extracting(Offer::id)
                .containsExactly(later.id());
        assertThat(club.offersFor(f.customer("Not a member"), may1)).isEmpty();

        club.withdrawOffer(all.id());
        assertThat(club.offersFor(li.customerId(), may1.plusDays(3))).isEmpty();
        assertThatThrownBy(() -> club.withdrawOffer(all.id())).isInstanceOf(IllegalTransitionException.class);
        club.leave(bo.customerId());
        assertThat(club.offersFor(bo.customerId(), may1.plusDays(3))).as("member-only").isEmpty();
    }

    @Test
    void badOffersAreRefusedNamingTheFieldAndNothingIsStored() {
        LocalDate d = LocalDate.of(2026, 5, 1);
        assertThatThrownBy(() -> club.publishOffer("X", null, Set.of("PLATINUM"), d, d, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("tiers");
        assertThatThrownBy(() -> club.publishOffer("X", null, Set.of(), d, d.minusDays(1), null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("validTo");
        assertThatThrownBy(() -> club.publishOffer(" ", null, Set.of(), d, d, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> club.publishOffer("X", null, Set.of(), d, d, PartnerCode.of("NONE")))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("partner");
        assertThatThrownBy(() -> club.withdrawOffer(OfferId.of(UUID.randomUUID())))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("offerId");
        assertThat(f.storage.<Long>inTransaction("acme", s -> s.records(OfferRecord.KIND).count(RecordQuery.all())))
                .isZero();
    }

    @Test
    void partnersAndOffersSurviveARoundTripThroughTheirRecords() {
        PartnerMerchant p = PartnerMerchant.register(PartnerId.of(UUID.randomUUID()), f.tenant,
                PartnerCode.of("CAFE"), "Corner Cafe", 3, false, f.clock.instant());
        PartnerMerchant back = PartnerMerchant.restore(p.toRecord());
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.toRecord()).usingRecursiveComparison().ignoringFields("version").isEqualTo(p.toRecord());
        Offer o = Offer.publish(OfferId.of(UUID.randomUUID()), f.tenant, "T", "D", Set.of("SILVER", "GOLD"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), PartnerCode.of("CAFE"), f.clock.instant());
        assertThat(Offer.restore(o.toRecord()).toRecord()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(o.toRecord());
        assertThat(o.toRecord().tiers()).containsExactly("GOLD", "SILVER");
    }
}
