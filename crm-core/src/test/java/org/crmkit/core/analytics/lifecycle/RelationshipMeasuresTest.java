package org.crmkit.core.analytics.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** Relationship length, breadth and depth on hand-made customers. */
class RelationshipMeasuresTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    static Transaction t(String customer, String date, String amount, String product, String category) {
        return Transaction.of(customer, LocalDate.parse(date), new BigDecimal(amount), EUR)
                .withProduct(product, category, null);
    }

    @Test
    void lengthBreadthAndDepthOfOneCustomer() {
        Transactions batch = Transactions.of(List.of(
                t("c", "2024-01-01", "10.00", "tea", "drinks"),
                t("c", "2024-01-01", "5.00", "cup", "kitchen"),
                t("c", "2024-02-15", "20.00", "tea", "drinks"),
                t("c", "2024-03-10", "-5.00", "cup", "kitchen"),      // refund: spend only
                t("c", "2024-03-21", "15.00", "coffee", "drinks"),
                t("c", "2024-04-05", "99.00", "mill", "kitchen")));   // after the as-of day
        RelationshipMeasures m = RelationshipMeasures.of(batch, "c", AS_OF, PeriodUnit.WEEK).orElseThrow();
        assertThat(m.firstPurchase()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(m.lastPurchase()).isEqualTo(LocalDate.of(2024, 3, 21));
        assertThat(m.lengthDays()).isEqualTo(90);
        assertThat(m.activeSpanDays()).isEqualTo(80);
        assertThat(m.distinctProducts()).hasValue(3);     // tea, cup, coffee
        assertThat(m.distinctCategories()).hasValue(2);   // drinks, kitchen
        assertThat(m.occasions()).isEqualTo(3);           // the two purchases of 1 January are one occasion
        assertThat(m.repeatPurchases()).isEqualTo(2);
        assertThat(m.repeatShare()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.purchasesPerPeriod()).isCloseTo(3 / (90 / 7.0), within(1e-12));
        assertThat(m.totalSpend()).isEqualByComparingTo("45.00");
        assertThat(m.meanSpend()).isEqualByComparingTo("15.000000");
    }

    @Test
    void breadthIsEmptyWhenTheColumnsAreUnusedAndAFirstDayCustomerCountsOneDay() {
        Transactions batch = Transactions.of(List.of(Transaction.of("n", AS_OF, new BigDecimal("7.50"), EUR),
                Transaction.of("z", AS_OF.plusDays(1), BigDecimal.ONE, EUR)));
        List<RelationshipMeasures> all = RelationshipMeasures.of(batch, AS_OF, PeriodUnit.DAY);
        assertThat(all).hasSize(1);
        RelationshipMeasures m = all.get(0);
        assertThat(m.distinctProducts()).isEmpty();
        assertThat(m.distinctCategories()).isEmpty();
        assertThat(m.lengthDays()).isZero();
        assertThat(m.purchasesPerPeriod()).isEqualTo(1.0);
        assertThat(m.repeatShare()).isZero();
        assertThat(RelationshipMeasures.of(batch, "z", AS_OF, PeriodUnit.DAY)).isEmpty();
        assertThat(RelationshipMeasures.of(batch, "nobody", AS_OF, PeriodUnit.DAY)).isEmpty();
    }

    @Test
    void argumentsAreChecked() {
        Transactions batch = Transactions.of(List.of(Transaction.of("n", AS_OF, BigDecimal.ONE, EUR)));
        assertThatThrownBy(() -> RelationshipMeasures.of(batch, null, PeriodUnit.DAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("asOf");
        assertThatThrownBy(() -> RelationshipMeasures.of(batch, AS_OF, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unit");
    }
}
