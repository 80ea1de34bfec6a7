/**
 * Purchase transactions for customer-base analysis (domain §2 consumption attributes, §4, §6):
 * the {@link org.crmkit.core.analytics.transactions.Transaction} value, the compact columnar batch
 * {@link org.crmkit.core.analytics.transactions.Transactions}, a small RFC 4180 reader
 * ({@link org.crmkit.core.analytics.transactions.TransactionCsv}) and the per-customer summaries
 * that RFM, ABC and lifetime-value models start from.
 */
package org.crmkit.core.analytics.transactions;
