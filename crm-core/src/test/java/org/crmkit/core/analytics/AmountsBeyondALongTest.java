package org.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.analytics.abc.AbcAnalysis;
import org.crmkit.core.analytics.abc.AbcThresholds;
import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.LifetimeValue;
import org.crmkit.core.analytics.lifecycle.LifecycleClassifier;
import org.crmkit.core.analytics.lifecycle.RelationshipMeasures;
import org.crmkit.core.analytics.rfm.RfmAnalysis;
import org.crmkit.core.analytics.rfm.RfmValues;
import org.crmkit.core.analytics.rfm.SegmentMap;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.analytics.value.ValuePositions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * A customer whose amounts add up beyond a {@code long} of minor units: every computation that totals a
 * customer's transactions refuses it with a {@link ValidationException} naming that customer, never an
 * {@link ArithmeticException} without a name.
 */
class AmountsBeyondALongTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);
    private static final LocalDate AS_OF = DAY.plusDays(5);
    /** Long.MAX_VALUE cents. */
    private static final BigDecimal MOST = new BigDecimal("92233720368547758.07");

    private static Transactions base(boolean asMargin) {
        BigDecimal one = BigDecimal.ONE;
        return Transactions.of(List.of(
                purchase("big", DAY, one, asMargin),
                purchase("big", DAY.plusDays(1), MOST, asMargin),
                purchase("big", DAY.plusDays(2), new BigDecimal("0.01"), asMargin),
                purchase("small", DAY, one, asMargin)));
    }

    private static Transaction purchase(String id, LocalDate day, BigDecimal value, boolean asMargin) {
        return asMargin ? new Transaction(id, day, BigDecimal.ONE, USD, value, null, null, null)
                : Transaction.of(id, day, value, USD);
    }

    @Test
    void everyTotalOfOneCustomerNamesTheCustomer() {
        Transactions base = base(false);
        double[] unknownAlive = new double[base.customerCount()];
        Arrays.fill(unknownAlive, Double.NaN);
        LifetimeValue clv = new LifetimeValue(new BgNbdModel(1, 1, 1, 1), new GammaGammaModel(1, 2, 1), 12, 1.0,
                0.01, 1.0);
        Map<String, ThrowingCallable> computations = new LinkedHashMap<>();
        computations.put("Transactions.summaries", base::summaries);
        computations.put("RfmValues.from", () -> RfmValues.from(base, AS_OF));
        computations.put("RfmAnalysis.of", () -> RfmAnalysis.of(base, AS_OF, SegmentMap.defaults()));
        computations.put("PurchaseHistoryAdapter.histories",
                () -> PurchaseHistoryAdapter.histories(base, AS_OF, PeriodUnit.DAY));
        computations.put("AbcAnalysis.ofNetSpend", () -> AbcAnalysis.ofNetSpend(base, AbcThresholds.DEFAULT));
        computations.put("AbcAnalysis.ofNetMargin",
                () -> AbcAnalysis.ofNetMargin(base(true), AbcThresholds.DEFAULT));
        computations.put("RelationshipMeasures.of", () -> RelationshipMeasures.of(base, AS_OF, PeriodUnit.DAY));
        computations.put("LifecycleClassifier.classifyAll",
                () -> LifecycleClassifier.withDefaults().classifyAll(base, AS_OF));
        computations.put("LifecycleClassifier.rules",
                () -> LifecycleClassifier.withDefaults().rules(base, AS_OF, unknownAlive));
        computations.put("ValuePositions.of", () -> ValuePositions.of(base, AS_OF, 30, clv, PeriodUnit.DAY));
        computations.put("CustomerBaseAnalysis.run", () -> CustomerBaseAnalysis.run(base,
                CustomerBaseAnalysis.Options.of(AS_OF, PeriodUnit.DAY)));

        computations.forEach((name, computation) -> {
            ValidationException e = catchThrowableOfType(computation, ValidationException.class);
            assertThat(e).as(name).isNotNull();
            assertThat(e.field()).as(name).isEqualTo("transactions");
            assertThat(e.getMessage()).as(name).contains("for one customer").contains("big");
        });
    }
}
