package org.crmkit.core.service;

import java.util.List;
import java.util.Objects;

/**
 * The self-service deflection report of a tenant: one {@link ArticleDeflection} per article and
 * their total. Immutable.
 *
 * @param articles one row per article, most offered first, then by title; unmodifiable
 * @param overall  the sums over every article; its rate is the solved share of every decided session
 * @since 0.1
 */
public record DeflectionReport(List<ArticleDeflection> articles, ArticleDeflection overall) {

    public DeflectionReport {
        articles = List.copyOf(Objects.requireNonNull(articles, "articles must not be null"));
        Objects.requireNonNull(overall, "overall must not be null");
    }
}
