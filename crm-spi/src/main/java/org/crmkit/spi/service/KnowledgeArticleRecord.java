package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * An article of the self-service knowledge base (domain §10, the Tiandi case) as storage keeps it.
 *
 * @param id          the article's id; not null
 * @param tenant      the tenant; a valid tenant id
 * @param version     at least 1
 * @param title       the title; not blank
 * @param body        the text; not blank
 * @param tags        search tags, lower case; not null, may be empty
 * @param published   whether customers can be offered it
 * @param createdAt   when it was written; not null
 * @param publishedBy the staff member who published it; may be null
 * @since 0.1
 */
public record KnowledgeArticleRecord(
        UUID id, String tenant, long version, String title, String body, List<String> tags, boolean published,
        Instant createdAt, String publishedBy) implements StoredRecord {

    /** The kind, queryable by {@code published} ({@code "true"} or {@code "false"}). */
    public static final RecordKind<KnowledgeArticleRecord> KIND = RecordKind.of("knowledge_article",
            KnowledgeArticleRecord.class, List.of("published"),
            r -> Arrays.asList(IndexKey.ofNullable("published", r.published())));

    public KnowledgeArticleRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(title, "title");
        notBlank(body, "body");
        tags = copy(tags, "tags");
        createdAt = micros(notNull(createdAt, "createdAt"));
        nullOrNotBlank(publishedBy, "publishedBy");
    }
}
