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
     * Fits the model by maximum likelihood on the customers' mean repeat spend: BFGS on the log-parameters
     * with the analytic gradient, falling back to Nelder-Mead if that does not converge. Deterministic.
     *
     * @param data customers with repeat purchases; not null
     * @return the fit, with standard errors where the Hessian allows
     * @throws ModelFitException if no start converges
     */
    public static ModelFit<GammaGammaModel> fit(SpendHistories data) {
        Objects.requireNonNull(data, "data must not be null");
        double mean = data.meanOfMeans();
        double[][] starts = {{1.0, 1.0, 1.0}, {1.0, 2.0, mean}, {5.0, 3.0, mean}};
        Groups groups = new Groups(data);
        return Fitting.maximiseSmooth("Gamma-Gamma", NAMES, starts,
                (v, gradient) -> groups.logLikelihood(v[0], v[1], v[2], gradient),
                v -> logLikelihood(v[0], v[1], v[2], data),
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
     * The log-likelihood and its gradient with respect to (p, q, γ), for tests; see {@link Groups}.
     *
     * @param gradient receives ∂ ln L / ∂(p, q, γ)
     */
    static double logLikelihood(double p, double q, double gamma, SpendHistories d, double[] gradient) {
        return new Groups(d).logLikelihood(p, q, gamma, gradient);
    }

    /**
     * The spend histories grouped by x (their rows are sorted by x), with the parts of the log-likelihood
     * that do not depend on the parameters summed once per group: the weight W and Σ w ln z̄. Immutable,
     * so thread-safe.
     *
     * <p>Per customer (note 025), with g = γ + x z̄,
     * <pre>
     * ln L    = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + px ln x + (px-1) ln z̄ - (px+q) ln g
     * ∂/∂p    = x [ψ(px+q) - ψ(px) + ln x + ln z̄ - ln g]
     * ∂/∂q    = ψ(px+q) - ψ(q) + ln γ - ln g
     * ∂/∂γ    = q/γ - (px+q)/g
     * </pre>
     * so a group needs, per evaluation, only Σ w ln g and Σ w/g over its rows: one logarithm and one
     * division per row, the gamma and digamma functions once per group.
     */
    private static final class Groups {

        private final SpendHistories d;
        /** Per group, its x and the index of its first row; {@code start[groups]} is the number of rows. */
        private final double[] x;
        private final int[] start;
        /** Per group, Σ w and Σ w ln z̄ over its rows. */
        private final double[] weight;
        private final double[] weightedLogSpend;

        Groups(SpendHistories d) {
            this.d = d;
            int rows = d.x.length;
            int groups = 0;
            for (int i = 0; i < rows; i++) {
                if (i == 0 || d.x[i] != d.x[i - 1]) {
                    groups++;
                }
            }
            x = new double[groups];
            start = new int[groups + 1];
            weight = new double[groups];
            weightedLogSpend = new double[groups];
            int k = -1;
            for (int i = 0; i < rows; i++) {
                if (i == 0 || d.x[i] != d.x[i - 1]) {
                    k++;
                    x[k] = d.x[i];
                    start[k] = i;
                }
                weight[k] += d.weight[i];
                weightedLogSpend[k] += d.weight[i] * Math.log(d.meanSpend[i]);
            }
            start[groups] = rows;
        }

        double logLikelihood(double p, double q, double gamma, double[] gradient) {
            double logGammaQ = SpecialFunctions.logGamma(q);
            double psiQ = SpecialFunctions.digamma(q);
            double logGamma = Math.log(gamma);
            double[] z = d.meanSpend;
            double[] w = d.weight;
            double sum = 0.0;
            double gp = 0.0;
            double gq = 0.0;
            double gGamma = 0.0;
            for (int k = 0; k < x.length; k++) {
                double xk = x[k];
                double px = p * xk;
                double logX = Math.log(xk);
                double psiPxq = SpecialFunctions.digamma(px + q);
                double sumLogG = 0.0;
                double lost = 0.0;
                double sumInverseG = 0.0;
                for (int i = start[k]; i < start[k + 1]; i++) {
                    double g = gamma + xk * z[i];
                    // Neumaier's compensated sum: a plain one over a million rows rounds to about 1e-13 of
                    // the total, which hides from the line search the changes near the maximum
                    double term = w[i] * Math.log(g);
                    double next = sumLogG + term;
                    lost += Math.abs(sumLogG) >= Math.abs(term) ? (sumLogG - next) + term : (term - next) + sumLogG;
                    sumLogG = next;
                    sumInverseG += w[i] / g;
                }
                sumLogG += lost;
                double wk = weight[k];
                double logZ = weightedLogSpend[k];
                sum += wk * (SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - logGammaQ
                        + q * logGamma + px * logX) + (px - 1.0) * logZ - (px + q) * sumLogG;
                gp += xk * (wk * (psiPxq - SpecialFunctions.digamma(px) + logX) + logZ - sumLogG);
                gq += wk * (psiPxq - psiQ + logGamma) - sumLogG;
                gGamma += wk * q / gamma - (px + q) * sumInverseG;
            }
            gradient[0] = gp;
            gradient[1] = gq;
            gradient[2] = gGamma;
            return sum;
        }
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
