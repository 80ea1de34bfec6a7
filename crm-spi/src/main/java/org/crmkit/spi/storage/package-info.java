/**
 * The storage SPI: {@link org.crmkit.spi.storage.CrmStorage} and its tenant-bound units of work,
 * the stores, and the plain records they exchange.
 *
 * <p>To write a storage adapter, implement {@code CrmStorage} and extend the contract tests of
 * {@code crm-tck} ({@code org.crmkit.tck.storage.StorageContract}).
 */
package org.crmkit.spi.storage;
