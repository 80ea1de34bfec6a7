package org.crmkit.core.sales.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * The conversion funnel of a campaign's leads: how many it captured and how many of them got
 * how far. A lead counts at every stage it ever reached, so each stage holds at most as many as
 * the one before; a lead disqualified after being contacted still counts as contacted.
 * Immutable and thread-safe.
 *
 * @param captured     leads captured from the campaign
 * @param contacted    of these, leads ever contacted
 * @param qualified    of these, leads ever qualified
 * @param converted    of these, leads converted into a customer and an opportunity
 * @param disqualified leads disqualified now (outside the funnel's chain)
 * @since 0.1
 */
public record CampaignFunnel(long captured, long contacted, long qualified, long converted, long disqualified) {

    public CampaignFunnel {
        if (captured < 0 || contacted < 0 || qualified < 0 || converted < 0 || disqualified < 0) {
            throw new ValidationException("funnel", "must not hold negative counts");
        }
        if (contacted > captured || qualified > contacted || converted > qualified || disqualified > captured) {
            throw new ValidationException("funnel", "must not count more at a stage than at the stage before");
        }
    }

    /** @return the empty funnel of a campaign without leads */
    public static CampaignFunnel empty() {
        return new CampaignFunnel(0, 0, 0, 0, 0);
    }

    /** @return converted divided by captured, to four decimal places (half up); empty without leads */
    public Optional<BigDecimal> conversionRate() {
        if (captured == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(converted).divide(BigDecimal.valueOf(captured), 4, RoundingMode.HALF_UP));
    }
}
