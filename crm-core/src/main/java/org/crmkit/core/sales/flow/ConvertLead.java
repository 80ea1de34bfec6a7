package org.crmkit.core.sales.flow;

import java.time.LocalDate;
import java.util.Objects;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.spi.ValidationException;

/**
 * What converting a lead needs: the lead, what to do about the customer, and the opportunity to
 * open.
 *
 * @param lead             the lead; must be qualified; not null
 * @param customer         link to an existing customer or create a new one; not null
 * @param pipeline         the pipeline the opportunity starts in (at its first stage); not null
 * @param opportunityName  the opportunity's name; not blank
 * @param amount           the amount expected; not negative
 * @param expectedClose    the expected close date; not null
 * @param owner            the salesperson who owns the opportunity; null for the lead's owner
 * @param by               who converts; not null
 * @since 0.1
 */
public record ConvertLead(LeadId lead, CustomerChoice customer, PipelineId pipeline, String opportunityName,
                          Money amount, LocalDate expectedClose, StaffId owner, StaffId by) {

    public ConvertLead {
        require(lead, "lead");
        require(customer, "customer");
        require(pipeline, "pipeline");
        if (opportunityName == null || opportunityName.isBlank()) {
            throw new ValidationException("opportunityName", "must not be blank", opportunityName);
        }
        require(amount, "amount");
        require(expectedClose, "expectedClose");
        require(by, "by");
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
    }

    /** @return this command with the opportunity owned by {@code salesperson} instead of the lead's owner */
    public ConvertLead ownedBy(StaffId salesperson) {
        return new ConvertLead(lead, customer, pipeline, opportunityName, amount, expectedClose,
                Objects.requireNonNull(salesperson, "salesperson must not be null"), by);
    }
}
