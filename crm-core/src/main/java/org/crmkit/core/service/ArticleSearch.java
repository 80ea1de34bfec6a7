package org.crmkit.core.service;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The knowledge base's simple search: case-insensitive whole-token matching. Not API. */
final class ArticleSearch {

    private ArticleSearch() {
    }

    /** Ranks by matched tokens (most first), then by title, then by id, so the order is stable. */
    static final Comparator<ArticleMatch> RANKING = Comparator.comparingInt(ArticleMatch::matchedTokens).reversed()
            .thenComparing(m -> m.article().title())
            .thenComparing(m -> m.article().id().value());

    /**
     * Splits text into lower-case tokens at every character that is neither a letter nor a digit.
     * Text without spaces (Chinese, say) is one token per run of letters.
     */
    static Set<String> tokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** @return the published articles that match at least one query token, best first */
    static List<ArticleMatch> rank(Set<String> query, List<KnowledgeArticle> articles) {
        return articles.stream()
                .filter(KnowledgeArticle::published)
                .map(a -> new ArticleMatch(a, (int) query.stream().filter(a.tokens()::contains).count()))
                .filter(m -> m.matchedTokens() > 0)
                .sorted(RANKING)
                .toList();
    }
}
