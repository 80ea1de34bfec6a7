package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.util.List;

import org.crmkit.spi.ValidationException;

/**
 * One condition of a campaign's target rule, as storage keeps it. A rule is a disjunction of
 * clauses, each a conjunction of conditions: a customer is targeted when, for at least one clause
 * number, it meets every condition with that number.
 *
 * @param clause            the clause this condition belongs to, 0 or more
 * @param field             what is tested: {@code "ATTRIBUTE"}, {@code "TYPE"},
 *                          {@code "LIFECYCLE_STAGE"} or {@code "RELATIONSHIP_LEVEL"}; not blank
 * @param operator          how: {@code "EQUALS"}, {@code "AT_LEAST"}, {@code "AT_MOST"} or
 *                          {@code "IN"}; not blank
 * @param attributeCategory the attribute's category code, for {@code ATTRIBUTE}; null otherwise
 * @param attributeName     the attribute's name, for {@code ATTRIBUTE}; null otherwise
 * @param valueType         the attribute value's type code ({@code "NUMBER"}, ...), for
 *                          {@code ATTRIBUTE}; null otherwise
 * @param values            the operands in canonical text form (enum names, canonical attribute
 *                          values); not null, may be empty
 * @since 0.1
 */
public record CampaignConditionRecord(
        int clause,
        String field,
        String operator,
        String attributeCategory,
        String attributeName,
        String valueType,
        List<String> values) {

    public CampaignConditionRecord {
        if (clause < 0) {
            throw new ValidationException("condition.clause", "must not be negative", clause);
        }
        notBlank(field, "condition.field");
        notBlank(operator, "condition.operator");
        nullOrNotBlank(attributeCategory, "condition.attributeCategory");
        nullOrNotBlank(attributeName, "condition.attributeName");
        nullOrNotBlank(valueType, "condition.valueType");
        values = copy(values, "condition.values");
    }
}
