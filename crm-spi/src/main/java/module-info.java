/**
 * The service provider interfaces of crmkit: storage and channels, the plain records they
 * exchange, and the root {@link org.crmkit.spi.CrmException}.
 *
 * <p>This module depends on nothing but the JDK. Adapters (storage, messaging, ERP) implement
 * these interfaces and never see the domain model of {@code org.crmkit.core}.
 */
module org.crmkit.spi {
    exports org.crmkit.spi;
    exports org.crmkit.spi.storage;
    exports org.crmkit.spi.channel;
    exports org.crmkit.spi.sales;
    exports org.crmkit.spi.catalog;
    exports org.crmkit.spi.fulfillment;
    exports org.crmkit.spi.service;
    exports org.crmkit.spi.kpi;
    exports org.crmkit.spi.analytics;
}
