package org.crmkit.core.sales.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.sales.quote.QuoteFixtures.ACME;
import static org.crmkit.core.sales.quote.QuoteFixtures.ALICE;
import static org.crmkit.core.sales.quote.QuoteFixtures.GLOBEX_SECRET;
import static org.crmkit.core.sales.quote.QuoteFixtures.MANAGER;
import static org.crmkit.core.sales.quote.QuoteFixtures.NOW;
import static org.crmkit.core.sales.quote.QuoteFixtures.PENNY;
import static org.crmkit.core.sales.quote.QuoteFixtures.RACK;
import static org.crmkit.core.sales.quote.QuoteFixtures.RETIRED;
import static org.crmkit.core.sales.quote.QuoteFixtures.TODAY;
import static org.crmkit.core.sales.quote.QuoteFixtures.USD_GADGET;
import static org.crmkit.core.sales.quote.QuoteFixtures.WIDGET;
import static org.crmkit.core.sales.quote.QuoteFixtures.YEN_TEA;
import static org.crmkit.core.sales.quote.QuoteFixtures.dec;
import static org.crmkit.core.sales.quote.QuoteFixtures.draft;
import static org.crmkit.core.sales.quote.QuoteFixtures.draftFor;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.crmkit.core.sales.QuoteId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.QuoteRecord;
import org.junit.jupiter.api.Test;

class QuoteTest {
    private final TestClock clock = TestClock.at(NOW);
    private final InMemoryProductCatalog catalog = QuoteFixtures.catalog();

    private Quote newQuote(DraftQuote command) {
        return Quote.draft(QuoteId.of(UUID.randomUUID()), ACME, command, DiscountPolicy.defaults(), clock);
    }

