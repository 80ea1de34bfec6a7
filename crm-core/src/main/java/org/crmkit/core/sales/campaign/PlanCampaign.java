package org.crmkit.core.sales.campaign;

import java.time.LocalDate;
import java.util.Set;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;

/**
 * The command to plan a campaign. Every rule is checked by {@link Campaigns#plan(PlanCampaign)},
 * which refuses a bad command with a {@link org.crmkit.spi.ValidationException} naming the field.
 *
 * @param name      the campaign's name; not blank, at most 200 characters
 * @param channels  the channels it runs on; at least one
 * @param target    which customers it targets; not null
 * @param budget    the budget; not negative; its currency is the campaign's currency
 * @param startDate the first day; not null
 * @param endDate   the last day; not before {@code startDate}
 * @param owner     the responsible staff member; not null
 * @param plannedBy who plans it; not null
 * @since 0.1
 */
public record PlanCampaign(String name, Set<Channel> channels, TargetSegment target, Money budget,
                           LocalDate startDate, LocalDate endDate, StaffId owner, StaffId plannedBy) {
}
