/**
 * The shared kernel of the domain: tenant and staff ids, channels, domain events, and the
 * exceptions every aggregate uses.
 */
package org.crmkit.core.common;
