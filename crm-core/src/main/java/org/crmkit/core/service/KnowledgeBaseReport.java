package org.crmkit.core.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.crmkit.core.common.TenantId;
import org.crmkit.spi.service.KnowledgeArticleRecord;
import org.crmkit.spi.service.SelfServiceSessionRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.RecordQuery;

/**
 * Reports how the self-service knowledge base deflects work orders (domain §10; the Tiandi case's
 * "web knowledge base for self-service repairs"): per article, how often it was offered, how often
 * it solved the problem, how often the customer was escalated to a work order, and the deflection
 * rate defined on {@link ArticleDeflection}.
 *
 * <p>Read-only: it reads the stored knowledge-article and self-service-session records of the
 * tenant in one unit of work and changes nothing. A session whose status is {@code SOLVED} counts
 * as solved, {@code NOT_SOLVED} as escalated, anything else as pending. Every article appears,
 * withdrawn ones and ones never offered included; a session whose article is not stored is
 * reported under the article's id as its title.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class KnowledgeBaseReport {

    private final TenantId tenant;
    private final CrmStorage storage;

    /**
     * @param tenant  the tenant to report on; not null
     * @param storage where the records are kept; not null
     */
    public KnowledgeBaseReport(TenantId tenant, CrmStorage storage) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
    }

    /** @return the tenant reported on */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the report as the storage stands now; never null */
    public DeflectionReport deflection() {
        return storage.inTransaction(tenant.value(), s -> {
            Map<UUID, String> titles = new LinkedHashMap<>();
            for (KnowledgeArticleRecord a : Args.all(s.records(KnowledgeArticleRecord.KIND), RecordQuery.all())) {
                titles.put(a.id(), a.title());
            }
            Map<UUID, long[]> counts = new LinkedHashMap<>();
            titles.keySet().forEach(id -> counts.put(id, new long[3]));
            for (SelfServiceSessionRecord r : Args.all(s.records(SelfServiceSessionRecord.KIND), RecordQuery.all())) {
                long[] c = counts.computeIfAbsent(r.articleId(), id -> new long[3]);
                c[outcome(r.status())]++;
            }
            List<ArticleDeflection> rows = new ArrayList<>();
            long[] total = new long[3];
            counts.forEach((id, c) -> {
                rows.add(row(ArticleId.of(id), titles.getOrDefault(id, id.toString()), c));
                for (int i = 0; i < 3; i++) {
                    total[i] += c[i];
                }
            });
            rows.sort(Comparator.comparingLong(ArticleDeflection::offered).reversed()
                    .thenComparing(ArticleDeflection::title));
            return new DeflectionReport(rows, row(null, "all articles", total));
        });
    }

    private static ArticleDeflection row(ArticleId id, String title, long[] c) {
        return new ArticleDeflection(id, title, c[0] + c[1] + c[2], c[0], c[1], c[2]);
    }

    /** @return 0 for solved, 1 for escalated, 2 for pending */
    private static int outcome(String status) {
        if (SelfServiceStatus.SOLVED.name().equals(status)) {
            return 0;
        }
        return SelfServiceStatus.NOT_SOLVED.name().equals(status) ? 1 : 2;
    }
}