    private QuoteLine add(Quote q, ProductRecord product, AddQuoteLine line) {
        return q.addLine(product, catalog.priceLists("acme"), catalog.staffRoles("acme", q.preparedBy().value()),
                line, clock);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    // ------------------------------------------------------------ exact arithmetic

    @Test
    void computesALineExactlyAndRoundsItOnceHalfUp() {
        Quote q = newQuote(draft());
        // 19.99 × 3 = 59.97; × (100 − 12.5) / 100 = 52.47375 → net 52.47
        // tax 19%: 52.47 × 0.19 = 9.9693 → 9.97; gross 52.47 + 9.97 = 62.44
        QuoteLine line = add(q, WIDGET, AddQuoteLine.of("p-widget", "3").withDiscount("12.5"));
        assertThat(line.unitPrice()).isEqualTo(eur("19.99"));
        assertThat(line.net()).isEqualTo(eur("52.47"));
        assertThat(line.tax()).isEqualTo(eur("9.97"));
        assertThat(line.gross()).isEqualTo(eur("62.44"));
        assertThat(q.netTotal()).isEqualTo(eur("52.47"));
        assertThat(q.grossTotal()).isEqualTo(eur("62.44"));
    }

    @Test
    void totalsAreExactSumsOfTheRoundedLinesNotARoundedSum() {
        Quote q = newQuote(draft());
        // each line: 0.05 × 2.5 = 0.125 → net 0.13; tax 0.13 × 0.19 = 0.0247 → 0.02; gross 0.15
        add(q, PENNY, AddQuoteLine.of("p-penny", "2.5"));
        add(q, PENNY, AddQuoteLine.of("p-penny", "2.5"));
        // totals: net 0.13 + 0.13 = 0.26 (rounding the exact 0.25 would give 0.25);
        // tax 0.02 + 0.02 = 0.04; gross 0.15 + 0.15 = 0.30
        assertThat(q.netTotal()).isEqualTo(eur("0.26"));
        assertThat(q.taxTotal()).isEqualTo(eur("0.04"));
        assertThat(q.grossTotal()).isEqualTo(eur("0.30"));
        assertThat(q.grossTotal()).isEqualTo(q.netTotal().plus(q.taxTotal()));
    }

    @Test
    void roundsAnExactHalfCentUpNotToEven() {
        Quote q = newQuote(draft());
        // 0.05 × 0.5 = 0.025 → 0.03 half up (half even would give 0.02)
        assertThat(add(q, PENNY, AddQuoteLine.of("p-penny", "0.5")).net()).isEqualTo(eur("0.03"));
    }

    @Test
    void chosenOptionsAddTheirPriceDeltasToTheUnitPrice() {
        Quote q = newQuote(draft());
        // unit 19.99 + 1.50 + 5.00 = 26.49; × 2 = 52.98 net; own tax rate 7%: 3.7086 → 3.71; gross 56.69
        QuoteLine line = add(q, WIDGET, AddQuoteLine.of("p-widget", "2").withOptions("red", "xl").withTaxRate("7"));
        assertThat(line.unitPrice()).isEqualTo(eur("26.49"));
        assertThat(line.net()).isEqualTo(eur("52.98"));
        assertThat(line.tax()).isEqualTo(eur("3.71"));
        assertThat(line.gross()).isEqualTo(eur("56.69"));
        assertThat(line.optionCodes()).containsExactly("red", "xl");
        assertThat(line.components()).containsExactly(new QuoteComponent("p-bolt", dec("4")));
        assertThat(line.components().get(0).quantityFor(line.quantity())).isEqualByComparingTo("8");
    }

    @Test
    void roundsToTheCurrencysMinorUnitWhichForYenIsWholeYen() {
        Quote q = newQuote(draftFor("JPY", null, null));
        // 333 × 1 × 0.9 = 299.7 → ¥300; tax 8%: 300 × 0.08 = 24 → ¥24; gross ¥324
        QuoteLine line = add(q, YEN_TEA, AddQuoteLine.of("p-tea", "1").withDiscount("10").withTaxRate("8"));
        assertThat(line.net()).isEqualTo(Money.of("300", "JPY"));
        assertThat(line.tax()).isEqualTo(Money.of("24", "JPY"));
        assertThat(q.grossTotal()).isEqualTo(Money.of("324", "JPY"));
    }

    // ------------------------------------------------------------ price lists

    @Test
    void usesThePriceListOfTheCustomersGradeWhenThePreparerMaySeeIt() {
        Quote q = newQuote(draftFor("EUR", "A", null));
        QuoteLine line = add(q, RACK, AddQuoteLine.of("p-rack", "1"));
        assertThat(line.basePrice()).isEqualTo(eur("900.00"));
        assertThat(line.priceListId()).isEqualTo("pl-gold");
    }

    @Test
    void fallsBackToTheListPriceWhenThePreparerMayNotSeeTheApplicablePriceList() {
        Quote q = newQuote(new DraftQuote(CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID()), null,
                "EUR", TODAY.plusDays(30), StaffId.of("bob"), "A", null, dec("19")));
        QuoteLine line = add(q, RACK, AddQuoteLine.of("p-rack", "1"));
        // the gold list is for key accounts, and the USD gold list is in another currency
        assertThat(line.basePrice()).isEqualTo(eur("1000.00"));
        assertThat(line.priceListId()).isNull();
    }

    @Test
    void takesTheLowestPriceAmongTheApplicableVisiblePriceLists() {
        Quote q = newQuote(draftFor("EUR", "A", "retail"));
        assertThat(add(q, RACK, AddQuoteLine.of("p-rack", "1")).priceListId()).isEqualTo("pl-gold");
        Quote retail = newQuote(draftFor("EUR", null, "retail"));
        assertThat(add(retail, RACK, AddQuoteLine.of("p-rack", "1")).basePrice()).isEqualTo(eur("950.00"));
    }

    @Test
    void aPriceListInTheQuotesCurrencyMakesAForeignListPricedProductQuotable() {
        Quote q = newQuote(draftFor("EUR", null, "eu"));
        assertThat(add(q, USD_GADGET, AddQuoteLine.of("p-usd", "1")).basePrice()).isEqualTo(eur("11.00"));
    }

    // ------------------------------------------------------------ bad input: refused, nothing changed

