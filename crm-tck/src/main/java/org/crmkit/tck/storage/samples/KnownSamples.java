package org.crmkit.tck.storage.samples;

import java.util.List;
import java.util.stream.Stream;

/**
 * The samples of every record kind the contract kit knows: the record-store contract runs each of
 * its tests for every one of them.
 *
 * @since 0.1
 */
public final class KnownSamples {

    private KnownSamples() {
    }

    /**
     * @param tenant the tenant of the samples; a valid tenant id
     * @return at least one fully populated and one minimal sample of every known kind, at version 1
     *         with fresh random ids; never null, never empty
     */
    public static List<Sample<?>> all(String tenant) {
        return Stream.of(
                        TckSamples.all(tenant),
                        CampaignSamples.all(tenant),
                        LeadSamples.all(tenant),
                        OpportunitySamples.all(tenant),
                        QuoteSamples.all(tenant),
                        OrderSamples.all(tenant),
                        AfterSalesSamples.all(tenant),
                        LoyaltySamples.all(tenant),
                        ServiceAgentSamples.all(tenant),
                        ComplaintSamples.all(tenant),
                        KpiSamples.all(tenant),
                        SurveySamples.all(tenant),
                        SegmentSamples.all(tenant),
                        AnalyticsSamples.all(tenant)
                        // One line per area.
                )
                .flatMap(List::stream)
                .toList();
    }
}
