package org.crmkit.core.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.KnowledgeArticleRecord;

/**
 * An article of the web self-service knowledge base (domain §10, the Tiandi case), with which
 * customers solve common problems themselves. Only published articles are offered.
 *
 * <p>The published flag is a two-state machine: a published article can be {@link #withdraw}n,
 * a withdrawn one {@link #republish}ed; anything else throws {@link IllegalTransitionException}.
 *
 * <p>Not thread-safe: a working copy for one unit of work.
 *
 * @since 0.1
 */
public final class KnowledgeArticle {

    static final String AGGREGATE = "knowledge article";
    private static final int TITLE_MAX = 200;
    private static final int BODY_MAX = 20_000;
    private static final int TAG_MAX = 40;

    private final ArticleId id;
    private final TenantId tenant;
    private long version;
    private final String title;
    private final String body;
    private final List<String> tags;
    private boolean published;
    private final Instant createdAt;
    private StaffId publishedBy;
    private final List<KnowledgeArticleEvent> events = new ArrayList<>();

    private KnowledgeArticle(ArticleId id, TenantId tenant, long version, String title, String body, List<String> tags,
                             boolean published, Instant createdAt, StaffId publishedBy) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.title = title;
        this.body = body;
        this.tags = List.copyOf(tags);
        this.published = published;
        this.createdAt = createdAt;
        this.publishedBy = publishedBy;
    }

    /**
     * Writes and publishes a new article, recording {@link KnowledgeArticleEvent.Published}.
     *
     * @param tags search tags; stripped, lower-cased and deduplicated, each at most 40 characters; not null
     * @param by   who published it; may be null
     * @throws ValidationException naming the field if an argument breaks a rule
     */
    public static KnowledgeArticle publish(ArticleId id, TenantId tenant, String title, String body,
                                           Collection<String> tags, StaffId by, Instant at) {
        Args.notNull(id, "articleId");
        Args.notNull(tenant, "tenant");
        String t = Args.required(title, "title", TITLE_MAX);
        String b = Args.required(body, "body", BODY_MAX);
        List<String> normalised = normaliseTags(tags);
        Args.notNull(at, "at");
        KnowledgeArticle a = new KnowledgeArticle(id, tenant, 0, t, b, normalised, true, at, by);
        a.events.add(new KnowledgeArticleEvent.Published(tenant, id, at, t, by));
        return a;
    }

    /** Rebuilds a stored article. @throws ValidationException if the record breaks a rule of the model */
    public static KnowledgeArticle restore(KnowledgeArticleRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        return new KnowledgeArticle(ArticleId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                Args.required(r.title(), "title", TITLE_MAX), Args.required(r.body(), "body", BODY_MAX),
                normaliseTags(r.tags()), r.published(), r.createdAt(),
                r.publishedBy() == null ? null : StaffId.of(r.publishedBy()));
    }

    /** @return the record of this article at its next version, for storing */
    public KnowledgeArticleRecord toRecord() {
        return new KnowledgeArticleRecord(id.value(), tenant.value(), version + 1, title, body, tags, published,
                createdAt, publishedBy == null ? null : publishedBy.value());
    }

    /**
     * Stops offering the article to customers.
     *
     * @throws IllegalTransitionException if it is not published
     */
    public void withdraw(StaffId by, Instant at) {
        Args.notNull(at, "at");
        if (!published) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), state(), "withdraw");
        }
        published = false;
        events.add(new KnowledgeArticleEvent.Withdrawn(tenant, id, at, by));
    }

    /**
     * Offers a withdrawn article again.
     *
     * @throws IllegalTransitionException if it is published already
     */
    public void republish(StaffId by, Instant at) {
        Args.notNull(at, "at");
        if (published) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), state(), "republish");
        }
        published = true;
        publishedBy = by;
        events.add(new KnowledgeArticleEvent.Published(tenant, id, at, title, by));
    }

    /** @return the id */
    public ArticleId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version, 0 before it is first stored */
    public long version() {
        return version;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the body */
    public String body() {
        return body;
    }

    /** @return the tags, lower case, in the order given; unmodifiable */
    public List<String> tags() {
        return tags;
    }

    /** @return whether customers are offered it */
    public boolean published() {
        return published;
    }

    /** @return when it was written */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return who last published it, if recorded */
    public Optional<StaffId> publishedBy() {
        return Optional.ofNullable(publishedBy);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<KnowledgeArticleEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "KnowledgeArticle[" + id + ", '" + title + "', " + state() + ", v" + version + "]";
    }

    /** @return the search tokens of title, body and tags */
    Set<String> tokens() {
        Set<String> all = new LinkedHashSet<>(ArticleSearch.tokens(title));
        all.addAll(ArticleSearch.tokens(body));
        tags.forEach(t -> all.addAll(ArticleSearch.tokens(t)));
        return all;
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private String state() {
        return published ? "PUBLISHED" : "WITHDRAWN";
    }

    private static List<String> normaliseTags(Collection<String> tags) {
        Args.notNull(tags, "tags");
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        for (String tag : tags) {
            out.add(Args.required(tag, "tags[" + i++ + "]", TAG_MAX).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }
}
