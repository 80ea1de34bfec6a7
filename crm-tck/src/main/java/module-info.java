/**
 * The conformance kit of crmkit: abstract JUnit 5 contract tests that every storage and channel
 * adapter, ours and vendors', extends in its own test sources, and fixtures to build test data.
 *
 * <p>Open, so that JUnit can reach the test methods when the kit runs on the module path.
 */
open module org.crmkit.tck {
    requires transitive org.crmkit.spi;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;

    exports org.crmkit.tck.storage;
    exports org.crmkit.tck.storage.samples;
    exports org.crmkit.tck.channel;
    exports org.crmkit.tck.catalog;
    exports org.crmkit.tck.fulfillment;
}
