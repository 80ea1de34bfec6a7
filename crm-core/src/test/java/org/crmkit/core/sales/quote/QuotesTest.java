package org.crmkit.core.sales.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.sales.quote.QuoteFixtures.ACME;
import static org.crmkit.core.sales.quote.QuoteFixtures.ALICE;
import static org.crmkit.core.sales.quote.QuoteFixtures.MANAGER;
import static org.crmkit.core.sales.quote.QuoteFixtures.NOW;
import static org.crmkit.core.sales.quote.QuoteFixtures.TODAY;
import static org.crmkit.core.sales.quote.QuoteFixtures.dec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.QuoteId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.QuoteRecord;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.junit.jupiter.api.Test;

class QuotesTest {
    private final TestClock clock = TestClock.at(NOW);
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final List<DomainEvent> published = new ArrayList<>();
    private final Quotes quotes = new Quotes(ACME, storage, clock, IdGenerator.timeOrdered(clock), published::add,
            QuoteFixtures.catalog(), DiscountPolicy.defaults());

    private final QuoteFixtures.Deals deals = new QuoteFixtures.Deals(ACME, storage, clock);

    private QuoteRecord stored(QuoteId id) {
        return storage.inTransaction("acme", s -> s.records(QuoteRecord.KIND).find(id.value()).orElseThrow());
    }

    /** Every quote record of acme, in id order. */
    private List<QuoteRecord> allStored() {
        return storage.inTransaction("acme", s -> s.records(QuoteRecord.KIND).query(RecordQuery.all(),
                PageRequest.first(PageRequest.MAX_SIZE))).items();
    }

    private long count(String tenant, RecordQuery query) {
        return storage.inTransaction(tenant, s -> s.records(QuoteRecord.KIND).count(query));
    }

    /** A draft in euros for a new open opportunity of a new customer. */
    private DraftQuote draft() {
        return draftFor("EUR", null, null);
    }

    /** A draft for a new open opportunity of a new customer. */
    private DraftQuote draftFor(String currency, String grade, String segment) {
        Opportunity o = deals.open();
        return QuoteFixtures.draftFor(o.customerId(), o.id(), currency, grade, segment);
    }

    /** {@code d} naming {@code campaign}. */
    private static DraftQuote withCampaign(DraftQuote d, CampaignId campaign) {
        return new DraftQuote(d.customerId(), d.opportunityId(), campaign, d.currency(), d.validUntil(),
                d.preparedBy(), d.customerGrade(), d.customerSegment(), d.taxRatePercent());
    }

    /** Asserts that a refused draft stored and published nothing. */
    private void assertNothingStoredOrPublished(List<QuoteRecord> before, int events) {
        assertThat(allStored()).isEqualTo(before);
        assertThat(published).hasSize(events);
    }

    // ------------------------------------------------------------ the quote's opportunity