    @Test
    void refusesAcceptingAnExpiredQuote() {
        Quote q = sentQuote();
        clock.advance(Duration.ofDays(31)); // valid until TODAY + 30
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.accept(clock))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("accept on 2026-04-02: the quote expired after 2026-04-01"));
        assertThat(q.status()).isEqualTo(QuoteStatus.SENT);
    }

    @Test
    void acceptsOnTheLastDayOfValidity() {
        Quote q = sentQuote();
        clock.advance(Duration.ofDays(30));
        q.accept(clock);
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
    }

    @Test
    void refusesSendingADiscountAboveTheThresholdWithoutApproval() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1").withDiscount("10"));
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1").withDiscount("10.01"));
        assertThat(q.approvalRequired()).isTrue();
        assertThat(q.linesNeedingApproval()).containsExactly(2);
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.send(clock))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("discount of 10.01% above the approval threshold of 10% without approval"));
    }

    @Test
    void aDiscountAtTheThresholdNeedsNoApproval() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1").withDiscount("10"));
        assertThat(q.approvalRequired()).isFalse();
        q.send(clock);
        assertThat(q.status()).isEqualTo(QuoteStatus.SENT);
    }

    @Test
    void aDiscountAboveTheThresholdCanBeSentOnceApproved() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1").withDiscount("25"));
        q.requestApproval(clock);
        q.approveDiscount(MANAGER, clock);
        q.send(clock);
        q.accept(clock);
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(q.approvedBy()).contains(MANAGER);
    }

    @Test
    void refusesMixingCurrenciesInOneQuote() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1"));
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> add(x, USD_GADGET, AddQuoteLine.of("p-usd", "1")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("currency"))
                .hasMessageContaining("must be the quote's currency EUR"));
    }

    @Test
    void refusesANegativeQuantity() {
        assertThatThrownBy(() -> AddQuoteLine.of("p-widget", "-1"))
                .isInstanceOf(ValidationException.class).hasMessage("quantity: must be positive (was '-1')");
        Quote q = newQuote(draft());
        QuoteLine line = add(q, WIDGET, AddQuoteLine.of("p-widget", "1"));
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.changeQuantity(line.lineNo(), dec("-2"), clock))
                .isInstanceOf(ValidationException.class).hasMessage("quantity: must be positive (was '-2')"));
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.changeQuantity(line.lineNo(), dec("0"), clock))
                .isInstanceOf(ValidationException.class));
    }

    @Test
    void refusesAForeignTenantsProduct() {
        Quote q = newQuote(draft());
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> add(x, GLOBEX_SECRET, AddQuoteLine.of("p-secret", "1")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("productId: must name a product of tenant 'acme' (was 'p-secret')"));
    }

    @Test
    void refusesAnInactiveProductAnUnknownOptionAndADiscountAboveAHundredPercent() {
        Quote q = newQuote(draft());
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> add(x, RETIRED, AddQuoteLine.of("p-retired", "1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("active"));
        assertUnchangedAfter(q, x -> assertThatThrownBy(
                () -> add(x, WIDGET, AddQuoteLine.of("p-widget", "1").withOptions("gold-plated")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("optionCodes"));
        assertThatThrownBy(() -> AddQuoteLine.of("p-widget", "1").withDiscount("100.5"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("discountPercent");
    }

    @Test
    void refusesAValidityInThePast() {
        DraftQuote past = new DraftQuote(CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID()), null,
                "EUR", TODAY.minusDays(1), ALICE, null, null, dec("19"));
        assertThatThrownBy(() -> newQuote(past)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("validUntil");
    }

    @Test
    void refusesSendingAnEmptyQuote() {
        Quote q = newQuote(draft());
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.send(clock)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("lines"));
    }

    @Test
    void thePreparerMayNotApproveTheirOwnDiscount() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1").withDiscount("30"));
        q.requestApproval(clock);
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.approveDiscount(ALICE, clock))
                .isInstanceOf(ValidationException.class).hasMessageContaining("approver"));
    }

    // ------------------------------------------------------------ states

    @Test
    void anAcceptedQuoteIsFrozenAndRefusesEveryChange() {
        Quote q = sentQuote();
        q.accept(clock);
        assertThat(q.isFrozen()).isTrue();
        List<Consumer<Quote>> verbs = List.of(
                x -> add(x, WIDGET, AddQuoteLine.of("p-widget", "1")),
                x -> x.removeLine(1, clock),
                x -> x.changeQuantity(1, dec("2"), clock),
                x -> x.setDiscount(1, dec("5"), clock),
                x -> x.requestApproval(clock),
                x -> x.approveDiscount(MANAGER, clock),
                x -> x.declineDiscount(MANAGER, "no", clock),
                x -> x.send(clock),
                x -> x.accept(clock),
                x -> x.reject("late", clock),
                x -> x.expire(clock),
                x -> x.revise(QuoteId.of(UUID.randomUUID()), ALICE, TODAY.plusDays(5), DiscountPolicy.defaults(),
                        clock));
        clock.advance(Duration.ofDays(40));
        for (Consumer<Quote> verb : verbs) {
            assertUnchangedAfter(q, x -> assertThatThrownBy(() -> verb.accept(x))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("in state ACCEPTED"));
        }
    }

    @Test
    void editingAnApprovedQuoteDropsTheApproval() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1").withDiscount("30"));
        q.requestApproval(clock);
        q.approveDiscount(MANAGER, clock);
        q.setDiscount(1, dec("40"), clock);
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(q.approvedBy()).isEmpty();
        assertThatThrownBy(() -> q.send(clock)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aPendingApprovalFreezesTheLinesUntilDecided() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1").withDiscount("30"));
        q.requestApproval(clock);
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.setDiscount(1, dec("5"), clock))
                .isInstanceOf(IllegalTransitionException.class));
        q.declineDiscount(MANAGER, "too generous", clock);
        q.setDiscount(1, dec("5"), clock);
        q.send(clock);
        assertThat(q.status()).isEqualTo(QuoteStatus.SENT);
    }

    @Test
    void expiresOnlyAfterTheValidityEnds() {
        Quote q = sentQuote();
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.expire(clock))
                .isInstanceOf(IllegalTransitionException.class));
        clock.advance(Duration.ofDays(31));
        q.expire(clock);
        assertThat(q.status()).isEqualTo(QuoteStatus.EXPIRED);
    }

    @Test
    void revisingMakesANewDraftAndKeepsTheOldQuoteAsSuperseded() {
        Quote q = sentQuote();
        q.reject("too expensive", clock);
        QuoteRecord before = q.toRecord();
        QuoteId newId = QuoteId.of(UUID.randomUUID());
        Quote next = q.revise(newId, ALICE, TODAY.plusDays(10), DiscountPolicy.threshold("20"), clock);
        assertThat(q.status()).isEqualTo(QuoteStatus.SUPERSEDED);
        assertThat(q.supersededBy()).contains(newId);
        assertThat(q.lines()).isEqualTo(next.lines());
        assertThat(q.toRecord().rejectionReason()).isEqualTo(before.rejectionReason());
        assertThat(next.id()).isEqualTo(newId);
        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.revisionOf()).contains(q.id());
        assertThat(next.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(next.approvalThresholdPercent()).isEqualByComparingTo("20");
        assertThat(next.grossTotal()).isEqualTo(q.grossTotal());
        assertThat(next.recordedEvents()).singleElement().isInstanceOf(QuoteEvent.Revised.class);
        assertUnchangedAfter(q, x -> assertThatThrownBy(() -> x.revise(QuoteId.of(UUID.randomUUID()), ALICE,
                TODAY.plusDays(10), DiscountPolicy.defaults(), clock)).isInstanceOf(IllegalTransitionException.class));
    }

    @Test
    void theStateTableAllowsNoMoveOutOfAcceptedOrSuperseded() {
        for (QuoteStatus next : QuoteStatus.values()) {
            assertThat(QuoteStatus.ACCEPTED.canTransitionTo(next)).isFalse();
            assertThat(QuoteStatus.SUPERSEDED.canTransitionTo(next)).isFalse();
            assertThat(next.canTransitionTo(next)).as(next + " to itself").isFalse();
            assertThat(next.canTransitionTo(QuoteStatus.ACCEPTED)).isEqualTo(next == QuoteStatus.SENT);
        }
    }

    // ------------------------------------------------------------ storage

    @Test
    void restoresWhatItWritesAtTheNextVersion() {
        Quote q = newQuote(draftFor("EUR", "A", "retail"));
        add(q, RACK, AddQuoteLine.of("p-rack", "2").withDiscount("30"));
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1.25").withOptions("red").withTaxRate("7"));
        q.removeLine(1, clock);
        add(q, RACK, AddQuoteLine.of("p-rack", "1").withDiscount("30"));
        q.requestApproval(clock);
        q.approveDiscount(MANAGER, clock);
        q.send(clock);
        QuoteRecord record = q.toRecord();
        assertThat(record.version()).isEqualTo(1);
        Quote restored = Quote.restore(record);
        assertThat(restored.toRecord()).isEqualTo(new QuoteRecord(record.id(), record.tenant(), 2,
                record.customerId(), record.opportunityId(), record.campaignId(), record.currency(), record.status(),
                record.revision(), record.revisionOf(), record.supersededBy(), record.validUntil(),
                record.preparedBy(), record.customerGrade(), record.customerSegment(), record.taxRatePercent(),
                record.approvalThresholdPercent(), record.approvedBy(), record.approvedAt(), record.createdAt(),
                record.sentAt(), record.acceptedAt(), record.rejectedAt(), record.rejectionReason(),
                record.nextLineNo(), record.lines(), record.netTotal(), record.taxTotal(), record.grossTotal()));
        assertThat(restored.recordedEvents()).isEmpty();
        assertThat(record.nextLineNo()).isEqualTo(4);
    }

    @Test
    void refusesToRestoreARecordWhoseTotalsDoNotAddUp() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "1"));
        QuoteRecord r = q.toRecord();
        QuoteRecord wrong = new QuoteRecord(r.id(), r.tenant(), 1, r.customerId(), r.opportunityId(), r.campaignId(),
                r.currency(), r.status(), r.revision(), r.revisionOf(), r.supersededBy(), r.validUntil(),
                r.preparedBy(), r.customerGrade(), r.customerSegment(), r.taxRatePercent(),
                r.approvalThresholdPercent(), r.approvedBy(), r.approvedAt(), r.createdAt(), r.sentAt(),
                r.acceptedAt(), r.rejectedAt(), r.rejectionReason(), r.nextLineNo(), r.lines(),
                QuoteFixtures.eur("1.00"), r.taxTotal(), r.grossTotal());
        assertThatThrownBy(() -> Quote.restore(wrong)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("netTotal");
    }

    @Test
    void refusesToRestoreAnAcceptedQuoteWithoutItsAcceptanceTime() {
        Quote q = sentQuote();
        QuoteRecord r = q.toRecord();
        QuoteRecord wrong = new QuoteRecord(r.id(), r.tenant(), 1, r.customerId(), r.opportunityId(), r.campaignId(),
                r.currency(), "ACCEPTED", r.revision(), r.revisionOf(), r.supersededBy(), r.validUntil(),
                r.preparedBy(), r.customerGrade(), r.customerSegment(), r.taxRatePercent(),
                r.approvalThresholdPercent(), r.approvedBy(), r.approvedAt(), r.createdAt(), r.sentAt(),
                null, r.rejectedAt(), r.rejectionReason(), r.nextLineNo(), r.lines(), r.netTotal(), r.taxTotal(),
                r.grossTotal());
        assertThatThrownBy(() -> Quote.restore(wrong)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("acceptedAt");
    }

    // ------------------------------------------------------------ helpers

    private Quote sentQuote() {
        Quote q = newQuote(draft());
        add(q, WIDGET, AddQuoteLine.of("p-widget", "3").withDiscount("5"));
        q.send(clock);
        assertThat(q.validUntil()).isEqualTo(LocalDate.of(2026, 4, 1));
        return q;
    }

    /** Runs a refused verb and checks that the quote, its events included, is exactly as before. */
    private static void assertUnchangedAfter(Quote q, Consumer<Quote> refusal) {
        QuoteRecord before = q.toRecord();
        int events = q.recordedEvents().size();
        refusal.accept(q);
        assertThat(q.toRecord()).isEqualTo(before);
        assertThat(q.recordedEvents()).hasSize(events);
    }

}
