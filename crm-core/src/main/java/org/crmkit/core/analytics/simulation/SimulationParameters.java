package org.crmkit.core.analytics.simulation;

import org.crmkit.spi.ValidationException;

/**
 * The population parameters of a simulated customer base, with time in the simulation's
 * {@link org.crmkit.core.analytics.transactions.PeriodUnit} and money in the currency's major unit.
 *
 * <ul>
 *   <li>Purchase rate while active: λ ~ Gamma(shape {@code r}, rate {@code alpha}).</li>
 *   <li>Dropout probability after each repeat purchase: p ~ Beta({@code a}, {@code b}).</li>
 *   <li>Spend: each purchase is worth Gamma(shape {@code p}, rate ν), with the customer's
 *       ν ~ Gamma(shape {@code q}, rate {@code gamma}); the customer's mean spend is p / ν.</li>
 * </ul>
 *
 * @param r     shape of the purchase-rate distribution, &gt; 0
 * @param alpha rate (inverse scale) of the purchase-rate distribution, &gt; 0
 * @param a     first shape of the dropout-probability Beta distribution, &gt; 0
 * @param b     second shape of the dropout-probability Beta distribution, &gt; 0
 * @param p     shape of a single purchase's value, &gt; 0
 * @param q     shape of the spend-rate distribution, &gt; 0
 * @param gamma rate of the spend-rate distribution, &gt; 0
 * @since 0.1
 */
public record SimulationParameters(double r, double alpha, double a, double b, double p, double q, double gamma) {

    /**
     * The published CDNOW estimates, time in weeks and money in US dollars: BG/NBD r 0.243,
     * α 4.414, a 0.793, b 2.426 (Fader, Hardie and Lee 2005, Marketing Science 24(2)); Gamma-Gamma
     * p 6.25, q 3.74, γ 15.44 (Fader, Hardie and Lee 2005, JMR 42(4)). Mean spend per purchase
     * pγ/(q−1) ≈ 35.2.
     */
    public static final SimulationParameters CDNOW = new SimulationParameters(0.243, 4.414, 0.793, 2.426,
            6.25, 3.74, 15.44);

    /** Validates that every parameter is finite and &gt; 0. */
    public SimulationParameters {
        check("r", r);
        check("alpha", alpha);
        check("a", a);
        check("b", b);
        check("p", p);
        check("q", q);
        check("gamma", gamma);
    }

    /** @return a copy with other BG/NBD parameters */
    public SimulationParameters withPurchaseProcess(double newR, double newAlpha, double newA, double newB) {
        return new SimulationParameters(newR, newAlpha, newA, newB, p, q, gamma);
    }

    /** @return a copy with other Gamma-Gamma parameters */
    public SimulationParameters withSpend(double newP, double newQ, double newGamma) {
        return new SimulationParameters(r, alpha, a, b, newP, newQ, newGamma);
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new ValidationException(name, "must be finite and > 0", value);
        }
    }
}
