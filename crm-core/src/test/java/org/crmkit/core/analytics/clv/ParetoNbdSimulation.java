package org.crmkit.core.analytics.clv;

import java.util.SplittableRandom;

/**
 * Customers drawn from the Pareto/NBD model itself (Schmittlein, Morrison and Colombo 1987): λ ~ Gamma(r, α)
 * and μ ~ Gamma(s, β) (α and β rates), an exponential lifetime with rate μ, Poisson purchases at rate λ
 * while alive. Each customer is first seen at a uniform week of a 12-week cohort and observed up to week
 * 39, as in the CDNOW sample; times are whole days in weeks.
 */
final class ParetoNbdSimulation {

    private ParetoNbdSimulation() {
    }

    static PurchaseHistories histories(ParetoNbdModel truth, int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] t = new double[customers];
        for (int i = 0; i < customers; i++) {
            double age = days(39.0 - 12.0 * random.nextDouble());
            double lambda = gamma(random, truth.r()) / truth.alpha();
            double mu = gamma(random, truth.s()) / truth.beta();
            double alive = Math.min(age, -Math.log(1.0 - random.nextDouble()) / mu);
            double clock = 0.0;
            int purchases = 0;
            double last = 0.0;
            while (true) {
                clock += -Math.log(1.0 - random.nextDouble()) / lambda;
                if (clock > alive) {
                    break;
                }
                purchases++;
                last = clock;
            }
            x[i] = purchases;
            tx[i] = purchases == 0 ? 0.0 : Math.min(days(last), age);
            t[i] = age;
        }
        return PurchaseHistories.of(x, tx, t);
    }

    private static double days(double weeks) {
        return Math.floor(weeks * 7.0) / 7.0;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the U^(1/shape) boost below shape 1. */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1.0) {
            return gamma(random, shape + 1.0) * Math.pow(1.0 - random.nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = normal(random);
            double v = 1.0 + c * z;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
