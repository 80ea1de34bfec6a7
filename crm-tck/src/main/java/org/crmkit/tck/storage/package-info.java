/**
 * Contract tests for {@link org.crmkit.spi.storage.CrmStorage} implementations: extend
 * {@link org.crmkit.tck.storage.StorageContract} and reuse the fixtures of
 * {@link org.crmkit.tck.storage.Records}.
 */
package org.crmkit.tck.storage;
