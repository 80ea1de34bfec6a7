/**
 * Customer analytics' input kept in the host's storage: a tenant's purchase transactions
 * ({@link org.crmkit.core.analytics.ledger.PurchaseLedger}), recorded idempotently and read into a
 * columnar {@link org.crmkit.core.analytics.transactions.Transactions} batch, and the library's own
 * delivered orders read as transactions
 * ({@link org.crmkit.core.analytics.ledger.DeliveredOrderTransactions}). Domain §2 (consumption
 * attributes), §4 and §6.
 *
 * @since 0.1
 */
package org.crmkit.core.analytics.ledger;
