/**
 * Customer lifetime value from purchase histories with the probabilistic "buy till you die" models
 * (domain §4: a relationship's length and depth make its value): {@link org.crmkit.core.analytics.clv.BgNbdModel}
 * (Fader, Hardie and Lee 2005), {@link org.crmkit.core.analytics.clv.ParetoNbdModel} (Schmittlein, Morrison
 * and Colombo 1987) for the number of purchases and whether a customer is still active, the
 * {@link org.crmkit.core.analytics.clv.GammaGammaModel} for the spend per purchase, and
 * {@link org.crmkit.core.analytics.clv.LifetimeValue} combining them.
 *
 * <p>Every model is fitted by maximum likelihood computed in log space, over
 * {@link org.crmkit.core.analytics.clv.PurchaseHistories} that collapse identical customers into weights.
 * Time is in whatever unit the histories use (weeks in the papers' examples); rates and expectations
 * are per that unit. Everything here is immutable and thread-safe; nothing logs.
 */
package org.crmkit.core.analytics.clv;
