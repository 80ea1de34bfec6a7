package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.SelfServiceSessionRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StorageException;
import org.junit.jupiter.api.Test;

class ServiceDeskTest {
    private static final StaffId AGENT = StaffId.of("agent-7");
    private static final StaffId EDITOR = StaffId.of("editor");

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final ServiceDesk desk = f.desk;
    private final CampaignId spring = new CampaignId(UUID.randomUUID());

    private KnowledgeArticle router() {
        return desk.publishArticle("Resetting the router", "Hold the reset button for ten seconds.",
                List.of("Router", "WiFi", "router"), EDITOR);
    }

    private KnowledgeArticle washer() {
        return desk.publishArticle("Washing machine drains slowly", "Clean the pump filter behind the front flap.",
                List.of("washer", "drain"), EDITOR);
    }

    // ------------------------------------------------------------------ knowledge base

    @Test
    void aPublishedArticleIsStoredAtVersionOneWithNormalisedTags() {
        KnowledgeArticle a = router();
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.tags()).containsExactly("router", "wifi");
        assertThat(desk.findArticle(a.id())).hasValueSatisfying(read -> {
            assertThat(read.published()).isTrue();
            assertThat(read.title()).isEqualTo("Resetting the router");
        });
        assertThat(f.events(KnowledgeArticleEvent.Published.class)).hasSize(1);
    }

    @Test
    void searchMatchesWholeTokensIgnoringCaseAndRanksByMatchedTokens() {
        KnowledgeArticle router = router();
        KnowledgeArticle washer = washer();
        assertThat(desk.searchArticles("ROUTER reset")).extracting(m -> m.article().id(), ArticleMatch::matchedTokens)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(router.id(), 2));
        assertThat(desk.searchArticles("reset the pump filter"))
                .extracting(m -> m.article().id()).containsExactly(washer.id(), router.id());
        assertThat(desk.searchArticles("wifi")).extracting(m -> m.article().id()).containsExactly(router.id());
        assertThat(desk.searchArticles("dishwasher")).isEmpty();
    }

    @Test
    void withdrawnArticlesAreNotFoundOrOfferedUntilRepublished() {
        KnowledgeArticle router = router();
        desk.withdrawArticle(router.id(), EDITOR);
        assertThat(desk.searchArticles("router")).isEmpty();
        assertThatThrownBy(() -> desk.withdrawArticle(router.id(), EDITOR))
                .isInstanceOf(IllegalTransitionException.class);
        KnowledgeArticle again = desk.republishArticle(router.id(), EDITOR);
        assertThat(again.version()).isEqualTo(3);
        assertThat(desk.searchArticles("router")).hasSize(1);
    }

    @Test
    void aBlankOrSymbolOnlyQueryIsRefusedNamingTheField() {
        assertThatThrownBy(() -> desk.searchArticles("  ")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("query");
        assertThatThrownBy(() -> desk.searchArticles("?!")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("query");
    }

    // ------------------------------------------------------------------ self-service

    @Test
    void offeringAnArticleForADeliveredOrderRecordsTheSessionWithOrderAndCampaign() {
        router();
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "129.99");
        SelfServiceOffer offer = desk.offerArticle(order, "my router keeps dropping wifi");
        assertThat(offer.offered()).isTrue();
        SelfServiceSession session = offer.session().orElseThrow();
        assertThat(session.status()).isEqualTo(SelfServiceStatus.OFFERED);
        assertThat(session.orderId()).contains(order.orderId());
        assertThat(session.campaignId()).contains(spring);
        assertThat(session.articleId()).isEqualTo(offer.article().orElseThrow().id());
        assertThat(desk.findSession(session.id())).isPresent();
        assertThat(desk.sessionsForCustomer(li)).extracting(SelfServiceSession::id).containsExactly(session.id());
        assertThat(f.events(SelfServiceEvent.ArticleOffered.class)).hasSize(1);
    }

    @Test
    void offeringWhenNoArticleMatchesStoresNothingAndSaysSo() {
        router();
        CustomerId li = f.customer("Li Wei");
        SelfServiceOffer offer = desk.offerArticle(li, "dishwasher");
        assertThat(offer.offered()).isFalse();
        assertThat(offer.article()).isEmpty();
        assertThat(desk.sessionsForCustomer(li)).isEmpty();
    }

    @Test
    void offeringToAnUnknownCustomerIsRefused() {
        router();
        assertThatThrownBy(() -> desk.offerArticle(CustomerId.of(UUID.randomUUID()), "router"))
                .isInstanceOf(NoSuchCustomerException.class);
    }

    @Test
    void aSolvedSessionIsADeflectionAndOpensNoWorkOrder() {
        router();
        CustomerId li = f.customer("Li Wei");
        SelfServiceSession session = desk.offerArticle(li, "router").session().orElseThrow();
        SelfServiceOutcome outcome = desk.recordSelfServiceOutcome(session.id(), true, null);
        assertThat(outcome.solved()).isTrue();
        assertThat(outcome.workOrder()).isEmpty();
        assertThat(outcome.session().version()).isEqualTo(2);
        assertThat(desk.workOrdersForCustomer(li)).isEmpty();
        assertThat(f.events(SelfServiceEvent.Solved.class)).hasSize(1);
    }

    @Test
    void anUnsolvedSessionOpensAWorkOrderCarryingOrderAndCampaign() {
        router();
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "129.99");
        SelfServiceSession session = desk.offerArticle(order, "router").session().orElseThrow();
        f.tick();
        SelfServiceOutcome outcome = desk.recordSelfServiceOutcome(session.id(), false, AGENT);
        WorkOrder w = outcome.workOrder().orElseThrow();
        assertThat(w.origin()).isEqualTo(WorkOrderOrigin.SELF_SERVICE);
        assertThat(w.orderId()).contains(order.orderId());
        assertThat(w.campaignId()).contains(spring);
        assertThat(w.version()).isEqualTo(1);
        assertThat(outcome.session().status()).isEqualTo(SelfServiceStatus.NOT_SOLVED);
        assertThat(outcome.session().workOrderId()).contains(w.id());
        assertThat(desk.findSession(session.id()).orElseThrow().workOrderId()).contains(w.id());
        assertThat(desk.workOrdersForOrder(order.orderId())).extracting(WorkOrder::id).containsExactly(w.id());
        assertThat(f.published).last().isInstanceOf(WorkOrderEvent.Opened.class);
    }

    @Test
    void theWorkOrderAndTheEscalationCommitTogetherOrNotAtAll() {
        router();
        CustomerId li = f.customer("Li Wei");
        SelfServiceSession session = desk.offerArticle(li, "router").session().orElseThrow();
        // Another desk whose id generator hands out the session's own id for the work order: the
        // insert of the work order fails after the session was updated in the same unit of work.
        ServiceDesk clashing = new ServiceDesk(f.tenant, f.storage, f.clock, () -> session.id().value(),
                f.published::add);
        int before = f.published.size();
        assertThatThrownBy(() -> clashing.recordSelfServiceOutcome(session.id(), false, AGENT))
                .isInstanceOf(StorageException.class);
        assertThat(desk.findSession(session.id()).orElseThrow().status()).isEqualTo(SelfServiceStatus.OFFERED);
        assertThat(f.storage.<Long>inTransaction("acme", s -> s.records(WorkOrderRecord.KIND).count(RecordQuery.all())))
                .isZero();
        assertThat(f.published).hasSize(before);
    }

    @Test
    void aSessionTakesOneOutcomeOnly() {
        router();
        CustomerId li = f.customer("Li Wei");
        SelfServiceSession session = desk.offerArticle(li, "router").session().orElseThrow();
        desk.recordSelfServiceOutcome(session.id(), true, null);
        assertThatThrownBy(() -> desk.recordSelfServiceOutcome(session.id(), false, null))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.state()).isEqualTo("SOLVED");
                    assertThat(e.aggregate()).isEqualTo("self-service session");
                });
        assertThat(desk.workOrdersForCustomer(li)).isEmpty();
        assertThat(f.storage.<Long>inTransaction("acme", s -> s.records(SelfServiceSessionRecord.KIND)
                .find(session.id().value()).orElseThrow().version())).isEqualTo(2);
    }

    @Test
    void anUnknownSessionIsRefusedNamingTheField() {
        assertThatThrownBy(() -> desk.recordSelfServiceOutcome(SelfServiceSessionId.of(UUID.randomUUID()), true,
                null)).isInstanceOf(ValidationException.class).extracting("field").isEqualTo("sessionId");
    }

    // ------------------------------------------------------------------ work orders

    @Test
    void aWorkOrderOpenedForADeliveredOrderIsStoredAndWalksItsStates() {
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "499.00");
        WorkOrder w = desk.openWorkOrder(order, "Leaks", WorkOrderPriority.URGENT, null);
        assertThat(w.version()).isEqualTo(1);
        assertThat(w.origin()).isEqualTo(WorkOrderOrigin.ORDER);
        assertThat(desk.assign(w.id(), AGENT, StaffId.of("lead")).version()).isEqualTo(2);
        assertThat(desk.start(w.id(), AGENT).status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        assertThat(desk.resolve(w.id(), AGENT, "Seal replaced").status()).isEqualTo(WorkOrderStatus.RESOLVED);
        assertThat(desk.reopen(w.id(), null, "Leaks again").status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        desk.resolve(w.id(), AGENT, "New pump");
        WorkOrder closed = desk.close(w.id(), AGENT);
        assertThat(closed.version()).isEqualTo(7);
        WorkOrder read = desk.getWorkOrder(w.id());
        assertThat(read.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(read.steps()).hasSize(7);
        assertThat(f.events(WorkOrderEvent.class)).hasSize(7);
        assertThat(desk.workOrdersIn(WorkOrderStatus.CLOSED)).extracting(WorkOrder::id).containsExactly(w.id());
        assertThat(desk.workOrdersIn(WorkOrderStatus.OPEN)).isEmpty();
    }

    @Test
    void aWorkOrderFromACallHasNoOrder() {
        CustomerId li = f.customer("Li Wei");
        WorkOrder w = desk.openWorkOrder(li, WorkOrderOrigin.CALL, "Noise", "Rattles when spinning",
                WorkOrderPriority.LOW, AGENT);
        assertThat(w.orderId()).isEmpty();
        assertThat(w.description()).contains("Rattles when spinning");
    }

    @Test
    void anIllegalMoveWritesNothingAndPublishesNothing() {
        CustomerId li = f.customer("Li Wei");
        WorkOrder w = desk.openWorkOrder(f.delivered(li, null, "10.00"), "Leaks", WorkOrderPriority.NORMAL, null);
        int before = f.published.size();
        assertThatThrownBy(() -> desk.close(w.id(), AGENT)).isInstanceOf(IllegalTransitionException.class);
        assertThat(desk.getWorkOrder(w.id()).version()).isEqualTo(1);
        assertThat(f.published).hasSize(before);
    }

    @Test
    void unknownWorkOrdersAndCustomersAreRefusedNamingTheField() {
        WorkOrderId unknown = WorkOrderId.of(UUID.randomUUID());
        assertThatThrownBy(() -> desk.start(unknown, AGENT)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("workOrderId");
        assertThatThrownBy(() -> desk.getWorkOrder(unknown)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("workOrderId");
        assertThat(desk.findWorkOrder(unknown)).isEmpty();
        assertThatThrownBy(() -> desk.openWorkOrder(f.delivered(CustomerId.of(UUID.randomUUID()), null, "1.00"),
                "x", WorkOrderPriority.LOW, null)).isInstanceOf(NoSuchCustomerException.class);
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        CustomerId li = f.customer("Li Wei");
        WorkOrder w = desk.openWorkOrder(f.delivered(li, null, "10.00"), "Leaks", WorkOrderPriority.NORMAL, null);
        ServiceDesk other = new ServiceDesk(org.crmkit.core.common.TenantId.of("globex"), f.storage, f.clock, f.ids,
                e -> { });
        assertThat(other.findWorkOrder(w.id())).isEmpty();
        assertThat(other.workOrdersForCustomer(li)).isEmpty();
    }
}
