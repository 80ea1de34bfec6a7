/**
 * Customers (domain §2-§4): the {@link org.crmkit.core.customer.Customer} aggregate, its values
 * (contact points, attributes, consents, owners, timeline), and the
 * {@link org.crmkit.core.customer.Customers} service that stores it.
 */
package org.crmkit.core.customer;
