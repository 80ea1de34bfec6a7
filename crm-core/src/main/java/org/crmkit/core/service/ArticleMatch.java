package org.crmkit.core.service;

/**
 * A knowledge-base article found by a search, with how many of the query's tokens it matched.
 *
 * @param article       the article; not null
 * @param matchedTokens how many distinct query tokens appear in its title, body or tags; at least 1
 * @since 0.1
 */
public record ArticleMatch(KnowledgeArticle article, int matchedTokens) {

    public ArticleMatch {
        Args.notNull(article, "article");
    }
}
