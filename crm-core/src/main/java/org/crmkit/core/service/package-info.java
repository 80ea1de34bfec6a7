/**
 * After-sales service: work orders and the self-service knowledge base.
 *
 * @since 0.1
 */
package org.crmkit.core.service;