    @Test
    void refusesDraftingForAnUnknownOpportunityAndStoresNothing() {
        Opportunity real = deals.open();
        OpportunityId unknown = OpportunityId.of(UUID.randomUUID());
        assertThatThrownBy(() -> quotes.draft(QuoteFixtures.draftFor(real.customerId(), unknown, "EUR", null, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("opportunityId: must name an opportunity of tenant 'acme' (was '" + unknown + "')")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("opportunityId"));
        assertNothingStoredOrPublished(List.of(), 0);
    }

    @Test
    void refusesAnotherTenantsOpportunityAsIfItDidNotExist() {
        Opportunity acmes = deals.open();
        Quotes globex = new Quotes(TenantId.of("globex"), storage, clock, IdGenerator.timeOrdered(clock),
                published::add, QuoteFixtures.catalog(), DiscountPolicy.defaults());
        assertThatThrownBy(() -> globex.draft(QuoteFixtures.draftFor(acmes)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("opportunityId: must name an opportunity of tenant 'globex'");
        assertThat(count("globex", RecordQuery.all())).isZero();
        assertNothingStoredOrPublished(List.of(), 0);
    }

    @Test
    void refusesDraftingForAWonOpportunityAndStoresNothing() {
        Opportunity won = deals.win(deals.open());
        Quote earlier = quotes.draft(draft());
        List<QuoteRecord> before = allStored();
        int events = published.size();
        assertThatThrownBy(() -> quotes.draft(QuoteFixtures.draftFor(won)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("opportunity " + won.id() + " in state WON cannot move: take a new quote"
                        + " (only an OPEN opportunity is quoted)")
                .satisfies(e -> assertThat(((IllegalTransitionException) e).state()).isEqualTo("WON"));
        assertNothingStoredOrPublished(before, events);
        assertThat(before).extracting(QuoteRecord::id).containsExactly(earlier.id().value());
    }

    @Test
    void refusesDraftingForALostOpportunityAndStoresNothing() {
        Opportunity lost = deals.lose(deals.open());
        assertThatThrownBy(() -> quotes.draft(QuoteFixtures.draftFor(lost)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("opportunity " + lost.id() + " in state LOST");
        assertThat(quotes.forOpportunity(lost.id())).isEmpty();
        assertNothingStoredOrPublished(List.of(), 0);
    }

    @Test
    void refusesDraftingForAnotherCustomersOpportunityAndStoresNothing() {
        Opportunity bobs = deals.open();
        var alice = deals.customer();
        assertThatThrownBy(() -> quotes.draft(QuoteFixtures.draftFor(alice, bobs.id(), "EUR", null, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("customerId: must be the customer of opportunity " + bobs.id() + " (was '" + alice + "')");
        assertThat(quotes.forCustomer(alice)).isEmpty();
        assertNothingStoredOrPublished(List.of(), 0);
    }

    @Test
    void refusesACampaignOtherThanTheOpportunitysAndStoresNothing() {
        CampaignId spring = CampaignId.of(UUID.randomUUID());
        CampaignId autumn = CampaignId.of(UUID.randomUUID());
        Opportunity o = deals.open(deals.customer(), spring);
        assertThatThrownBy(() -> quotes.draft(withCampaign(QuoteFixtures.draftFor(o), autumn)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("campaignId: must be the campaign of opportunity " + o.id() + " (" + spring
                        + ") or absent (was '" + autumn + "')");
        assertNothingStoredOrPublished(List.of(), 0);
    }

    @Test
    void aDraftWithoutCampaignTakesTheOpportunitysSoTheCampaignFunnelFindsIt() {
        CampaignId spring = CampaignId.of(UUID.randomUUID());
        Opportunity o = deals.open(deals.customer(), spring);
        Quote q = quotes.draft(QuoteFixtures.draftFor(o));
        assertThat(q.campaignId()).contains(spring);
        assertThat(stored(q.id()).campaignId()).isEqualTo(spring.value());
        assertThat(count("acme", RecordQuery.all().where("campaignId", spring.toString()))).isEqualTo(1L);
        // naming the opportunity's own campaign is the same
        assertThat(quotes.draft(withCampaign(QuoteFixtures.draftFor(o), spring)).campaignId()).contains(spring);
        // and a revision keeps it
        assertThat(quotes.revise(q.id(), ALICE, TODAY.plusDays(7)).revision().campaignId()).contains(spring);
    }

    @Test
    void aDraftForAnOpportunityWithoutCampaignKeepsTheCampaignItNames() {
        Opportunity o = deals.open();
        assertThat(quotes.draft(QuoteFixtures.draftFor(o)).campaignId()).isEmpty();
        CampaignId named = CampaignId.of(UUID.randomUUID());
        assertThat(quotes.draft(withCampaign(QuoteFixtures.draftFor(o), named)).campaignId()).contains(named);
    }

    @Test
    void refusesRevisingAQuoteOnceItsOpportunityIsClosedAndStoresNothing() {
        Opportunity lostDeal = deals.open();
        Quote rejected = quotes.draft(QuoteFixtures.draftFor(lostDeal));
        quotes.addLine(rejected.id(), AddQuoteLine.of("p-widget", "1"));
        quotes.send(rejected.id());
        quotes.reject(rejected.id(), "too expensive");
        deals.lose(lostDeal);
        Opportunity wonDeal = deals.open();
        Quote sent = quotes.draft(QuoteFixtures.draftFor(wonDeal));
        quotes.addLine(sent.id(), AddQuoteLine.of("p-widget", "1"));
        quotes.send(sent.id());
        deals.win(wonDeal);
        List<QuoteRecord> before = allStored();
        int events = published.size();
        assertThatThrownBy(() -> quotes.revise(rejected.id(), ALICE, TODAY.plusDays(7)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("in state LOST");
        assertThatThrownBy(() -> quotes.revise(sent.id(), ALICE, TODAY.plusDays(7)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("in state WON");
        assertNothingStoredOrPublished(before, events);
        assertThat(quotes.revisionsOf(rejected.id())).isEmpty();
        assertThat(quotes.get(rejected.id()).status()).isEqualTo(QuoteStatus.REJECTED);
    }

    // ------------------------------------------------------------ the quote's own life

    @Test
    void takesAQuoteFromDraftToAcceptedThroughApprovalStoringEachStep() {
        Quote q = quotes.draft(draftFor("EUR", "A", null));
        assertThat(q.version()).isEqualTo(1);
        q = quotes.addLine(q.id(), AddQuoteLine.of("p-rack", "2"));
        // gold list 900.00 × 2 = 1800.00; 19% tax 342.00; gross 2142.00
        assertThat(q.grossTotal()).isEqualTo(Money.of("2142.00", "EUR"));
        q = quotes.setDiscount(q.id(), 1, dec("15"));
        // 1800.00 × 0.85 = 1530.00; tax 290.70; gross 1820.70
        assertThat(q.approvalRequired()).isTrue();
        assertThat(q.grossTotal()).isEqualTo(Money.of("1820.70", "EUR"));
        q = quotes.requestApproval(q.id());
        q = quotes.approve(q.id(), MANAGER);
        q = quotes.send(q.id());
        q = quotes.accept(q.id());
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(q.version()).isEqualTo(7);
        assertThat(stored(q.id()).version()).isEqualTo(7);
        assertThat(stored(q.id()).status()).isEqualTo("ACCEPTED");
        assertThat(stored(q.id()).grossTotal().amount()).isEqualByComparingTo("1820.70");
        assertThat(published).last().isInstanceOf(QuoteEvent.Accepted.class);
        assertThat(published).hasSize(7);
    }

    @Test
    void aRefusedStepStoresNothingAndPublishesNothing() {
        Quote q = quotes.draft(draft());
        quotes.addLine(q.id(), AddQuoteLine.of("p-widget", "1").withDiscount("50"));
        QuoteRecord before = stored(q.id());
        int events = published.size();
        assertThatThrownBy(() -> quotes.send(q.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("without approval");
        assertThatThrownBy(() -> quotes.addLine(q.id(), AddQuoteLine.of("p-usd", "1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("currency");
        assertThat(stored(q.id())).isEqualTo(before);
        assertThat(published).hasSize(events);
    }

    @Test
    void refusesAForeignTenantsProductAsIfItDidNotExist() {
        Quote q = quotes.draft(draft());
        assertThatThrownBy(() -> quotes.addLine(q.id(), AddQuoteLine.of("p-secret", "1")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("productId: must name a product of tenant 'acme' (was 'p-secret')");
        // globex has a p-widget for 0.01; acme's own widget (19.99) is the one quoted
        assertThat(quotes.addLine(q.id(), AddQuoteLine.of("p-widget", "1")).lines().get(0).basePrice())
                .isEqualTo(Money.of("19.99", "EUR"));
    }

    @Test
    void refusesAcceptingAnExpiredQuoteAndCanThenExpireIt() {
        Quote q = quotes.draft(draft());
        quotes.addLine(q.id(), AddQuoteLine.of("p-widget", "1"));
        quotes.send(q.id());
        clock.advance(Duration.ofDays(31));
        QuoteRecord before = stored(q.id());
        assertThatThrownBy(() -> quotes.accept(q.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("expired");
        assertThat(stored(q.id())).isEqualTo(before);
        assertThat(quotes.expire(q.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
    }

    @Test
    void revisingStoresTheSupersededQuoteAndItsRevisionTogether() {
        Quote q = quotes.draft(draft());
        quotes.addLine(q.id(), AddQuoteLine.of("p-widget", "4"));
        quotes.send(q.id());
        quotes.reject(q.id(), "too expensive");
        Revision r = quotes.revise(q.id(), ALICE, TODAY.plusDays(14));
        assertThat(r.superseded().status()).isEqualTo(QuoteStatus.SUPERSEDED);
        assertThat(quotes.get(q.id()).status()).isEqualTo(QuoteStatus.SUPERSEDED);
        assertThat(quotes.get(q.id()).rejectionReason()).contains("too expensive");
        Quote next = quotes.get(r.revision().id());
        assertThat(next.revisionOf()).contains(q.id());
        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.version()).isEqualTo(1);
        assertThat(quotes.revisionsOf(q.id())).extracting(Quote::id).containsExactly(next.id());
        assertThat(quotes.forOpportunity(q.opportunityId())).extracting(Quote::id)
                .containsExactlyInAnyOrder(q.id(), next.id());
        assertThat(quotes.withStatus(QuoteStatus.DRAFT)).extracting(Quote::id).containsExactly(next.id());
        quotes.setDiscount(next.id(), 1, dec("8"));
        assertThat(quotes.send(next.id()).status()).isEqualTo(QuoteStatus.SENT);
    }

    @Test
    void aFailedRevisionLeavesBothQuotesAsTheyWere() {
        Quote q = quotes.draft(draft());
        quotes.addLine(q.id(), AddQuoteLine.of("p-widget", "1"));
        QuoteRecord before = stored(q.id());
        assertThatThrownBy(() -> quotes.revise(q.id(), ALICE, TODAY.minusDays(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("validUntil");
        assertThat(stored(q.id())).isEqualTo(before);
        assertThat(quotes.revisionsOf(q.id())).isEmpty();
    }

    @Test
    void twoRevisionsOfOneQuoteCannotBothWin() {
        Quote q = quotes.draft(draft());
        quotes.revise(q.id(), ALICE, TODAY.plusDays(3));
        assertThatThrownBy(() -> quotes.revise(q.id(), ALICE, TODAY.plusDays(3)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("SUPERSEDED");
        assertThat(quotes.revisionsOf(q.id())).hasSize(1);
    }

    @Test
    void anotherTenantsQuoteIsNotFound() {
        Quote q = quotes.draft(draft());
        Quotes globex = new Quotes(TenantId.of("globex"), storage, clock, IdGenerator.timeOrdered(clock),
                published::add, QuoteFixtures.catalog(), DiscountPolicy.defaults());
        assertThat(globex.find(q.id())).isEmpty();
        assertThatThrownBy(() -> globex.send(q.id())).isInstanceOf(NoSuchQuoteException.class)
                .hasMessageContaining("quoteId");
        assertThatThrownBy(() -> quotes.get(QuoteId.of(UUID.randomUUID()))).isInstanceOf(NoSuchQuoteException.class);
    }

    @Test
    void aConcurrentChangeIsRefusedAsStale() {
        Quote q = quotes.draft(draft());
        QuoteRecord v1 = stored(q.id());
        quotes.addLine(q.id(), AddQuoteLine.of("p-widget", "1"));
        Quote stale = Quote.restore(v1);
        stale.addLine(QuoteFixtures.WIDGET, List.of(), List.of(), AddQuoteLine.of("p-widget", "2"), clock);
        assertThatThrownBy(() -> storage.useTransaction("acme",
                s -> s.records(QuoteRecord.KIND).update(stale.toRecord()))).isInstanceOf(StaleWriteException.class);
    }

    @Test
    void expiresEveryOpenQuoteWhoseValidityEndedAndNothingElse() {
        Quote sent = quotes.draft(draft());
        quotes.addLine(sent.id(), AddQuoteLine.of("p-widget", "1"));
        quotes.send(sent.id());
        Quote accepted = quotes.draft(draft());
        quotes.addLine(accepted.id(), AddQuoteLine.of("p-widget", "1"));
        quotes.send(accepted.id());
        quotes.accept(accepted.id());
        Quote drafted = quotes.draft(draft());
        clock.advance(Duration.ofDays(20));
        DraftQuote d = draft();
        Quote later = quotes.draft(new DraftQuote(d.customerId(), d.opportunityId(), null, "EUR", TODAY.plusDays(50),
                ALICE, null, null, dec("19")));
        clock.advance(Duration.ofDays(11)); // day 31: the first three ended on day 30
        assertThat(quotes.expireDue()).extracting(Quote::id).containsExactlyInAnyOrder(sent.id(), drafted.id());
        assertThat(quotes.get(accepted.id()).status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(quotes.get(later.id()).status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(quotes.expireDue()).isEmpty();
    }

    @Test
    void theStorageSamplesRoundTripThroughInMemoryStorageAndAreFoundByEveryKey() {
        for (var sample : org.crmkit.tck.storage.samples.QuoteSamples.all("acme")) {
            QuoteRecord r = QuoteRecord.KIND.cast(sample.record());
            storage.useTransaction("acme", s -> s.records(QuoteRecord.KIND).insert(r));
            assertThat(stored(QuoteId.of(r.id()))).isEqualTo(r);
            for (var key : QuoteRecord.KIND.keysOf(r)) {
                long count = storage.inTransaction("acme", s -> s.records(QuoteRecord.KIND).count(
                        org.crmkit.spi.storage.RecordQuery.all().where(key.name(), key.value())));
                assertThat(count).as(key.name()).isEqualTo(1L);
            }
        }
    }

    @Test
    void aCatalogueListPriceWithTooManyDecimalsIsNamed() {
        Quotes yen = new Quotes(ACME, storage, clock, IdGenerator.timeOrdered(clock), published::add,
                org.crmkit.core.memory.InMemoryProductCatalog.builder()
                        .product(QuoteFixtures.product("acme", "p-half", "333.5", "JPY", List.of(), List.of()))
                        .build(), DiscountPolicy.defaults());
        Quote q = yen.draft(draftFor("JPY", null, null));
        assertThatThrownBy(() -> yen.addLine(q.id(), AddQuoteLine.of("p-half", "1")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("listPrice: must be a valid JPY amount");
    }

    @Test
    void concurrentEditsNeverLoseALine() throws Exception {
        Quote q = quotes.draft(draft());
        int threads = 8;
        int perThread = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger added = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    try {
                        quotes.addLine(q.id(), AddQuoteLine.of("p-penny", "1"));
                        added.incrementAndGet();
                    } catch (StaleWriteException e) {
                        // lost the race; nothing was written
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : futures) {
            f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        Quote after = quotes.get(q.id());
        assertThat(after.lines()).hasSize(added.get());
        assertThat(after.version()).isEqualTo(1L + added.get());
        assertThat(after.netTotal()).isEqualTo(Money.of("0.05", "EUR").times(added.get()));
    }
}
