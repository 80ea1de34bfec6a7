/**
 * The plain records of after-sales steps: service work orders, knowledge-base use, satisfaction answers, club memberships and feedback.
 *
 * @since 0.1
 */
package org.crmkit.spi.service;
