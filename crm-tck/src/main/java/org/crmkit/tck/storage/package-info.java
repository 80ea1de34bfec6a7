/**
 * Contract tests for {@link org.crmkit.spi.storage.CrmStorage} implementations: extend
 * {@link org.crmkit.tck.storage.StorageContract} (customers and timelines) and
 * {@link org.crmkit.tck.storage.RecordStoreContract} (every other stored kind, with the samples of
 * {@link org.crmkit.tck.storage.samples.KnownSamples}), and reuse the fixtures of
 * {@link org.crmkit.tck.storage.Records}.
 */
package org.crmkit.tck.storage;
