package org.crmkit.core.analytics.clv;

import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis", Journal of Marketing Research 42(4); Hardie's note 025, "The
 * Gamma-Gamma Model of Monetary Value"): a customer's purchase values are Gamma(p, ν) with ν ~ Gamma(q, γ)
 * across customers, independent of the purchase process. Immutable and thread-safe.
 *
 * @param p     shape of the purchase-value gamma distribution, > 0
 * @param q     shape of the gamma distribution of ν across customers, > 0
 * @param gamma scale (in money units) of the gamma distribution of ν, > 0
 * @since 0.1
 */
public record GammaGammaModel(double p, double q, double gamma) {

    private static final String[] NAMES = {"p", "q", "gamma"};

    public GammaGammaModel {
        Checks.parameter("p", p);
        Checks.parameter("q", q);
        Checks.parameter("gamma", gamma);
    }

    /**
     * Fits the model by maximum likelihood on the customers' mean repeat spend, with Nelder-Mead on the
     * log-parameters. Deterministic.
     *
     * @param data customers with repeat purchases; not null
     * @throws ModelFitException if no start converges
     */
    public static ModelFit<GammaGammaModel> fit(SpendHistories data) {
        Objects.requireNonNull(data, "data must not be null");
        double mean = data.meanOfMeans();
        double[][] starts = {{1.0, 1.0, 1.0}, {1.0, 2.0, mean}, {5.0, 3.0, mean}};
        return Fitting.maximise("Gamma-Gamma", NAMES, starts, v -> logLikelihood(v[0], v[1], v[2], data),
                data.customers(), v -> new GammaGammaModel(v[0], v[1], v[2]));
    }

    /** @return the weighted sum of the customers' log-likelihoods */
    public double logLikelihood(SpendHistories data) {
        Objects.requireNonNull(data, "data must not be null");
        return logLikelihood(p, q, gamma, data);
    }

    static double logLikelihood(double p, double q, double gamma, SpendHistories d) {
        double logGammaQ = SpecialFunctions.logGamma(q);
        double qLogGamma = q * Math.log(gamma);
        double sum = 0.0;
        double previousX = Double.NaN;
        double perX = 0.0;
        for (int i = 0; i < d.x.length; i++) {
            double x = d.x[i];
            double z = d.meanSpend[i];
            double px = p * x;
            if (x != previousX) {
                // rows are sorted by x, so this runs once per distinct x
                perX = SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - logGammaQ + qLogGamma
                        + px * Math.log(x);
                previousX = x;
            }
            // f(z̄ | x) = Γ(px+q) / (Γ(px) Γ(q)) γ^q z̄^(px-1) x^px / (γ + x z̄)^(px+q), note 025
            sum += d.weight[i] * (perX + (px - 1.0) * Math.log(z) - (px + q) * Math.log(gamma + x * z));
        }
        return sum;
    }

    /**
     * The mean purchase value of the population, E[Z] = p γ / (q - 1).
     *
     * @throws ValidationException if q &le; 1, where that mean is infinite
     */
    public double expectedSpend() {
        if (!(q > 1.0)) {
            throw new ValidationException("q", "must be > 1 for the mean spend to be finite", q);
        }
        return p * gamma / (q - 1.0);
    }

    /**
     * E[Z | x, z̄] = p (γ + x z̄) / (p x + q - 1): a weighted mean of the population mean p γ/(q-1) and the
     * customer's own mean z̄, with weight p x / (p x + q - 1) on the latter. For x = 0 it is the population
     * mean and z̄ is ignored.
     *
     * @param frequency the number of repeat purchases, a whole number >= 0
     * @param meanSpend their mean value, finite and >= 0
     * @throws ValidationException if p x + q &le; 1, where the expectation is infinite
     */
    public double conditionalExpectedSpend(double frequency, double meanSpend) {
        if (!Double.isFinite(frequency) || frequency < 0.0 || Math.rint(frequency) != frequency) {
            throw new ValidationException("frequency", "must be a whole number >= 0", frequency);
        }
        if (!Double.isFinite(meanSpend) || meanSpend < 0.0) {
            throw new ValidationException("meanSpend", "must be finite and >= 0", meanSpend);
        }
        double denominator = p * frequency + q - 1.0;
        if (!(denominator > 0.0)) {
            throw new ValidationException("q", "must exceed 1 - p x for the expected spend to be finite", q);
        }
        return p * (gamma + frequency * meanSpend) / denominator;
    }

    /**
     * @return {@link #conditionalExpectedSpend(double, double)} for the history; a history with repeat
     *         purchases but no mean spend gets the population mean
     */
    public double conditionalExpectedSpend(PurchaseHistory history) {
        Objects.requireNonNull(history, "history must not be null");
        if (history.frequency() == 0.0 || history.meanSpend().isEmpty()) {
            return conditionalExpectedSpend(0.0, 0.0);
        }
        return conditionalExpectedSpend(history.frequency(), history.meanSpend().getAsDouble());
    }
}
