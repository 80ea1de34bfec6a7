package org.crmkit.core.sales.flow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.campaign.NoSuchCampaignException;
import org.crmkit.core.sales.opportunity.Forecast;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.SalesCycle;
import org.crmkit.spi.sales.CampaignRecord;
import org.crmkit.spi.sales.CampaignRevenueRecord;
import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.QuoteRecord;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.service.FeedbackRecord;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.service.SelfServiceSessionRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;

/**
 * Reads the closed loop back (domain §9): the funnel of every step with the conversion rate
 * between consecutive steps, a campaign's return, the probability-weighted pipeline forecast per
 * owner and period, and the average sales cycle. Read-only; each call reads one consistent unit of
 * work. Instances are immutable and thread-safe.
 *
 * <p>Records are attributed to a campaign through the campaign id every step carries from the
 * lead onwards (lead, opportunity, quote, order, work order, self-service session, survey,
 * feedback); club points count once per order of the campaign that earned them.
 *
 * @since 0.1
 */
public final class SalesFlowAnalytics {

    private static final String DELIVERED = "DELIVERED";
    private static final String EARN = "EARN";

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Opportunities opportunities;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where the records of the loop are kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives committed events (none: this service only reads); not null
     */
    public SalesFlowAnalytics(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                              DomainEventListener publisher) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.opportunities = new Opportunities(tenant, storage, clock, ids, publisher);
    }

    /**
     * The loop of one campaign: how many records each step made from it.
     *
     * @param campaign the campaign; not null
     * @return the counts and the rates between consecutive steps
     * @throws NoSuchCampaignException if this tenant has no such campaign
     */
    public LoopFunnel funnel(CampaignId campaign) {
        Objects.requireNonNull(campaign, "campaign must not be null");
        return storage.inTransaction(tenant.value(), session -> {
            if (session.records(CampaignRecord.KIND).find(campaign.value()).isEmpty()) {
                throw new NoSuchCampaignException(tenant, campaign);
            }
            return count(session, RecordQuery.all().where("campaignId", campaign.toString()), 1);
        });
    }

    /**
     * The loop of the whole tenant: every record of every step, whichever campaign (if any) it
     * came from.
     *
     * @return the counts and the rates between consecutive steps
     */
    public LoopFunnel funnel() {
        return storage.inTransaction(tenant.value(),
                session -> count(session, RecordQuery.all(), session.records(CampaignRecord.KIND).count(RecordQuery.all())));
    }

    /**
     * What the campaign cost and brought back; see {@link CampaignReturn}.
     *
     * @param campaign the campaign; not null
     * @return its return
     * @throws NoSuchCampaignException if this tenant has no such campaign
     */
    public CampaignReturn campaignReturn(CampaignId campaign) {
        Objects.requireNonNull(campaign, "campaign must not be null");
        return storage.inTransaction(tenant.value(), session -> {
            CampaignRecord c = session.records(CampaignRecord.KIND).find(campaign.value())
                    .orElseThrow(() -> new NoSuchCampaignException(tenant, campaign));
            Money cost = Money.of(c.actualCost().amount(), c.actualCost().currency());
            Money revenue = Money.zero(cost.currency());
            long delivered = 0;
            long otherCurrency = 0;
            Set<UUID> orderIds = new HashSet<>();
            for (OrderRecord o : all(session, OrderRecord.KIND,
                    RecordQuery.all().where("campaignId", campaign.toString()).where("status", DELIVERED))) {
                delivered++;
                // Revenue is the net: the tax on the order is collected for the state, not earned.
                if (o.netTotal().currency().equals(cost.currencyCode())) {
                    revenue = revenue.plus(Money.of(o.netTotal().amount(), o.netTotal().currency()));
                    // Only an order counted here makes its hand attribution a double count; the hand
                    // attribution of an order left out for its currency is its only revenue.
                    orderIds.add(o.id());
                } else {
                    otherCurrency++;
                }
            }
            for (CampaignRevenueRecord r : c.revenue()) {
                if (!orderIds.contains(r.sourceId())) {
                    revenue = revenue.plus(Money.of(r.amount().amount(), r.amount().currency()));
                }
            }
            Optional<BigDecimal> ratio = cost.isZero() ? Optional.empty()
                    : Optional.of(revenue.amount().divide(cost.amount(), 4, RoundingMode.HALF_UP));
            return new CampaignReturn(campaign, cost, revenue, delivered, otherCurrency, ratio);
        });
    }

    /**
     * The probability-weighted value of open opportunities expected to close in the period, per
     * owner and currency; see {@link Opportunities#forecast}.
     */
    public Forecast forecast(LocalDate from, LocalDate to) {
        return opportunities.forecast(from, to);
    }

    /** The average time from opening to winning, over every won opportunity; see {@link Opportunities#averageSalesCycle()}. */
    public SalesCycle averageSalesCycle() {
        return opportunities.averageSalesCycle();
    }

    private static LoopFunnel count(StorageSession session, RecordQuery byCampaign, long campaigns) {
        Map<LoopStep, Long> counts = new EnumMap<>(LoopStep.class);
        counts.put(LoopStep.CAMPAIGN, campaigns);
        List<LeadRecord> leads = all(session, LeadRecord.KIND, byCampaign);
        counts.put(LoopStep.LEAD, (long) leads.size());
        counts.put(LoopStep.CUSTOMER, leads.stream().filter(l -> l.customerId() != null)
                .map(LeadRecord::customerId).distinct().count());
        counts.put(LoopStep.OPPORTUNITY, session.records(OpportunityRecord.KIND).count(byCampaign));
        // A revised quote keeps its predecessor as SUPERSEDED: count each quote once, by its latest revision.
        counts.put(LoopStep.QUOTE, all(session, QuoteRecord.KIND, byCampaign).stream()
                .filter(q -> !"SUPERSEDED".equals(q.status())).count());
        List<OrderRecord> orders = all(session, OrderRecord.KIND, byCampaign);
        counts.put(LoopStep.ORDER, (long) orders.size());
        counts.put(LoopStep.SERVICE, session.records(WorkOrderRecord.KIND).count(byCampaign));
        counts.put(LoopStep.SELF_SERVICE, session.records(SelfServiceSessionRecord.KIND).count(byCampaign));
        counts.put(LoopStep.SATISFACTION, session.records(SatisfactionSurveyRecord.KIND)
                .count(withCriterion(byCampaign, "status", "ANSWERED")));
        Set<UUID> orderIds = new HashSet<>();
        Set<UUID> orderCustomers = new HashSet<>();
        orders.forEach(o -> {
            orderIds.add(o.id());
            orderCustomers.add(o.customerId());
        });
        // One record per order that earned points (an EARN entry of the order), like one survey per
        // answer: a customer whose two orders both earned counts twice.
        long earnings = 0;
        for (UUID customer : orderCustomers) {
            for (ClubMembershipRecord m : all(session, ClubMembershipRecord.KIND,
                    RecordQuery.all().where("customerId", customer.toString()))) {
                earnings += m.entries().stream()
                        .filter(e -> EARN.equals(e.kind()) && e.orderId() != null && orderIds.contains(e.orderId()))
                        .count();
            }
        }
        counts.put(LoopStep.CLUB, earnings);
        counts.put(LoopStep.FEEDBACK, session.records(FeedbackRecord.KIND).count(byCampaign));
        return new LoopFunnel(counts);
    }

    private static RecordQuery withCriterion(RecordQuery query, String name, String value) {
        return query.where(name, value);
    }

    private static <R extends StoredRecord> List<R> all(StorageSession session, RecordKind<R> kind, RecordQuery query) {
        List<R> out = new ArrayList<>();
        Consumer<List<R>> add = out::addAll;
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<R> p = session.records(kind).query(query, page.get());
            add.accept(p.items());
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return out;
    }
}
