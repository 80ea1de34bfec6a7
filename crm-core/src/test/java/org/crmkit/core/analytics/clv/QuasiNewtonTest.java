package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edge cases of the BFGS minimiser behind the BG/NBD fit. */
class QuasiNewtonTest {

    @Test
    void findsTheMinimumOfAQuadraticBowl() {
        QuasiNewton.Result r = QuasiNewton.minimise((x, g) -> {
            g[0] = 2.0 * (x[0] - 1.0);
            g[1] = 20.0 * (x[1] + 2.0);
            return (x[0] - 1.0) * (x[0] - 1.0) + 10.0 * (x[1] + 2.0) * (x[1] + 2.0);
        }, new double[] {0.0, 0.0}, 200, 1e-9, 3.0);
        assertThat(r.converged()).isTrue();
        assertThat(r.point()[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(r.point()[1]).isCloseTo(-2.0, org.assertj.core.data.Offset.offset(1e-8));
    }

    @Test
    void aGradientThatPointsUphillEndsAsNoProgressWithoutSpendingEveryIteration() {
        int[] calls = new int[1];
        QuasiNewton.Result r = QuasiNewton.minimise((x, g) -> {
            calls[0]++;
            g[0] = -2.0 * (x[0] - 1.0); // wrong sign
            return 3.0 + (x[0] - 1.0) * (x[0] - 1.0);
        }, new double[] {0.0}, 500, 1e-9, 3.0);
        assertThat(r.converged()).isFalse();
        assertThat(r.point()[0]).isEqualTo(0.0);
        // before the fix: 21,050 evaluations over all 500 iterations, each "accepting" a step that f
        // could not tell from the start, and the point drifted uphill
        assertThat(r.evaluations()).isLessThan(100);
        assertThat(r.outcome()).contains("no step");
    }

    @Test
    void aNaNAtTheStartIsReportedNotIterated() {
        QuasiNewton.Result r = QuasiNewton.minimise((x, g) -> Double.NaN, new double[] {0.0}, 500, 1e-9, 3.0);
        assertThat(r.converged()).isFalse();
        assertThat(r.evaluations()).isEqualTo(1);
    }

    @Test
    void aNaNGradientIsNotConvergence() {
        QuasiNewton.Result r = QuasiNewton.minimise((x, g) -> {
            g[0] = Double.NaN;
            return x[0] * x[0];
        }, new double[] {1.0}, 500, 1e-9, 3.0);
        assertThat(r.converged()).isFalse();
    }
}
