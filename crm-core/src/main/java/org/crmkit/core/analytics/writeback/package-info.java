/**
 * Customer analytics' results stored back on the customers through the storage SPI: RFM score
 * and segment, ABC class, lifetime value, probability alive and the suggested lifecycle stage as
 * consumption attributes, and the lifecycle stage itself where the stage machine allows the move
 * ({@link org.crmkit.core.analytics.writeback.AnalyticsWriteBack}). Domain §2, §4 and §6.
 *
 * @since 0.1
 */
package org.crmkit.core.analytics.writeback;
