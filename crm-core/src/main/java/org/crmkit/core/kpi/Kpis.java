package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.CampaignRecord;
import org.crmkit.spi.sales.CampaignRevenueRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.OrderLineRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.OrderStatusChangeRecord;
import org.crmkit.spi.service.KnowledgeArticleRecord;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.service.WorkOrderStepRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TimelineEntryRecord;

/**
 * Measures the tenant from its own records (domain §11): evaluates SMART {@link KpiDefinition}s,
 * ranks staff by the sales gross margin, sales points and service score methods, and computes the
 * customer-centric and enterprise balanced scorecards.
 *
 * <p>Read-only: each call reads one consistent unit of work of its tenant and writes nothing.
 * A moment belongs to a period when its date in the zone of the clock lies within it; recurring
 * time frames are resolved for the clock's current date. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Kpis {

    private static final String DELIVERED = "DELIVERED";
    private static final String ANSWERED = "ANSWERED";
    private static final String RESOLVED = "RESOLVED";
    private static final String CLOSED = "CLOSED";
    private static final String INTERACTION = "INTERACTION";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final int SATISFIED_FROM = 4;

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant  the tenant every call is confined to; not null
     * @param storage where the records are kept; not null
     * @param clock   the source of today's date and of the zone moments are dated in; not null
     */
    public Kpis(TenantId tenant, CrmStorage storage, Clock clock) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.zone = clock.getZone();
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    // ------------------------------------------------------------------ KPIs

    /**
     * Evaluates a KPI over the period its time frame gives for today (the clock's date).
     *
     * @param definition the KPI; not null
     * @return the result
     */
    public KpiResult evaluate(KpiDefinition definition) {
        Objects.requireNonNull(definition, "definition must not be null");
        return evaluate(definition, definition.timeFrame().periodFor(LocalDate.now(clock)));
    }

    /**
     * Evaluates a KPI over a given period (to look back at an earlier month, say).
     *
     * @param definition the KPI; not null
     * @param period     the period; not null
     * @return the result, with the records behind the actual value
     */
    public KpiResult evaluate(KpiDefinition definition, KpiPeriod period) {
        Objects.requireNonNull(definition, "definition must not be null");
        Objects.requireNonNull(period, "period must not be null");
        return storage.inTransaction(tenant.value(), s -> evaluate(new Snapshot(s), definition, period));
    }

    /**
     * Evaluates several KPIs, each over the period its time frame gives for today, in one unit of work.
     *
     * @param definitions the KPIs; not null, no nulls
     * @return the results, in the order given
     */
    public List<KpiResult> evaluateAll(Collection<KpiDefinition> definitions) {
        Objects.requireNonNull(definitions, "definitions must not be null");
        LocalDate today = LocalDate.now(clock);
        List<KpiDefinition> copy = List.copyOf(definitions);
        return storage.inTransaction(tenant.value(), s -> {
            Snapshot snapshot = new Snapshot(s);
            return copy.stream().map(d -> evaluate(snapshot, d, d.timeFrame().periodFor(today))).toList();
        });
    }

    /**
     * The enterprise balanced scorecard of a set of KPIs: each evaluated as {@link #evaluateAll}
     * does, grouped by the {@linkplain Measure#perspective() perspective} of its measure.
     *
     * @param definitions the KPIs; not null
     * @return the scorecard; every perspective present
     */
    public EnterpriseScorecard enterpriseScorecard(Collection<KpiDefinition> definitions) {
        Map<EnterprisePerspective, List<KpiResult>> byPerspective = new EnumMap<>(EnterprisePerspective.class);
        for (KpiResult r : evaluateAll(definitions)) {
            byPerspective.computeIfAbsent(r.definition().measure().perspective(), p -> new ArrayList<>()).add(r);
        }
        return new EnterpriseScorecard(byPerspective);
    }

    private KpiResult evaluate(Snapshot data, KpiDefinition d, KpiPeriod period) {
        List<KpiFigure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        KpiOwner owner = d.owner();
        Optional<BigDecimal> actual = switch (d.measure()) {
            case WON_OPPORTUNITY_AMOUNT -> {
                Money sum = Money.zero(d.currency());
                for (OpportunityRecord o : data.opportunities().values()) {
                    if ("WON".equals(o.status()) && o.closedAt() != null && period.contains(day(o.closedAt()))
                            && owner.covers(o.ownerId())) {
                        if (!o.amount().currency().equals(d.currency())) {
                            notes.add("opportunity " + o.id() + " left out: in " + o.amount().currency());
                            continue;
                        }
                        Money amount = money(o.amount());
                        sum = sum.plus(amount);
                        figures.add(new KpiFigure("opportunity", o.id(), amount.amount(),
                                o.ownerId() + ", won " + day(o.closedAt())));
                    }
                }
                yield Optional.of(sum.amount());
            }
            case DELIVERED_ORDERS, DELIVERED_REVENUE -> {
                boolean revenue = d.measure() == Measure.DELIVERED_REVENUE;
                Money sum = revenue ? Money.zero(d.currency()) : null;
                long count = 0;
                for (OrderRecord o : data.deliveredIn(period)) {
                    String staff = data.salesperson(o);
                    if (!owner.covers(staff)) {
                        continue;
                    }
                    String note = staff + ", delivered " + day(deliveredAt(o).orElseThrow());
                    if (!revenue) {
                        count++;
                        figures.add(new KpiFigure("order", o.id(), BigDecimal.ONE, note));
                    } else if (o.netTotal().currency().equals(d.currency())) {
                        Money net = money(o.netTotal());
                        sum = sum.plus(net);
                        figures.add(new KpiFigure("order", o.id(), net.amount(), note));
                    } else {
                        notes.add("order " + o.id() + " left out: in " + o.netTotal().currency());
                    }
                }
                yield Optional.of(revenue ? sum.amount() : BigDecimal.valueOf(count));
            }
            case AVERAGE_SURVEY_SCORE, CSAT -> {
                long answered = 0;
                long satisfied = 0;
                long total = 0;
                for (SatisfactionSurveyRecord sv : data.answeredIn(period)) {
                    String staff = data.surveyStaff(sv);
                    if (!owner.covers(staff)) {
                        continue;
                    }
                    answered++;
                    total += sv.answer().score();
                    satisfied += sv.answer().score() >= SATISFIED_FROM ? 1 : 0;
                    figures.add(new KpiFigure("survey", sv.id(), BigDecimal.valueOf(sv.answer().score()),
                            (staff == null ? "nobody" : staff) + ", " + sv.trigger() + ", answered "
                                    + day(sv.answer().answeredAt())));
                }
                if (answered == 0) {
                    notes.add("no survey answered in the period");
                    yield Optional.empty();
                }
                yield Optional.of(d.measure() == Measure.CSAT ? percent(satisfied, answered)
                        : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(answered), 2, RoundingMode.HALF_UP));
            }
            case WORK_ORDERS_RESOLVED -> {
                long count = 0;
                for (WorkOrderRecord w : data.workOrders()) {
                    Optional<WorkOrderStepRecord> step = w.steps().stream()
                            .filter(st -> RESOLVED.equals(st.what()) && period.contains(day(st.at()))
                                    && owner.covers(st.by()))
                            .findFirst();
                    if (step.isPresent()) {
                        count++;
                        figures.add(new KpiFigure("work order", w.id(), BigDecimal.ONE,
                                step.get().by() + ", resolved " + day(step.get().at())));
                    }
                }
                yield Optional.of(BigDecimal.valueOf(count));
            }
            case CAMPAIGN_RETURN -> {
                Money revenue = Money.zero(d.currency());
                Money cost = Money.zero(d.currency());
                for (CampaignRecord c : data.campaigns()) {
                    if (!owner.covers(c.ownerId()) || !period.overlaps(c.startDate(), c.endDate())) {
                        continue;
                    }
                    if (!c.actualCost().currency().equals(d.currency())) {
                        notes.add("campaign " + c.id() + " left out: in " + c.actualCost().currency());
                        continue;
                    }
                    Money campaignRevenue = data.campaignRevenue(c, notes);
                    revenue = revenue.plus(campaignRevenue);
                    cost = cost.plus(money(c.actualCost()));
                    figures.add(new KpiFigure("campaign", c.id(), campaignRevenue.amount(),
                            c.name() + ", cost " + money(c.actualCost())));
                }
                if (cost.isZero()) {
                    notes.add("no campaign cost recorded: no return");
                    yield Optional.empty();
                }
                yield Optional.of(revenue.amount().divide(cost.amount(), 4, RoundingMode.HALF_UP));
            }
            case NEW_CUSTOMERS -> {
                long count = 0;
                for (CustomerRecord c : data.customers()) {
                    String first = c.ownerHistory().isEmpty() ? c.ownerId() : c.ownerHistory().get(0).ownerId();
                    if (period.contains(day(c.createdAt())) && owner.covers(first)) {
                        count++;
                        figures.add(new KpiFigure("customer", c.id(), BigDecimal.ONE,
                                first + ", registered " + day(c.createdAt())));
                    }
                }
                yield Optional.of(BigDecimal.valueOf(count));
            }
            case KNOWLEDGE_ARTICLES_PUBLISHED -> {
                long count = 0;
                for (KnowledgeArticleRecord a : data.articles()) {
                    if (a.published() && period.contains(day(a.createdAt())) && owner.covers(a.publishedBy())) {
                        count++;
                        figures.add(new KpiFigure("article", a.id(), BigDecimal.ONE,
                                a.publishedBy() + ", " + day(a.createdAt())));
                    }
                }
                yield Optional.of(BigDecimal.valueOf(count));
            }
        };
        return new KpiResult(d, period, actual, figures, notes);
    }

    // ------------------------------------------------------------------ staff evaluation

    /**
     * The sales gross margin method (domain §11): the margin each salesperson brought in over the
     * period. For every order delivered in the period, credited to the current owner of the
     * opportunity it came from, and every line of it: {@code revenue = line net amount},
     * {@code cost = unit cost × quantity} (rounded half up to the currency),
     * {@code margin = revenue − cost}. A row adds up its costed lines; lines whose product has no
     * unit cost are reported without one and add to the row's uncosted revenue, not to its margin.
     * Orders in another currency are left out and named in the notes.
     *
     * @param period   the period; not null
     * @param currency the ISO 4217 code of the orders evaluated; not blank
     * @param costs    the unit cost of each product, in {@code currency}; not null
     * @return the salespeople ranked by margin, highest first
     * @throws ValidationException on {@code currency} if the code is unknown; on {@code unitCosts}
     *                             if a unit cost is in another currency than {@code currency}
     */
    public StaffRanking<MarginRow> salesGrossMargin(KpiPeriod period, String currency, UnitCosts costs) {
        Objects.requireNonNull(period, "period must not be null");
        Currency cur = Money.currency(currency);
        if (costs == null) {
            throw new ValidationException("unitCosts", "must not be null");
        }
        List<String> notes = new ArrayList<>();
        Map<String, List<MarginLine>> byStaff = new TreeMap<>();
        storage.useTransaction(tenant.value(), s -> {
            Snapshot data = new Snapshot(s);
            for (OrderRecord o : data.deliveredIn(period)) {
                String staff = data.salesperson(o);
                if (staff == null) {
                    notes.add("order " + o.id() + " left out: its opportunity is unknown");
                    continue;
                }
                if (!o.netTotal().currency().equals(cur.getCurrencyCode())) {
                    notes.add("order " + o.id() + " left out: in " + o.netTotal().currency());
                    continue;
                }
                LocalDate on = day(deliveredAt(o).orElseThrow());
                for (OrderLineRecord line : o.lines()) {
                    Money revenue = money(line.net());
                    Optional<Money> unitCost = Objects.requireNonNull(costs.unitCost(line.productId()),
                            "unitCosts must not return null");
                    unitCost.ifPresent(c -> {
                        if (!c.currency().equals(cur)) {
                            throw new ValidationException("unitCosts", "must be in " + cur.getCurrencyCode()
                                    + " like the orders, for product " + line.productId(), c);
                        }
                    });
                    Optional<Money> cost = unitCost.map(c -> c.times(line.quantity()));
                    byStaff.computeIfAbsent(staff, k -> new ArrayList<>()).add(new MarginLine(o.id(), on,
                            line.productId(), line.quantity(), revenue, unitCost, cost, cost.map(revenue::minus)));
                }
            }
        });
        Money zero = Money.zero(cur);
        return new StaffRanking<>("sales gross margin", period, rank(byStaff, lines -> {
            Money revenue = zero;
            Money cost = zero;
            for (MarginLine l : lines) {
                if (l.costed()) {
                    revenue = revenue.plus(l.revenue());
                    cost = cost.plus(l.cost().orElseThrow());
                }
            }
            return revenue.minus(cost).amount();
        }, (rank, staff, lines) -> {
            Money revenue = zero;
            Money cost = zero;
            Money uncosted = zero;
            for (MarginLine l : lines) {
                if (l.costed()) {
                    revenue = revenue.plus(l.revenue());
                    cost = cost.plus(l.cost().orElseThrow());
                } else {
                    uncosted = uncosted.plus(l.revenue());
                }
            }
            return new MarginRow(rank, staff, revenue, cost, revenue.minus(cost), uncosted, lines);
        }), notes);
    }

    /**
     * The sales points method (domain §11): for every order delivered in the period, credited to
     * the current owner of its opportunity, and every line of it,
     * {@code points = points per unit of the product × quantity}; a product not in the table
     * earns none (its line is still listed). A salesperson's points are the sum of their lines'.
     *
     * @param period the period; not null
     * @param table  the points per unit of each product; not null
     * @return the salespeople ranked by points, highest first
     */
    public StaffRanking<PointsRow> salesPoints(KpiPeriod period, PointsTable table) {
        Objects.requireNonNull(period, "period must not be null");
        if (table == null) {
            throw new ValidationException("pointsTable", "must not be null");
        }
        List<String> notes = new ArrayList<>();
        Map<String, List<PointsLine>> byStaff = new TreeMap<>();
        storage.useTransaction(tenant.value(), s -> {
            Snapshot data = new Snapshot(s);
            for (OrderRecord o : data.deliveredIn(period)) {
                String staff = data.salesperson(o);
                if (staff == null) {
                    notes.add("order " + o.id() + " left out: its opportunity is unknown");
                    continue;
                }
                LocalDate on = day(deliveredAt(o).orElseThrow());
                for (OrderLineRecord line : o.lines()) {
                    Optional<BigDecimal> perUnit = table.pointsFor(line.productId());
                    byStaff.computeIfAbsent(staff, k -> new ArrayList<>()).add(new PointsLine(o.id(), on,
                            line.productId(), line.quantity(), perUnit,
                            perUnit.map(p -> p.multiply(line.quantity())).orElse(BigDecimal.ZERO)));
                }
            }
        });
        return new StaffRanking<>("sales points", period, rank(byStaff, Kpis::sumPoints,
                (rank, staff, lines) -> new PointsRow(rank, staff, sumPoints(lines), lines)), notes);
    }

    /**
     * The service score method (domain §11): for every work order closed in the period, credited
     * to the staff member who last resolved it (or, failing that, its assignee),
     * {@code score = points by priority × rating / 5}, where the rating is the customer's score on
     * the answered survey after that service (1 to 5). A work order without an answered survey
     * counts with {@link ServicePoints#unratedRating()} instead (3 by default: neither rewarded nor
     * zeroed). A staff member's score is the sum of their lines'. Work orders nobody can be
     * credited with are named in the notes.
     *
     * @param period the period (the day of the work order's last {@code CLOSED} step); not null
     * @param points points by priority and the rating of unrated work orders; not null
     * @return the service staff ranked by score, highest first
     */
    public StaffRanking<ServiceRow> serviceScore(KpiPeriod period, ServicePoints points) {
        Objects.requireNonNull(period, "period must not be null");
        if (points == null) {
            throw new ValidationException("servicePoints", "must not be null");
        }
        List<String> notes = new ArrayList<>();
        Map<String, List<ServiceLine>> byStaff = new TreeMap<>();
        storage.useTransaction(tenant.value(), s -> {
            Snapshot data = new Snapshot(s);
            for (WorkOrderRecord w : data.workOrders()) {
                Optional<WorkOrderStepRecord> closed = last(w.steps(), CLOSED);
                if (!CLOSED.equals(w.status()) || closed.isEmpty() || !period.contains(day(closed.get().at()))) {
                    continue;
                }
                String staff = last(w.steps(), RESOLVED).map(WorkOrderStepRecord::by).orElse(w.assigneeId());
                if (staff == null) {
                    notes.add("work order " + w.id() + " left out: nobody resolved it");
                    continue;
                }
                WorkOrderPriority priority = WorkOrderPriority.valueOf(w.priority());
                BigDecimal base = points.pointsFor(priority);
                Optional<Integer> rating = data.serviceRating(w.id());
                BigDecimal used = rating.map(BigDecimal::valueOf).orElse(points.unratedRating());
                // x × r / 5 always terminates in decimal, so the score is exact
                BigDecimal score = base.multiply(used).divide(FIVE);
                byStaff.computeIfAbsent(staff, k -> new ArrayList<>()).add(new ServiceLine(w.id(),
                        day(closed.get().at()), priority, base, rating, used, score));
            }
        });
        return new StaffRanking<>("service score", period, rank(byStaff, Kpis::sumScores,
                (rank, staff, lines) -> new ServiceRow(rank, staff, sumScores(lines),
                        (int) lines.stream().filter(l -> l.rating().isPresent()).count(), lines)), notes);
    }

    // ------------------------------------------------------------------ customer-centric scorecard

    /**
     * The customer-centric balanced scorecard (domain §11) over a period; the formula of each
     * dimension is on {@link CustomerScorecard}'s parts.
     *
     * @param period   the period; not null
     * @param currency the ISO 4217 code customer value is counted in; not blank
     * @return the scorecard
     * @throws ValidationException on {@code currency} if the code is unknown
     */
    public CustomerScorecard customerScorecard(KpiPeriod period, String currency) {
        Objects.requireNonNull(period, "period must not be null");
        Currency cur = Money.currency(currency);
        return storage.inTransaction(tenant.value(), s -> {
            Snapshot data = new Snapshot(s);
            List<CustomerRecord> base = data.customers().stream()
                    .filter(c -> !day(c.createdAt()).isAfter(period.to())).toList();
            return new CustomerScorecard(period, value(data, period, cur), satisfaction(data, period),
                    interaction(s, data, period, base), knowledge(base));
        });
    }

    private CustomerScorecard.Value value(Snapshot data, KpiPeriod period, Currency cur) {
        Map<UUID, Integer> ordersByCustomer = new HashMap<>();
        Set<UUID> inCurrency = new HashSet<>();
        Money net = Money.zero(cur);
        int delivered = 0;
        int other = 0;
        for (OrderRecord o : data.deliveredIn(period)) {
            delivered++;
            ordersByCustomer.merge(o.customerId(), 1, Integer::sum);
            if (o.netTotal().currency().equals(cur.getCurrencyCode())) {
                net = net.plus(money(o.netTotal()));
                inCurrency.add(o.customerId());
            } else {
                other++;
            }
        }
        int buying = ordersByCustomer.size();
        int repeat = (int) ordersByCustomer.values().stream().filter(n -> n >= 2).count();
        Optional<Money> average = inCurrency.isEmpty() ? Optional.empty()
                : Optional.of(new Money(net.amount().divide(BigDecimal.valueOf(inCurrency.size()),
                cur.getDefaultFractionDigits(), Money.ROUNDING), cur));
        return new CustomerScorecard.Value(delivered, buying, repeat, percentOrEmpty(repeat, buying), net, average,
                other);
    }

    private CustomerScorecard.Satisfaction satisfaction(Snapshot data, KpiPeriod period) {
        int answered = 0;
        int satisfied = 0;
        long total = 0;
        for (SatisfactionSurveyRecord sv : data.answeredIn(period)) {
            answered++;
            total += sv.answer().score();
            satisfied += sv.answer().score() >= SATISFIED_FROM ? 1 : 0;
        }
        Optional<BigDecimal> mean = answered == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(total).divide(BigDecimal.valueOf(answered), 2, RoundingMode.HALF_UP));
        return new CustomerScorecard.Satisfaction(answered, satisfied, percentOrEmpty(satisfied, answered), mean);
    }

    private CustomerScorecard.Interaction interaction(StorageSession s, Snapshot data, KpiPeriod period,
                                                      List<CustomerRecord> base) {
        Map<String, int[]> byChannel = new TreeMap<>(); // sent, answered, interactions
        for (SatisfactionSurveyRecord sv : data.surveys()) {
            if (period.contains(day(sv.sentAt()))) {
                int[] c = byChannel.computeIfAbsent(sv.channel(), k -> new int[3]);
                c[0]++;
                c[1] += ANSWERED.equals(sv.status()) ? 1 : 0;
            }
        }
        for (CustomerRecord customer : base) {
            for (TimelineEntryRecord e : timeline(s, customer.id())) {
                if (INTERACTION.equals(e.kind()) && e.channel() != null && period.contains(day(e.occurredAt()))) {
                    byChannel.computeIfAbsent(e.channel(), k -> new int[3])[2]++;
                }
            }
        }
        List<CustomerScorecard.ChannelFigures> rows = new ArrayList<>();
        int customers = base.size();
        byChannel.forEach((channel, c) -> {
            Optional<BigDecimal> perCustomer = customers == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(c[2])
                    .divide(BigDecimal.valueOf(customers), 4, RoundingMode.HALF_UP));
            rows.add(new CustomerScorecard.ChannelFigures(channel, c[0], c[1], percentOrEmpty(c[1], c[0]), c[2],
                    perCustomer));
        });
        return new CustomerScorecard.Interaction(customers, rows);
    }

    private static CustomerScorecard.Knowledge knowledge(List<CustomerRecord> base) {
        int contact = 0;
        int consent = 0;
        int attributes = 0;
        int address = 0;
        for (CustomerRecord c : base) {
            contact += c.contactPoints().isEmpty() ? 0 : 1;
            consent += c.consents().isEmpty() ? 0 : 1;
            attributes += c.attributes().isEmpty() ? 0 : 1;
            address += c.postalAddresses().isEmpty() ? 0 : 1;
        }
        return new CustomerScorecard.Knowledge(base.size(), contact, consent, attributes, address,
                percentOrEmpty(contact + consent + attributes + address, 4L * base.size()));
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface RowMaker<L, R> {
        R make(int rank, StaffId staff, List<L> lines);
    }

    /** Competition ranking ("1224"): best score first, ties share a rank and are ordered by staff id. */
    private static <L, R extends RankedRow> List<R> rank(Map<String, List<L>> byStaff,
                                                         Function<List<L>, BigDecimal> score, RowMaker<L, R> make) {
        List<Map.Entry<String, BigDecimal>> scored = new ArrayList<>();
        byStaff.forEach((staff, lines) -> scored.add(Map.entry(staff, score.apply(lines))));
        scored.sort(Comparator.<Map.Entry<String, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<R> rows = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            int rank = i > 0 && scored.get(i).getValue().compareTo(scored.get(i - 1).getValue()) == 0
                    ? rows.get(i - 1).rank() : i + 1;
            String staff = scored.get(i).getKey();
            rows.add(make.make(rank, StaffId.of(staff), byStaff.get(staff)));
        }
        return rows;
    }

    private static BigDecimal sumPoints(List<PointsLine> lines) {
        return lines.stream().map(PointsLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumScores(List<ServiceLine> lines) {
        return lines.stream().map(ServiceLine::score).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Optional<WorkOrderStepRecord> last(List<WorkOrderStepRecord> steps, String what) {
        WorkOrderStepRecord found = null;
        for (WorkOrderStepRecord st : steps) {
            if (what.equals(st.what())) {
                found = st;
            }
        }
        return Optional.ofNullable(found);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static Optional<BigDecimal> percentOrEmpty(long part, long whole) {
        return whole == 0 ? Optional.empty() : Optional.of(percent(part, whole));
    }

    private static Money money(MoneyRecord m) {
        return Money.of(m.amount(), m.currency());
    }

    private static Optional<Instant> deliveredAt(OrderRecord o) {
        Instant at = null;
        for (OrderStatusChangeRecord h : o.history()) {
            if (DELIVERED.equals(h.status())) {
                at = h.at();
            }
        }
        return Optional.ofNullable(at);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    private static List<TimelineEntryRecord> timeline(StorageSession s, UUID customer) {
        List<TimelineEntryRecord> out = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<TimelineEntryRecord> p = s.timeline().forCustomer(customer, page.get());
            out.addAll(p.items());
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return out;
    }

    private static <R extends StoredRecord> List<R> all(StorageSession s, RecordKind<R> kind) {
        List<R> out = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<R> p = s.records(kind).query(RecordQuery.all(), page.get());
            out.addAll(p.items());
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return out;
    }

    /** The records of one unit of work, each kind read at most once and only when needed. */
    private final class Snapshot {
        private final StorageSession session;
        private List<OrderRecord> orders;
        private Map<UUID, OpportunityRecord> opportunities;
        private List<SatisfactionSurveyRecord> surveys;
        private Map<UUID, WorkOrderRecord> workOrders;
        private List<CampaignRecord> campaigns;
        private List<CustomerRecord> customers;
        private List<KnowledgeArticleRecord> articles;

        Snapshot(StorageSession session) {
            this.session = session;
        }

        List<OrderRecord> orders() {
            if (orders == null) {
                orders = all(session, OrderRecord.KIND);
            }
            return orders;
        }

        Map<UUID, OpportunityRecord> opportunities() {
            if (opportunities == null) {
                opportunities = new LinkedHashMap<>();
                all(session, OpportunityRecord.KIND).forEach(o -> opportunities.put(o.id(), o));
            }
            return opportunities;
        }

        List<SatisfactionSurveyRecord> surveys() {
            if (surveys == null) {
                surveys = all(session, SatisfactionSurveyRecord.KIND);
            }
            return surveys;
        }

        Collection<WorkOrderRecord> workOrders() {
            return workOrderMap().values();
        }

        private Map<UUID, WorkOrderRecord> workOrderMap() {
            if (workOrders == null) {
                workOrders = new LinkedHashMap<>();
                all(session, WorkOrderRecord.KIND).forEach(w -> workOrders.put(w.id(), w));
            }
            return workOrders;
        }

        List<CampaignRecord> campaigns() {
            if (campaigns == null) {
                campaigns = all(session, CampaignRecord.KIND);
            }
            return campaigns;
        }

        List<KnowledgeArticleRecord> articles() {
            if (articles == null) {
                articles = all(session, KnowledgeArticleRecord.KIND);
            }
            return articles;
        }

        List<CustomerRecord> customers() {
            if (customers == null) {
                customers = new ArrayList<>();
                Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
                while (page.isPresent()) {
                    Page<CustomerRecord> p = session.customers().query(CustomerQuery.all(), page.get());
                    customers.addAll(p.items());
                    page = p.items().isEmpty() ? Optional.empty() : p.next();
                }
            }
            return customers;
        }

        /** Delivered orders whose delivery falls in the period, in delivery order (then id). */
        List<OrderRecord> deliveredIn(KpiPeriod period) {
            return orders().stream()
                    .filter(o -> DELIVERED.equals(o.status()))
                    .filter(o -> deliveredAt(o).map(at -> period.contains(day(at))).orElse(false))
                    .sorted(Comparator.comparing((OrderRecord o) -> deliveredAt(o).orElseThrow())
                            .thenComparing(OrderRecord::id))
                    .toList();
        }

        /** Surveys answered in the period. */
        List<SatisfactionSurveyRecord> answeredIn(KpiPeriod period) {
            return surveys().stream()
                    .filter(sv -> ANSWERED.equals(sv.status()) && sv.answer() != null
                            && period.contains(day(sv.answer().answeredAt())))
                    .toList();
        }

        /** The current owner of the order's opportunity; null if it is unknown. */
        String salesperson(OrderRecord o) {
            OpportunityRecord opp = opportunities().get(o.opportunityId());
            return opp == null ? null : opp.ownerId();
        }

        /** A service survey's work-order assignee, a delivery survey's salesperson; null if none. */
        String surveyStaff(SatisfactionSurveyRecord sv) {
            if (sv.workOrderId() != null) {
                WorkOrderRecord w = workOrderMap().get(sv.workOrderId());
                return w == null ? null : w.assigneeId();
            }
            if (sv.orderId() != null) {
                return orders().stream().filter(o -> o.id().equals(sv.orderId())).findFirst()
                        .map(this::salesperson).orElse(null);
            }
            return null;
        }

        /** The score of the latest answered survey after service about the work order. */
        Optional<Integer> serviceRating(UUID workOrder) {
            return surveys().stream()
                    .filter(sv -> workOrder.equals(sv.workOrderId()) && ANSWERED.equals(sv.status())
                            && sv.answer() != null)
                    .max(Comparator.comparing((SatisfactionSurveyRecord sv) -> sv.answer().answeredAt()))
                    .map(sv -> sv.answer().score());
        }

        /** Delivered net in the campaign's currency plus hand-attributed revenue not from those orders. */
        Money campaignRevenue(CampaignRecord c, List<String> notes) {
            String code = c.actualCost().currency();
            Money revenue = Money.zero(code);
            Set<UUID> counted = new HashSet<>();
            for (OrderRecord o : orders()) {
                if (DELIVERED.equals(o.status()) && c.id().equals(o.campaignId())) {
                    // revenue is the net, as in SalesFlowAnalytics#campaignReturn: tax is collected, not earned
                    if (o.netTotal().currency().equals(code)) {
                        revenue = revenue.plus(money(o.netTotal()));
                        counted.add(o.id());
                    } else {
                        notes.add("order " + o.id() + " of campaign " + c.id() + " left out: in "
                                + o.netTotal().currency());
                    }
                }
            }
            for (CampaignRevenueRecord r : c.revenue()) {
                if (!counted.contains(r.sourceId()) && r.amount().currency().equals(code)) {
                    revenue = revenue.plus(money(r.amount()));
                }
            }
            return revenue;
        }
    }
}
