/**
 * Survey definitions (questionnaires with versioned revisions and a draft → published → retired
 * life), the responses customers submit to them about orders, work orders, staff and products,
 * the CSAT, NPS, expectation-versus-perception and SERVQUAL scores of stored responses, and their
 * trends per day, week, month or quarter (domain §7). Entry point: {@link
 * org.crmkit.core.satisfaction.questionnaire.Questionnaires}.
 *
 * @since 0.1
 */
package org.crmkit.core.satisfaction.questionnaire;
