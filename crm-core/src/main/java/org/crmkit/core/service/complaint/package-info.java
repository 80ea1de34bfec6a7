/**
 * Complaint handling (domain §10): the {@link org.crmkit.core.service.complaint.Complaint}
 * aggregate, which follows the six steps of the digest (receive it courteously, find the
 * expectation behind it, act, answer, follow up the customer's satisfaction with the handling, and
 * keep it all in one complaint-handling system), and the
 * {@link org.crmkit.core.service.complaint.Complaints} service of one tenant.
 *
 * @since 0.1
 */
package org.crmkit.core.service.complaint;
