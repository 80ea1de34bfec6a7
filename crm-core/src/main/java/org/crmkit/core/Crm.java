package org.crmkit.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.feedback.FeedbackService;
import org.crmkit.core.loyalty.CustomerClub;
import org.crmkit.core.loyalty.EarnRule;
import org.crmkit.core.memory.InMemoryChannel;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.campaign.Campaigns;
import org.crmkit.core.sales.flow.LeadConversion;
import org.crmkit.core.sales.flow.SalesFlowAnalytics;
import org.crmkit.core.sales.lead.LeadScoringModel;
import org.crmkit.core.sales.lead.Leads;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Pipelines;
import org.crmkit.core.sales.order.Orders;
import org.crmkit.core.sales.quote.DiscountPolicy;
import org.crmkit.core.sales.quote.Quotes;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.core.service.DispatchStrategy;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.ServiceLevelPolicy;
import org.crmkit.core.messaging.Messaging;
import org.crmkit.spi.channel.ChannelType;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.channel.MessageChannel;
import org.crmkit.spi.fulfillment.OrderFulfillment;
import org.crmkit.spi.storage.CrmStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of crmkit: one embedded CRM, its storage, channels and clock.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .storage(JdbcStorage.create(dataSource))
 *         .channel(mySmsGateway)
 *         .clock(Clock.systemUTC())
 *         .build();
 * Customers customers = crm.customers("acme");
 * }</pre>
 *
 * <p>For labs and tests, {@link #inMemory()} keeps everything in memory.
 *
 * <p>Providers (storage, channels, listeners) are registered explicitly on the builder; nothing
 * is discovered from the class path unless asked for ({@link Builder#discoverChannels()}). A {@code Crm} is immutable and thread-safe; build one per
 * application and share it.
 *
 * @since 0.1
 */
public final class Crm {
    private static final Logger LOG = LoggerFactory.getLogger(Crm.class);

    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final Map<ChannelType, MessageChannel> channels;
    private final List<DomainEventListener> listeners;
    private final ProductCatalog catalog;
    private final OrderFulfillment fulfillment;
    private final DiscountPolicy discountPolicy;
    private final LeadScoringModel leadScoring;
    private final EarnRule earnRule;
    private final ServiceLevelPolicy serviceLevels;
    private final DispatchStrategy dispatchStrategy;

    private Crm(Builder b) {
        this.storage = b.storage;
        this.clock = b.clock;
        this.ids = b.ids == null ? IdGenerator.timeOrdered(b.clock) : b.ids;
        this.channels = Map.copyOf(b.channels);
        this.listeners = List.copyOf(b.listeners);
        this.catalog = b.catalog;
        this.fulfillment = b.fulfillment;
        this.discountPolicy = b.discountPolicy;
        this.leadScoring = b.leadScoring;
        this.earnRule = b.earnRule;
        this.serviceLevels = b.serviceLevels;
        this.dispatchStrategy = b.dispatchStrategy;
    }

    /** @return a builder; only {@link Builder#storage(CrmStorage)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A CRM that keeps everything in memory, with the system clock (UTC), an in-memory channel
     * for every channel type that records what it was asked to send, an empty in-memory product
     * catalogue and an in-memory back office ({@link InMemoryOrderFulfillment}) that accepts every
     * order. Nothing survives the JVM.
     */
    public static Crm inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /** Same as {@link #inMemory()}, with the given clock. */
    public static Crm inMemory(Clock clock) {
        return builder().storage(InMemoryStorage.create()).clock(clock).channel(InMemoryChannel.create(clock))
                .productCatalog(InMemoryProductCatalog.empty()).orderFulfillment(InMemoryOrderFulfillment.create(clock))
                .build();
    }

    /**
     * @param tenant the tenant id
     * @return the customers of that tenant
     * @throws org.crmkit.spi.ValidationException if {@code tenant} is not a valid tenant id
     */
    public Customers customers(String tenant) {
        return customers(TenantId.of(tenant));
    }

    /** @return the customers of that tenant */
    public Customers customers(TenantId tenant) {
        return new Customers(tenant, storage, clock, ids, this::publish);
    }

    /** @return consent-checked messaging to the customers of that tenant */
    public Messaging messaging(String tenant) {
        return messaging(TenantId.of(tenant));
    }

    /** @return consent-checked messaging to the customers of that tenant */
    public Messaging messaging(TenantId tenant) {
        return new Messaging(customers(tenant), channels, clock, ids);
    }

    /** @return the marketing campaigns of that tenant */
    public Campaigns campaigns(String tenant) {
        return new Campaigns(TenantId.of(tenant), storage, clock, ids, this::publish);
    }

    /** @return the leads of that tenant, scored by the builder's {@link Builder#leadScoring model} */
    public Leads leads(String tenant) {
        TenantId id = TenantId.of(tenant);
        return leadScoring == null ? new Leads(id, storage, clock, ids, this::publish)
                : new Leads(id, storage, clock, ids, this::publish, leadScoring);
    }

    /** @return converting qualified leads into customers and opportunities, in one step, for that tenant */
    public LeadConversion leadConversion(String tenant) {
        TenantId id = TenantId.of(tenant);
        return new LeadConversion(id, storage, clock, ids, this::publish, customers(id));
    }

    /** @return the sales pipelines of that tenant */
    public Pipelines pipelines(String tenant) {
        return new Pipelines(TenantId.of(tenant), storage, clock, ids, this::publish);
    }

    /** @return the opportunities of that tenant */
    public Opportunities opportunities(String tenant) {
        return new Opportunities(TenantId.of(tenant), storage, clock, ids, this::publish);
    }

    /**
     * @return the quotes of that tenant, priced from the registered product catalogue
     * @throws IllegalStateException if no {@link Builder#productCatalog catalogue} was registered
     */
    public Quotes quotes(String tenant) {
        if (catalog == null) {
            throw new IllegalStateException("no ProductCatalog registered: quotes need one; register it with "
                    + "Crm.builder().productCatalog(...)");
        }
        return new Quotes(TenantId.of(tenant), storage, clock, ids, this::publish, catalog, discountPolicy);
    }

    /**
     * @return the orders of that tenant, handed to the registered back office
     * @throws IllegalStateException if no {@link Builder#orderFulfillment back office} was registered
     */
    public Orders orders(String tenant) {
        if (fulfillment == null) {
            throw new IllegalStateException("no OrderFulfillment registered: orders need a back office; register it "
                    + "with Crm.builder().orderFulfillment(...)");
        }
        return new Orders(TenantId.of(tenant), storage, clock, ids, this::publish, fulfillment);
    }

    /**
     * @return work orders, service agents and the self-service knowledge base of that tenant, with the
     *         builder's {@link Builder#serviceLevels service levels} and {@link Builder#dispatchStrategy dispatch};
     *         a club member is served at least at the level of their tier's service level code
     */
    public ServiceDesk serviceDesk(String tenant) {
        CustomerClub club = club(tenant);
        return new ServiceDesk(TenantId.of(tenant), storage, clock, ids, this::publish, serviceLevels,
                dispatchStrategy, club::serviceLevelWithin);
    }

    /** @return the satisfaction surveys of that tenant */
    public Surveys surveys(String tenant) {
        return new Surveys(TenantId.of(tenant), storage, clock, ids, this::publish);
    }

    /** @return the survey definitions, responses, scores and trends of that tenant */
    public org.crmkit.core.satisfaction.questionnaire.Questionnaires questionnaires(String tenant) {
        return new org.crmkit.core.satisfaction.questionnaire.Questionnaires(TenantId.of(tenant), storage, clock, ids,
                this::publish);
    }

    /** @return the customer club of that tenant, earning points by the builder's {@link Builder#earnRule rule} */
    public CustomerClub club(String tenant) {
        TenantId id = TenantId.of(tenant);
        return earnRule == null ? new CustomerClub(id, storage, clock, ids, this::publish)
                : new CustomerClub(id, storage, clock, ids, this::publish, earnRule);
    }

    /**
     * @return loyalty scores and churn risks of that tenant's customers, from their stored orders and
     *         surveys, with the standard settings; read-only
     */
    public org.crmkit.core.loyalty.scoring.LoyaltyScoring loyaltyScoring(String tenant) {
        return new org.crmkit.core.loyalty.scoring.LoyaltyScoring(TenantId.of(tenant), storage, clock);
    }

    /** @return the customer feedback of that tenant */
    public FeedbackService feedback(String tenant) {
        return new FeedbackService(TenantId.of(tenant), storage, clock, ids, this::publish);
    }

    /** @return the analytics of the sales flow of that tenant: funnel, forecast, cycle, campaign return */
    public SalesFlowAnalytics salesAnalytics(String tenant) {
        return new SalesFlowAnalytics(TenantId.of(tenant), storage, clock, ids, this::publish);
    }

    /** @return the complaint handling of that tenant (domain §10), opening work orders through its service desk */
    public org.crmkit.core.service.complaint.Complaints complaints(String tenant) {
        return new org.crmkit.core.service.complaint.Complaints(TenantId.of(tenant), storage, clock, ids,
                this::publish, serviceDesk(tenant));
    }

    /** @return the read-only self-service deflection report of that tenant's knowledge base */
    public org.crmkit.core.service.KnowledgeBaseReport knowledgeBaseReport(String tenant) {
        return new org.crmkit.core.service.KnowledgeBaseReport(TenantId.of(tenant), storage);
    }

    /** @return the KPIs, staff evaluation and balanced scorecards of that tenant (domain §11), read from its records */
    public org.crmkit.core.kpi.Kpis kpis(String tenant) {
        return new org.crmkit.core.kpi.Kpis(TenantId.of(tenant), storage, clock);
    }

    /** @return the KPI definitions that tenant keeps (stored, revised, retired) */
    public org.crmkit.core.kpi.KpiDefinitions kpiDefinitions(String tenant) {
        return new org.crmkit.core.kpi.KpiDefinitions(TenantId.of(tenant), storage, clock, ids, this::publish);
    }

    /** @return the purchase transactions of that tenant kept for customer analytics (recorded idempotently) */
    public org.crmkit.core.analytics.ledger.PurchaseLedger purchaseLedger(String tenant) {
        return new org.crmkit.core.analytics.ledger.PurchaseLedger(TenantId.of(tenant), storage, clock);
    }

    /** @return that tenant's delivered orders read as transactions; delivery days in the clock's time zone */
    public org.crmkit.core.analytics.ledger.DeliveredOrderTransactions deliveredOrderTransactions(String tenant) {
        return new org.crmkit.core.analytics.ledger.DeliveredOrderTransactions(TenantId.of(tenant), storage,
                clock.getZone());
    }

    /** @return the service that stores analysis results (scores, segments, stage) on that tenant's customers */
    public org.crmkit.core.analytics.writeback.AnalyticsWriteBack analyticsWriteBack(String tenant) {
        return new org.crmkit.core.analytics.writeback.AnalyticsWriteBack(customers(tenant));
    }

    /** @return the product catalogue quotes are priced from, if one was registered */
    public java.util.Optional<ProductCatalog> productCatalog() {
        return java.util.Optional.ofNullable(catalog);
    }

    /** @return the back office orders are handed to, if one was registered */
    public java.util.Optional<OrderFulfillment> orderFulfillment() {
        return java.util.Optional.ofNullable(fulfillment);
    }

    /** @return the storage this CRM uses */
    public CrmStorage storage() {
        return storage;
    }

    /** @return the clock this CRM reads time from */
    public Clock clock() {
        return clock;
    }

    /** @return the message channel registered for {@code type}, if any */
    public java.util.Optional<MessageChannel> channel(ChannelType type) {
        return java.util.Optional.ofNullable(channels.get(type));
    }

    private void publish(DomainEvent event) {
        for (DomainEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.warn("Domain event listener {} failed on {}; the change stays committed",
                        listener.getClass().getName(), event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Configures a {@link Crm}. Not thread-safe. */
    public static final class Builder {
        private CrmStorage storage;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private final Map<ChannelType, MessageChannel> channels = new EnumMap<>(ChannelType.class);
        private final List<DomainEventListener> listeners = new ArrayList<>();
        private ProductCatalog catalog;
        private OrderFulfillment fulfillment;
        private DiscountPolicy discountPolicy = DiscountPolicy.defaults();
        private LeadScoringModel leadScoring;
        private EarnRule earnRule;
        private ServiceLevelPolicy serviceLevels = ServiceLevelPolicy.defaults();
        private DispatchStrategy dispatchStrategy = DispatchStrategy.highestRated();

        private Builder() {
        }

        /** How work orders are dispatched to service agents; default {@link DispatchStrategy#highestRated()}. */
        public Builder dispatchStrategy(DispatchStrategy strategy) {
            this.dispatchStrategy = Objects.requireNonNull(strategy, "dispatchStrategy must not be null");
            return this;
        }

        /** The response and resolution targets of work orders; default {@link ServiceLevelPolicy#defaults()}. */
        public Builder serviceLevels(ServiceLevelPolicy policy) {
            this.serviceLevels = Objects.requireNonNull(policy, "serviceLevels must not be null");
            return this;
        }

        /** The products and price lists quotes are built from (the host's ERP or shop); needed for quotes. */
        public Builder productCatalog(ProductCatalog productCatalog) {
            this.catalog = Objects.requireNonNull(productCatalog, "productCatalog must not be null");
            return this;
        }

        /** The back office (ERP) orders are handed to; needed for orders. */
        public Builder orderFulfillment(OrderFulfillment orderFulfillment) {
            this.fulfillment = Objects.requireNonNull(orderFulfillment, "orderFulfillment must not be null");
            return this;
        }

        /** Which quote discounts need approval; default {@link DiscountPolicy#defaults()} (above 10 %). */
        public Builder discountPolicy(DiscountPolicy policy) {
            this.discountPolicy = Objects.requireNonNull(policy, "discountPolicy must not be null");
            return this;
        }

        /** How leads are scored; default the standard model described on {@link LeadScoringModel}. */
        public Builder leadScoring(LeadScoringModel model) {
            this.leadScoring = Objects.requireNonNull(model, "leadScoring must not be null");
            return this;
        }

        /** How many club points an order earns; default one point per whole currency unit. */
        public Builder earnRule(EarnRule rule) {
            this.earnRule = Objects.requireNonNull(rule, "earnRule must not be null");
            return this;
        }

        /** Where aggregates are kept: {@code InMemoryStorage.create()}, {@code JdbcStorage.create(ds)}, or your own. */
        public Builder storage(CrmStorage crmStorage) {
            this.storage = Objects.requireNonNull(crmStorage, "storage must not be null");
            return this;
        }

        /** The source of time for every timestamp; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "clock must not be null");
            return this;
        }

        /** The source of ids; default time-ordered UUIDs from the clock ({@link IdGenerator#timeOrdered}). */
        public Builder idGenerator(IdGenerator generator) {
            this.ids = Objects.requireNonNull(generator, "idGenerator must not be null");
            return this;
        }

        /**
         * Registers a message channel for every type it {@linkplain MessageChannel#supportedTypes() supports}.
         *
         * @throws IllegalStateException if another channel is already registered for one of those types
         */
        public Builder channel(MessageChannel channel) {
            Objects.requireNonNull(channel, "channel must not be null");
            if (channel.supportedTypes() == null || channel.supportedTypes().isEmpty()) {
                throw new IllegalStateException("channel " + channel.getClass().getName() + " supports no channel type");
            }
            for (ChannelType type : channel.supportedTypes()) {
                MessageChannel existing = channels.get(type);
                if (existing != null && existing != channel) {
                    throw new IllegalStateException("two channels registered for " + type + ": "
                            + existing.getClass().getName() + " and " + channel.getClass().getName());
                }
            }
            channel.supportedTypes().forEach(type -> channels.put(type, channel));
            return this;
        }

        /**
         * Registers every {@link MessageChannel} that {@link ServiceLoader} finds: adapters that
         * declare {@code provides org.crmkit.spi.channel.MessageChannel with ...} in their
         * {@code module-info}, or list their class in
         * {@code META-INF/services/org.crmkit.spi.channel.MessageChannel} on the class path. Nothing
         * is discovered unless this is called.
         *
         * @throws IllegalStateException if no provider is found, or two channels (found or registered
         *                               before) claim the same channel type
         */
        public Builder discoverChannels() {
            List<MessageChannel> found = new ArrayList<>();
            for (MessageChannel channel : ServiceLoader.load(MessageChannel.class, Crm.class.getClassLoader())) {
                found.add(channel);
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("discoverChannels() found no MessageChannel provider; add a channel"
                        + " adapter to the class or module path, or register one with channel(...)");
            }
            found.forEach(this::channel);
            return this;
        }

        /** Adds a listener for committed domain events. */
        public Builder listener(DomainEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /**
         * @return the configured CRM
         * @throws IllegalStateException if no storage was registered
         */
        public Crm build() {
            if (storage == null) {
                throw new IllegalStateException("no storage registered: call storage(...) on the Crm builder,"
                        + " for example storage(InMemoryStorage.create())");
            }
            return new Crm(this);
        }
    }
}
