package org.crmkit.core.service;

import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * What {@link ServiceDesk#offerArticle} found: the recorded session with the best-matching
 * published article, or nothing when no article matched (then nothing was stored).
 *
 * @param session the stored session; empty when no article matched
 * @param article the article offered; empty when no article matched
 * @since 0.1
 */
public record SelfServiceOffer(Optional<SelfServiceSession> session, Optional<KnowledgeArticle> article) {

    public SelfServiceOffer {
        Args.notNull(session, "session");
        Args.notNull(article, "article");
        if (session.isPresent() != article.isPresent()) {
            throw new ValidationException("article", "must be present exactly when a session is");
        }
    }

    /** @return the offer of no article */
    public static SelfServiceOffer none() {
        return new SelfServiceOffer(Optional.empty(), Optional.empty());
    }

    /** @return whether an article was offered */
    public boolean offered() {
        return session.isPresent();
    }
}
