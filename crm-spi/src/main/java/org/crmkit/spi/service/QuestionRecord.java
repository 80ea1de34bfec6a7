package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

/**
 * One question of a stored questionnaire definition (domain §7).
 *
 * @param code        the question's code, unique within its questionnaire; not blank
 * @param text        the question as the customer reads it; not blank
 * @param scale       {@code CSAT_1_5}, {@code NPS_0_10}, {@code SERVQUAL_1_7}, {@code YES_NO} or
 *                    {@code FREE_TEXT}; not blank
 * @param measure     what it measures: {@code CSAT}, {@code RECOMMENDATION}, {@code REPURCHASE_INTENTION},
 *                    {@code SERVQUAL_DIMENSION}, {@code SERVICE_QUALITY_CRITERION} or {@code CUSTOM}; not blank
 * @param measureName the dimension, the criterion or the custom name; null for the first three measures
 * @param required    whether every response must answer it
 * @since 0.1
 */
public record QuestionRecord(String code, String text, String scale, String measure, String measureName,
                             boolean required) {

    public QuestionRecord {
        notBlank(code, "code");
        notBlank(text, "text");
        notBlank(scale, "scale");
        notBlank(measure, "measure");
        nullOrNotBlank(measureName, "measureName");
    }
}
