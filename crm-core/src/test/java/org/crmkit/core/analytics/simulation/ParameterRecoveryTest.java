package org.crmkit.core.analytics.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.ModelFit;
import org.crmkit.core.analytics.clv.PurchaseHistories;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.clv.SpendHistories;
import org.crmkit.core.analytics.transactions.CalibrationSummary;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;
import org.junit.jupiter.api.Test;

/**
 * Fits the models on a large simulated base and checks that they find the parameters the base was drawn
 * from. This validates the simulator and the fits together.
 *
 * <p>Tolerance: every estimate must lie within 4 of its own standard errors (from the fit's Hessian) of
 * the generating value. With 20,000 customers over 78 weeks those standard errors are about 2 % of r and
 * α and 7-10 % of a and b; 4 standard errors is wide enough for a fixed seed to pass by design rather
 * than by luck, and narrow enough to catch a simulator or a likelihood that is off by a factor. A plain
 * relative bound (r, α within 10 %; a, b within 35 %) backs it up in case the Hessian is poor.
 */
class ParameterRecoveryTest {

    private static final int CUSTOMERS = 20_000;

    @Test
    void bgNbdAndGammaGammaFitsRecoverTheGeneratingParameters() {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(CUSTOMERS).seed(20_05).build();
        Transactions batch = sim.toTransactions();
        List<CalibrationSummary> cal = batch.calibration(sim.endDate(), PeriodUnit.WEEK);
        assertThat(cal).hasSize(CUSTOMERS);

        List<PurchaseHistory> histories = new ArrayList<>();
        sim.customers().forEach(c -> {
            CalibrationSummary s = cal.get(histories.size());
            double repeatSpend = c.transactions().stream().skip(1).mapToDouble(t -> t.amount().doubleValue()).sum();
            int repeats = c.transactions().size() - 1;
            histories.add(repeats > 0 && repeatSpend > 0
                    ? PurchaseHistory.of(s.frequency(), s.recency(), s.age(), repeatSpend / repeats)
                    : PurchaseHistory.of(s.frequency(), s.recency(), s.age()));
        });

        ModelFit<BgNbdModel> bg = BgNbdModel.fit(PurchaseHistories.of(histories));
        SimulationParameters truth = sim.parameters();
        BgNbdModel m = bg.model();
        within(bg.standardErrors(), "r", m.r(), truth.r(), 0.10);
        within(bg.standardErrors(), "alpha", m.alpha(), truth.alpha(), 0.10);
        within(bg.standardErrors(), "a", m.a(), truth.a(), 0.35);
        within(bg.standardErrors(), "b", m.b(), truth.b(), 0.35);

        ModelFit<GammaGammaModel> gg = GammaGammaModel.fit(SpendHistories.of(histories));
        GammaGammaModel s = gg.model();
        // p and q are strongly correlated in the Gamma-Gamma likelihood; the mean spend pγ/(q−1) is sharp
        assertThat(s.expectedSpend()).isCloseTo(truth.p() * truth.gamma() / (truth.q() - 1),
                org.assertj.core.api.Assertions.withinPercentage(5));
        within(gg.standardErrors(), "p", s.p(), truth.p(), 0.35);
        within(gg.standardErrors(), "q", s.q(), truth.q(), 0.35);
        within(gg.standardErrors(), "gamma", s.gamma(), truth.gamma(), 0.35);
    }

    private static void within(Map<String, Double> standardErrors, String name, double estimate, double truth,
                               double relative) {
        assertThat(standardErrors).containsKey(name);
        double se = standardErrors.get(name);
        assertThat(Math.abs(estimate - truth)).as("%s = %s, truth %s, standard error %s", name, estimate, truth, se)
                .isLessThanOrEqualTo(4 * se);
        assertThat(Math.abs(estimate - truth) / truth).as("%s = %s, truth %s", name, estimate, truth)
                .isLessThanOrEqualTo(relative);
    }
}
