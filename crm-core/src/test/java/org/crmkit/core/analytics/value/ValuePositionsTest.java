package org.crmkit.core.analytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.LifetimeValue;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** Current value and purchase histories built from transactions, on hand examples. */
class ValuePositionsTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    static Transaction buy(String c, int daysBefore, String amount) {
        return Transaction.of(c, AS_OF.minusDays(daysBefore), new BigDecimal(amount), EUR);
    }

    static final Transactions BATCH = Transactions.of(List.of(
            buy("a", 70, "10"), buy("a", 70, "5"), buy("a", 35, "20"), buy("a", 7, "40"), buy("a", 6, "-4"),
            buy("a", -1, "999"),
            buy("b", 27, "12.50"),
            buy("c", 100, "30"), buy("c", 28, "7"), buy("c", 20, "-50")));
    static final LifetimeValue CLV = new LifetimeValue(new BgNbdModel(0.243, 4.414, 0.793, 2.426),
            new GammaGammaModel(6.25, 3.74, 15.44), 12, 52.0 / 12, 0.01, 1.0);

    @Test
    void historiesCountOccasionsAndTheMeanSpendOfRepeatDays() {
        Map<String, PurchaseHistory> h = org.crmkit.core.analytics.PurchaseHistoryAdapter.histories(BATCH, AS_OF, PeriodUnit.WEEK);
        assertThat(h.keySet()).containsExactly("a", "b", "c");
        PurchaseHistory a = h.get("a");
        assertThat(a.frequency()).isEqualTo(2);           // 70 days before (two purchases), 35, 7
        assertThat(a.recency()).isCloseTo(9.0, within(1e-12));
        assertThat(a.age()).isCloseTo(10.0, within(1e-12));
        // One rule for the whole library (PurchaseHistoryAdapter): purchases on repeat days, refunds left out.
        assertThat(a.meanSpend().getAsDouble()).isCloseTo((20 + 40) / 2.0, within(1e-12));
        assertThat(h.get("b").meanSpend()).isEmpty();
        assertThat(h.get("c").frequency()).isEqualTo(1);
        assertThat(h.get("c").meanSpend().getAsDouble()).isCloseTo(7.0, within(1e-12)); // the refund is left out
    }

    @Test
    void currentValueIsTheNetSpendOfTheLastPeriodAndPotentialTheLifetimeValue() {
        List<ValuePosition> p = ValuePositions.of(BATCH, AS_OF, 28, CLV, PeriodUnit.WEEK);
        assertThat(p).extracting(ValuePosition::customerId).containsExactly("a", "b", "c");
        assertThat(p.get(0).current()).isEqualTo(36.0);   // 40 - 4; the day 35 before is outside 28 days
        assertThat(p.get(1).current()).isEqualTo(12.5);   // 27 days before is the first day of the period
        assertThat(p.get(2).current()).isEqualTo(-50.0);  // 28 days before is outside; the refund is inside
        Map<String, PurchaseHistory> h = org.crmkit.core.analytics.PurchaseHistoryAdapter.histories(BATCH, AS_OF, PeriodUnit.WEEK);
        assertThat(p.get(0).potential()).isEqualTo(CLV.valueOf(h.get("a")));
        assertThatThrownBy(() -> ValuePositions.of(BATCH, AS_OF, 0, CLV, PeriodUnit.WEEK))
                .isInstanceOf(ValidationException.class).hasMessageContaining("currentPeriodDays");
        assertThat(ValuePositions.of(BATCH, AS_OF.minusYears(1), 28, CLV, PeriodUnit.WEEK)).isEmpty();
    }
}
