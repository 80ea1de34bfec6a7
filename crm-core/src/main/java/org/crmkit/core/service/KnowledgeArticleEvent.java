package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;

/**
 * What happened to a knowledge-base article.
 *
 * @since 0.1
 */
public sealed interface KnowledgeArticleEvent extends DomainEvent {

    /** @return the article */
    ArticleId articleId();

    @Override
    default UUID aggregateId() {
        return articleId().value();
    }

    /** The article was published (first or again); {@code by} may be null. */
    record Published(TenantId tenant, ArticleId articleId, Instant occurredAt, String title, StaffId by)
            implements KnowledgeArticleEvent {
    }

    /** The article was withdrawn: customers are no longer offered it; {@code by} may be null. */
    record Withdrawn(TenantId tenant, ArticleId articleId, Instant occurredAt, StaffId by)
            implements KnowledgeArticleEvent {
    }
}
