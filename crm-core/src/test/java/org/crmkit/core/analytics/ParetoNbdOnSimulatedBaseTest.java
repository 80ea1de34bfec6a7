package org.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Map;

import org.crmkit.core.analytics.clv.NoInteriorMaximumException;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.analytics.clv.PurchaseHistories;
import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On these simulated bases (600 customers, BG/NBD purchase process, 39-week calibration) the Pareto/NBD
 * likelihood has no interior maximum: it rises as s and β grow together at a nearly fixed s/β, toward
 * a model in which every customer drops out at the same rate. The fit used to follow that ridge to the
 * edge of the region where its hypergeometric series evaluate (hours at first, then about 25 s) and
 * return edge estimates without standard errors; it now says so with {@link NoInteriorMaximumException}.
 */
class ParetoNbdOnSimulatedBaseTest {

    private static PurchaseHistories base(long seed) {
        return PurchaseHistories.of(PurchaseHistoryAdapter.histories(
                CustomerBaseSimulator.builder().customers(600).seed(seed).build().toTransactions(),
                LocalDate.of(1997, 9, 30), PeriodUnit.WEEK).values());
    }

    @Test
    void theFitOfABaseOnTheRidgeSaysThatTheMaximumIsOnTheBoundary() {
        PurchaseHistories histories = base(4);

        NoInteriorMaximumException verdict = catchThrowableOfType(() -> ParetoNbdModel.fit(histories),
                NoInteriorMaximumException.class);

        assertThat(verdict).isNotNull();
        assertThat(verdict.model()).isEqualTo("Pareto/NBD");
        assertThat(verdict.getMessage()).startsWith("Pareto/NBD fit did not converge: the likelihood has no interior"
                + " maximum").contains("s, beta -> infinity with s/beta = ").contains("Quasi-Newton").contains(
                        "Nelder-Mead");
        Map<String, Double> limit = verdict.boundaryEstimates();
        assertThat(limit).containsOnlyKeys("r", "alpha", "s/beta");
        // the ratio the old fit's edge estimates had (s 98.2, β 5092)
        assertThat(limit.get("s/beta")).isBetween(0.018, 0.021);
        // along s at that ratio the likelihood rises, and stays below the supremum the verdict reports
        double previous = Double.NEGATIVE_INFINITY;
        for (double s : new double[] {1, 5, 20, 50}) {
            double ll = new ParetoNbdModel(limit.get("r"), limit.get("alpha"), s, s / limit.get("s/beta"))
                    .logLikelihood(histories);
            assertThat(ll).isGreaterThan(previous).isLessThan(verdict.logLikelihood());
            previous = ll;
        }
    }

    @Test
    void theWholeAnalysisOfSuchABaseGoesOnAndReportsTheBoundary() {
        CustomerBaseAnalysis analysis = CustomerBaseAnalysis.run(
                CustomerBaseSimulator.builder().customers(600).seed(4).build().toTransactions(),
                CustomerBaseAnalysis.Options.of(LocalDate.of(1997, 9, 30), PeriodUnit.WEEK));

        assertThat(analysis.paretoNbd()).isEmpty();
        NoInteriorMaximumException boundary = analysis.paretoNbdBoundary().orElseThrow();
        assertThat(boundary.boundaryEstimates().get("s/beta")).isBetween(0.018, 0.021);
        assertThat(analysis.toString()).contains("without an interior maximum");
        // the scores come from BG/NBD and Gamma-Gamma, which were fitted
        assertThat(analysis.customerCount()).isEqualTo(analysis.customers().size()).isPositive();
        assertThat(analysis.customers()).allSatisfy(row -> assertThat(row.probabilityAlive()).isBetween(0.0, 1.0));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 6})
    void otherBasesOnTheRidgeGetTheSameVerdict(long seed) {
        NoInteriorMaximumException verdict = catchThrowableOfType(() -> ParetoNbdModel.fit(base(seed)),
                NoInteriorMaximumException.class);

        assertThat(verdict).isNotNull();
        assertThat(verdict.boundaryEstimates().get("s/beta")).isBetween(0.005, 0.1);
        assertThat(verdict.logLikelihood()).isFinite().isNegative();
    }
}
