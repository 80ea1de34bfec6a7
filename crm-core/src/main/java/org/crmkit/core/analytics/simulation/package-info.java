/**
 * Seeded simulation of a synthetic customer base: purchase occasions from the BG/NBD process
 * (Fader, Hardie and Lee 2005) and purchase values from the Gamma-Gamma spend model, emitted as
 * {@link org.crmkit.core.analytics.transactions.Transaction}s. For demonstrations, load tests and for
 * checking that the model fits recover known parameters. Pure Java, no state between calls.
 *
 * @since 0.1
 */
package org.crmkit.core.analytics.simulation;
