package org.crmkit.core.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.ArticleDeflection;
import org.crmkit.core.service.DeflectionReport;
import org.crmkit.core.service.KnowledgeArticle;
import org.crmkit.core.service.KnowledgeBaseReport;
import org.crmkit.core.service.SelfServiceSession;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.spi.service.WorkOrderRecord;
import org.junit.jupiter.api.Test;

/**
 * The deflection report on a constructed scenario: three articles, ten sessions.
 *
 * <pre>
 * router  offered 6: solved 3, escalated 2, pending 1   rate 3/5  = 0.6000
 * washer  offered 3: solved 1, escalated 2              rate 1/3  = 0.3333
 * printer offered 0 (withdrawn)                          rate none
 * overall offered 9 (+1 session of a withdrawn article is 0 here), solved 4, escalated 4, pending 1
 *                                                        rate 4/8  = 0.5000
 * </pre>
 */
class KnowledgeBaseReportTest {
    private static final StaffId EDITOR = StaffId.of("editor");

    private final ComplaintFixture f = new ComplaintFixture();
    private final ServiceDesk desk = f.desk;
    private final CustomerId li = f.customer("Li");

    @Test
    void countsOffersSolvedEscalatedAndTheDeflectionRatePerArticleAndOverall() {
        KnowledgeArticle router = desk.publishArticle("Resetting the router", "Hold reset.", List.of("router"), EDITOR);
        KnowledgeArticle washer = desk.publishArticle("Washer drains slowly", "Clean the filter.", List.of("washer"),
                EDITOR);
        KnowledgeArticle printer = desk.publishArticle("Printer jams", "Open the tray.", List.of("printer"), EDITOR);
        desk.withdrawArticle(printer.id(), EDITOR);
        sessions("router", true, true, true, false, false);
        desk.offerArticle(li, "router"); // pending
        sessions("washer", true, false, false);

        DeflectionReport report = new KnowledgeBaseReport(f.tenant, f.storage).deflection();

        assertThat(report.articles()).extracting(ArticleDeflection::title, ArticleDeflection::offered,
                        ArticleDeflection::solved, ArticleDeflection::escalated, ArticleDeflection::pending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Resetting the router", 6L, 3L, 2L, 1L),
                        org.assertj.core.groups.Tuple.tuple("Washer drains slowly", 3L, 1L, 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("Printer jams", 0L, 0L, 0L, 0L));
        assertThat(report.articles().get(0).article()).contains(router.id());
        assertThat(report.articles().get(1).article()).contains(washer.id());
        assertThat(report.articles()).extracting(ArticleDeflection::deflectionRate).containsExactly(
                java.util.Optional.of(new BigDecimal("0.6000")), java.util.Optional.of(new BigDecimal("0.3333")),
                java.util.Optional.empty());
        ArticleDeflection overall = report.overall();
        assertThat(overall.article()).isEmpty();
        assertThat(overall.offered()).isEqualTo(9);
        assertThat(overall.solved()).isEqualTo(4);
        assertThat(overall.escalated()).isEqualTo(4);
        assertThat(overall.pending()).isEqualTo(1);
        assertThat(overall.deflectionRate()).contains(new BigDecimal("0.5000"));
        // every escalation opened a work order
        assertThat(f.count(WorkOrderRecord.KIND)).isEqualTo(4);
    }

    @Test
    void anEmptyKnowledgeBaseReportsNothingAndNoRate() {
        DeflectionReport report = new KnowledgeBaseReport(f.tenant, f.storage).deflection();
        assertThat(report.articles()).isEmpty();
        assertThat(report.overall().offered()).isZero();
        assertThat(report.overall().deflectionRate()).isEmpty();
    }

    @Test
    void anotherTenantsSessionsAreNotCounted() {
        desk.publishArticle("Resetting the router", "Hold reset.", List.of("router"), EDITOR);
        sessions("router", true);
        assertThat(new KnowledgeBaseReport(TenantId.of("globex"), f.storage).deflection().overall().offered())
                .isZero();
    }

    private void sessions(String query, boolean... solved) {
        for (boolean s : solved) {
            SelfServiceSession session = desk.offerArticle(li, query).session().orElseThrow();
            desk.recordSelfServiceOutcome(session.id(), s, null);
        }
    }
}
