/**
 * Satisfaction and service-quality scores, pure computation over answers: the Net Promoter Score
 * ({@link org.crmkit.core.satisfaction.scoring.NetPromoterScore}), the customer satisfaction score
 * ({@link org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore}), the
 * expectation-versus-perception model ({@link org.crmkit.core.satisfaction.scoring.ExpectationPerception})
 * and SERVQUAL gaps per dimension ({@link org.crmkit.core.satisfaction.scoring.Servqual}), with a CSV
 * reader for files of answers ({@link org.crmkit.core.satisfaction.scoring.SurveyCsv}).
 *
 * <p>Every score is computed exactly from the whole-number answers (and decimal weights) and rounded
 * once, to the nearest double. The formulas and their sources are in {@code docs/satisfaction.md}.
 *
 * @since 0.1
 */
package org.crmkit.core.satisfaction.scoring;
