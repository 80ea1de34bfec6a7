package org.crmkit.core.kpi;

/**
 * The catalogue of measures crmkit can compute from its own stored records: the "measurable" of a
 * SMART KPI. Each constant states its formula. "In the period" means the moment named in the
 * formula falls on a day of the {@link KpiPeriod} (in the zone of the {@link Kpis} clock); "the
 * owner's" means the record's attributed staff member is {@linkplain KpiOwner#covers covered} by
 * the KPI's owner.
 *
 * <p>Attribution of a record to a staff member: an opportunity to its current owner; an order to
 * the current owner of the opportunity it was made from; a work order to the staff member who took
 * the step named in the formula; a survey after service to the work order's assignee, a survey
 * after delivery to the order's salesperson; a campaign to its owner; a customer to the first
 * owner in its owner history (who brought the customer in); an article to who published it.
 *
 * @since 0.1
 */
public enum Measure {

    /**
     * Σ {@code amount} of the owner's opportunities won in the period (their {@code closedAt}),
     * in the definition's currency; opportunities in other currencies are left out and named in
     * the result's notes.
     */
    WON_OPPORTUNITY_AMOUNT(MeasureUnit.MONEY, EnterprisePerspective.FINANCIAL),

    /**
     * Number of the owner's orders delivered in the period (the moment their history entered
     * {@code DELIVERED}).
     */
    DELIVERED_ORDERS(MeasureUnit.COUNT, EnterprisePerspective.INTERNAL_PROCESS),

    /**
     * Σ net total (before tax) of the owner's orders delivered in the period, in the definition's
     * currency; orders in other currencies are left out and named in the notes.
     */
    DELIVERED_REVENUE(MeasureUnit.MONEY, EnterprisePerspective.FINANCIAL),

    /**
     * Mean answer score (1 to 5) of the owner's surveys answered in the period:
     * Σ score / number of answers, two decimals half up. No answer: no value.
     */
    AVERAGE_SURVEY_SCORE(MeasureUnit.SCORE, EnterprisePerspective.CUSTOMER),

    /**
     * CSAT: the share of the owner's surveys answered in the period with a score of 4 or 5 (the
     * top two boxes of the 1-5 scale), in percent: 100 × satisfied / answered, two decimals half
     * up. No answer: no value.
     */
    CSAT(MeasureUnit.PERCENT, EnterprisePerspective.CUSTOMER),

    /**
     * Number of work orders with a {@code RESOLVED} step in the period taken by one of the
     * owner's staff; a work order resolved twice (after a reopen) counts once.
     */
    WORK_ORDERS_RESOLVED(MeasureUnit.COUNT, EnterprisePerspective.INTERNAL_PROCESS),

    /**
     * Return of the owner's campaigns whose run (start to end date) overlaps the period, budgeted
     * in the definition's currency: Σ revenue / Σ actual cost, four decimals half up. A campaign's
     * revenue is, as in {@code SalesFlowAnalytics#campaignReturn}, the net total (before tax) of
     * its delivered orders in its currency plus revenue attributed by hand that is not one of
     * those orders. No cost: no value.
     */
    CAMPAIGN_RETURN(MeasureUnit.RATIO, EnterprisePerspective.FINANCIAL),

    /** Number of customers registered in the period whose first owner is one of the owner's staff. */
    NEW_CUSTOMERS(MeasureUnit.COUNT, EnterprisePerspective.CUSTOMER),

    /**
     * Number of knowledge-base articles created in the period, published now, and published by
     * one of the owner's staff.
     */
    KNOWLEDGE_ARTICLES_PUBLISHED(MeasureUnit.COUNT, EnterprisePerspective.LEARNING_AND_GROWTH);

    private final MeasureUnit unit;
    private final EnterprisePerspective perspective;

    Measure(MeasureUnit unit, EnterprisePerspective perspective) {
        this.unit = unit;
        this.perspective = perspective;
    }

    /** @return what the measure's value is */
    public MeasureUnit unit() {
        return unit;
    }

    /** @return the enterprise balanced-scorecard perspective the measure belongs to */
    public EnterprisePerspective perspective() {
        return perspective;
    }

    /** @return whether a definition of this measure needs a currency (money, and campaign return) */
    public boolean needsCurrency() {
        return unit == MeasureUnit.MONEY || this == CAMPAIGN_RETURN;
    }
}
