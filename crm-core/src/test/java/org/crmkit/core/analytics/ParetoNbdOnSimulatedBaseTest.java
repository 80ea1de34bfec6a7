package org.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.crmkit.core.analytics.clv.ModelFit;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.analytics.clv.PurchaseHistories;
import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.junit.jupiter.api.Test;

/**
 * Regression: on this simulated base the Pareto/NBD likelihood's maximum lies far out on the ridge where
 * s and β grow together, where the hypergeometric series needs millions of terms per customer; the fit
 * used to run for hours. The likelihood now treats such points as infeasible after
 * {@code ParetoNbdModel.LIKELIHOOD_TERMS} terms, so the fit ends (in about 25 s on a shared 2-core machine).
 */
class ParetoNbdOnSimulatedBaseTest {

    @Test
    void theFitOfABaseOnTheRidgeEndsWithFiniteEstimates() {
        PurchaseHistories histories = PurchaseHistories.of(PurchaseHistoryAdapter.histories(
                CustomerBaseSimulator.builder().customers(600).seed(4).build().toTransactions(),
                LocalDate.of(1997, 9, 30), PeriodUnit.WEEK).values());

        ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(histories);

        assertThat(fit.logLikelihood()).isFinite().isNegative();
        ParetoNbdModel m = fit.model();
        for (double v : new double[] {m.r(), m.alpha(), m.s(), m.beta()}) {
            assertThat(v).isFinite().isPositive();
        }
        // The ridge: dropout is nearly homogeneous, s and β large with a moderate ratio.
        assertThat(m.s() / m.beta()).isBetween(0.001, 1.0);
    }
}
