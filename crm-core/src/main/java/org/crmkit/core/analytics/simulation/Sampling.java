package org.crmkit.core.analytics.simulation;

import java.util.SplittableRandom;

/** Random variates the simulator needs, drawn from a {@link SplittableRandom}. */
final class Sampling {

    private Sampling() {
    }

    /** A uniform draw in (0, 1): never 0, so its logarithm is finite. */
    static double openUnit(SplittableRandom random) {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0.0);
        return u;
    }

    /** Gamma(shape, rate 1), by Marsaglia and Tsang (2000); shapes below 1 use the boost U^(1/shape). */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1.0) {
            double g = gamma(random, shape + 1.0);
            return g * Math.exp(Math.log(openUnit(random)) / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = openUnit(random);
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Gamma(shape, rate). */
    static double gamma(SplittableRandom random, double shape, double rate) {
        return gamma(random, shape) / rate;
    }

    /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b); 0/0 (both underflow) counts as 0.5. */
    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        double sum = x + y;
        return sum > 0.0 ? x / sum : 0.5;
    }

    /** Exponential with the given rate; +∞ for rate 0. */
    static double exponential(SplittableRandom random, double rate) {
        return -Math.log(openUnit(random)) / rate;
    }
}
