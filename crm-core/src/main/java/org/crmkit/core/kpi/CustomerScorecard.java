package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.Money;

/**
 * The customer-centric balanced scorecard (domain §11): the four dimensions for judging a CRM
 * strategy, each computed from the tenant's own records over one period. Percentages have two
 * decimals (half up) and are empty when their denominator is zero. Immutable and thread-safe.
 *
 * @param period       the period; not null
 * @param value        customer value (loyalty and customer benefit); not null
 * @param satisfaction customer satisfaction; not null
 * @param interaction  customer interaction (effectiveness of the channels); not null
 * @param knowledge    customer knowledge (how well customers are understood); not null
 * @since 0.1
 */
public record CustomerScorecard(KpiPeriod period, Value value, Satisfaction satisfaction, Interaction interaction,
                                Knowledge knowledge) {

    /** Validates the components as described above. */
    public CustomerScorecard {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(value, "value must not be null");
        Objects.requireNonNull(satisfaction, "satisfaction must not be null");
        Objects.requireNonNull(interaction, "interaction must not be null");
        Objects.requireNonNull(knowledge, "knowledge must not be null");
    }

    /**
     * Customer value, from the orders delivered in the period. Loyalty:
     * {@code repeat purchase rate = 100 × repeatCustomers / buyingCustomers}, where a buying customer
     * had at least one delivered order and a repeat customer at least two. Customer benefit:
     * {@code average value per customer = deliveredNet / customers with an order in the currency}
     * (net totals, before tax, in the scorecard's currency; orders in others are counted in
     * {@code otherCurrencyOrders} and left out of the amount).
     *
     * @param deliveredOrders       orders delivered in the period (any currency)
     * @param buyingCustomers       customers with at least one of them
     * @param repeatCustomers       customers with at least two
     * @param repeatPurchaseRate    100 × repeat / buying; empty without buying customers
     * @param deliveredNet          Σ net total of the delivered orders in the currency; not null
     * @param averageValuePerCustomer deliveredNet / customers with an order in the currency, rounded half
     *                                up; empty if none
     * @param otherCurrencyOrders   delivered orders in another currency
     */
    public record Value(int deliveredOrders, int buyingCustomers, int repeatCustomers,
                        Optional<BigDecimal> repeatPurchaseRate, Money deliveredNet,
                        Optional<Money> averageValuePerCustomer, int otherCurrencyOrders) {
        /** Validates the components as described above. */
        public Value {
            Objects.requireNonNull(repeatPurchaseRate, "repeatPurchaseRate must not be null");
            Objects.requireNonNull(deliveredNet, "deliveredNet must not be null");
            Objects.requireNonNull(averageValuePerCustomer, "averageValuePerCustomer must not be null");
        }
    }

    /**
     * Customer satisfaction, from the surveys answered in the period (after delivery and after
     * service): {@code CSAT = 100 × satisfied / answered}, satisfied meaning a score of 4 or 5;
     * {@code mean score = Σ score / answered}, two decimals half up.
     *
     * @param answered  surveys answered in the period
     * @param satisfied of them, with a score of 4 or 5
     * @param csat      the CSAT in percent; empty without answers
     * @param meanScore the mean score; empty without answers
     */
    public record Satisfaction(int answered, int satisfied, Optional<BigDecimal> csat,
                               Optional<BigDecimal> meanScore) {
        /** Validates the components as described above. */
        public Satisfaction {
            Objects.requireNonNull(csat, "csat must not be null");
            Objects.requireNonNull(meanScore, "meanScore must not be null");
        }
    }

    /**
     * Customer interaction: how each channel is used and answers, one row per channel that had a
     * survey or an interaction in the period, by channel name.
     *
     * @param customers the customer base (registered by the end of the period) the per-customer
     *                  figures divide by
     * @param channels  the channels; not null
     */
    public record Interaction(int customers, List<ChannelFigures> channels) {
        /** Validates the components as described above. */
        public Interaction {
            channels = List.copyOf(channels);
        }

        /** @return the row of that channel code (for example {@code "EMAIL"}), if it had any activity */
        public Optional<ChannelFigures> channel(String code) {
            return channels.stream().filter(c -> c.channel().equals(code)).findFirst();
        }
    }

    /**
     * One channel's effectiveness: {@code response rate = 100 × answered / sent} over the surveys
     * sent on it in the period (answered at any time since), and
     * {@code interactions per customer = interactions / customer base}, four decimals half up,
     * over the interactions recorded on it in the period on customers' timelines.
     *
     * @param channel                the channel code; not null
     * @param surveysSent            surveys sent on the channel in the period
     * @param surveysAnswered        of them, answered
     * @param responseRate           100 × answered / sent; empty if none was sent
     * @param interactions           interactions recorded on the channel in the period
     * @param interactionsPerCustomer interactions / customer base; empty without customers
     */
    public record ChannelFigures(String channel, int surveysSent, int surveysAnswered,
                                 Optional<BigDecimal> responseRate, int interactions,
                                 Optional<BigDecimal> interactionsPerCustomer) {
        /** Validates the components as described above. */
        public ChannelFigures {
            Objects.requireNonNull(channel, "channel must not be null");
            Objects.requireNonNull(responseRate, "responseRate must not be null");
            Objects.requireNonNull(interactionsPerCustomer, "interactionsPerCustomer must not be null");
        }
    }

    /**
     * Customer knowledge: how complete the profiles of the customer base (customers registered by
     * the end of the period) are. Four checks per customer: a contact point (e-mail or phone), a
     * consent decision recorded, at least one attribute recorded, a postal address.
     * {@code completeness = 100 × (checks passed, summed over customers) / (4 × customers)}, the
     * mean of the four shares.
     *
     * @param customers         the customer base
     * @param withContactPoint  customers with a contact point
     * @param withConsent       customers with a consent decision
     * @param withAttributes    customers with an attribute
     * @param withPostalAddress customers with a postal address
     * @param completeness      the completeness in percent; empty without customers
     */
    public record Knowledge(int customers, int withContactPoint, int withConsent, int withAttributes,
                            int withPostalAddress, Optional<BigDecimal> completeness) {
        /** Validates the components as described above. */
        public Knowledge {
            Objects.requireNonNull(completeness, "completeness must not be null");
        }
    }
}
