/**
 * The crmkit domain model and its services: customers, consent-checked messaging, and the
 * {@link org.crmkit.core.Crm} entry point. Framework-free: no JDBC, no JSON library, no
 * persistence annotations, no logging backend.
 */
module org.crmkit.core {
    requires transitive org.crmkit.spi;
    requires org.slf4j;
    requires static jakarta.validation;
    requires static org.mapstruct;

    exports org.crmkit.core;
    exports org.crmkit.core.common;
    exports org.crmkit.core.customer;
    exports org.crmkit.core.messaging;
    exports org.crmkit.core.memory;
    exports org.crmkit.core.analytics.transactions;
    exports org.crmkit.core.analytics.rfm;
    exports org.crmkit.core.analytics.abc;
    exports org.crmkit.core.analytics.clv;
    exports org.crmkit.core.analytics.lifecycle;
    exports org.crmkit.core.analytics.value;
    exports org.crmkit.core.analytics;
    exports org.crmkit.core.analytics.simulation;
    exports org.crmkit.core.analytics.ledger;
    exports org.crmkit.core.analytics.writeback;
    exports org.crmkit.core.sales;
    exports org.crmkit.core.sales.flow;
    exports org.crmkit.core.sales.campaign;
    exports org.crmkit.core.sales.lead;
    exports org.crmkit.core.sales.opportunity;
    exports org.crmkit.core.sales.quote;
    exports org.crmkit.core.sales.order;
    exports org.crmkit.core.service;
    exports org.crmkit.core.satisfaction;
    exports org.crmkit.core.satisfaction.scoring;
    exports org.crmkit.core.satisfaction.questionnaire;
    exports org.crmkit.core.loyalty;
    exports org.crmkit.core.feedback;
    exports org.crmkit.core.service.complaint;
    exports org.crmkit.core.loyalty.scoring;
    exports org.crmkit.core.kpi;
    exports org.crmkit.core.analytics.segment;

    uses org.crmkit.spi.channel.MessageChannel;
}
