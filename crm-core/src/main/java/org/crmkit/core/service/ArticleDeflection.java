package org.crmkit.core.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * How well one knowledge-base article (or the whole knowledge base) kept customers from needing a
 * work order (domain §10: "a web self-service knowledge base lets customers solve common problems
 * themselves"). Immutable.
 *
 * <p>The <b>deflection rate</b> is {@code solved / (solved + escalated)}: of the self-service
 * sessions in which the customer said whether the article helped, the share it solved. Sessions
 * still waiting for that answer ({@code pending}) are left out, because they are neither a
 * deflection nor an escalation yet. The rate is empty when no session has an outcome. It is
 * rounded half-up to four decimal places (0.6667 is 66.67 %).
 *
 * @param articleId the article; null for the total over every article
 * @param title     the article's title, or {@code "all articles"} for the total; not blank
 * @param offered   how many sessions offered it; {@code solved + escalated + pending}
 * @param solved    how many sessions it solved (deflected work orders)
 * @param escalated how many sessions it did not solve, each escalated to a work order
 * @param pending   how many sessions have no outcome yet
 * @since 0.1
 */
public record ArticleDeflection(ArticleId articleId, String title, long offered, long solved, long escalated,
                                long pending) {

    /** Decimal places of {@link #deflectionRate()}. */
    public static final int RATE_SCALE = 4;

    public ArticleDeflection {
        Objects.requireNonNull(title, "title must not be null");
        if (solved < 0 || escalated < 0 || pending < 0 || offered != solved + escalated + pending) {
            throw new IllegalArgumentException("counts must be non-negative and offered = solved + escalated + "
                    + "pending: " + offered + ", " + solved + ", " + escalated + ", " + pending);
        }
    }

    /** @return the article, or empty for the total */
    public Optional<ArticleId> article() {
        return Optional.ofNullable(articleId);
    }

    /** @return {@code solved / (solved + escalated)}, four decimal places, half-up; empty when both are 0 */
    public Optional<BigDecimal> deflectionRate() {
        long decided = solved + escalated;
        if (decided == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(solved).divide(BigDecimal.valueOf(decided), RATE_SCALE,
                RoundingMode.HALF_UP));
    }
}
