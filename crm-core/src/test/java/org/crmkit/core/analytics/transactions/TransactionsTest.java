package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    static Transaction t(String customer, String date, String amount) {
        return Transaction.of(customer, LocalDate.parse(date), new BigDecimal(amount), EUR);
    }

    @Test
    void sortsByCustomerThenDayKeepingTheInputOrderWithinADay() {
        Transactions batch = Transactions.of(List.of(t("b", "2024-01-02", "1"), t("a", "2024-01-03", "2"),
                t("b", "2024-01-01", "3"), t("b", "2024-01-02", "4")));
        assertThat(batch.customerIds()).containsExactly("a", "b");
        assertThat(batch.start(1)).isEqualTo(1);
        assertThat(batch.end(1)).isEqualTo(4);
        assertThat(batch.stream().map(x -> x.amount().intValue())).containsExactly(2, 3, 1, 4);
        assertThat(batch.customerIndexOf(3)).isEqualTo(1);
    }

    @Test
    void sortsDaysBeforeAndAfterTheEpochInCalendarOrder() {
        Transactions batch = Transactions.of(List.of(t("a", "1970-01-01", "1"), t("a", "1969-12-31", "2"),
                t("a", "2024-01-01", "3"), t("a", "1900-01-01", "4"), t("a", "1969-12-31", "5")));
        assertThat(batch.stream().map(x -> x.amount().intValue())).containsExactly(4, 2, 5, 1, 3);
    }

    @Test
    void countsSameDayPurchasesAsOneOccasionAndNetsRefundsIntoSpend() {
        Transactions batch = Transactions.of(Stream.of(t("a", "2024-01-01", "10"), t("a", "2024-01-01", "5"),
                t("a", "2024-01-05", "-3"), t("a", "2024-01-09", "8")));
        CustomerSummary s = batch.summaries().get(0);
        assertThat(s.occasions()).isEqualTo(2);
        assertThat(s.transactions()).isEqualTo(4);
        assertThat(s.totalSpend()).isEqualByComparingTo("20.00");
        assertThat(s.meanSpend()).isEqualByComparingTo("10.00");
        assertThat(s.lastPurchase()).isEqualTo(LocalDate.of(2024, 1, 9));
    }

    @Test
    void listsCustomersWithOnlyRefundsInsteadOfSummarisingThem() {
        Transactions batch = Transactions.of(List.of(t("a", "2024-01-01", "-10"), t("b", "2024-01-01", "1")));
        assertThat(batch.summaries()).extracting(CustomerSummary::customerId).containsExactly("b");
        assertThat(batch.customersWithoutPurchase()).containsExactly("a");
    }

    @Test
    void computesFrequencyRecencyAndAgeUpToTheCalibrationEnd() {
        Transactions batch = Transactions.of(List.of(t("a", "2024-01-01", "1"), t("a", "2024-01-01", "1"),
                t("a", "2024-01-15", "1"), t("a", "2024-01-20", "-1"), t("a", "2024-03-01", "1"),
                t("b", "2024-02-01", "1")));
        List<CalibrationSummary> weeks = batch.calibration(LocalDate.of(2024, 1, 29), PeriodUnit.WEEK);
        assertThat(weeks).hasSize(1);
        assertThat(weeks.get(0).frequency()).isEqualTo(1);
        assertThat(weeks.get(0).recency()).isEqualTo(2.0);
        assertThat(weeks.get(0).age()).isEqualTo(4.0);

        List<CalibrationSummary> days = batch.calibration(LocalDate.of(2024, 3, 1), PeriodUnit.DAY);
        assertThat(days.get(0).frequency()).isEqualTo(2);
        assertThat(days.get(0).recency()).isEqualTo(60.0);
        assertThat(days.get(1).age()).isEqualTo(29.0);
        List<CalibrationSummary> months = batch.calibration(LocalDate.of(2024, 3, 1), PeriodUnit.MONTH);
        assertThat(months.get(0).recency()).isCloseTo(60 / 30.4375, within(1e-12));
    }

    @Test
    void refusesACalibrationEndBeforeEveryPurchase() {
        Transactions batch = Transactions.of(List.of(t("a", "2024-01-01", "1")));
        assertThatThrownBy(() -> batch.calibration(LocalDate.of(2023, 12, 31), PeriodUnit.DAY))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("calibrationEnd: must not be before every purchase");
    }

    @Test
    void refusesMixedCurrenciesAndTooManyDecimals() {
        assertThatThrownBy(() -> Transactions.of(List.of(t("a", "2024-01-01", "1"),
                Transaction.of("b", LocalDate.of(2024, 1, 1), BigDecimal.ONE, JPY))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("currency: must be the same for every transaction in a batch (batch is EUR) (was 'JPY')");
        assertThatThrownBy(() -> Transaction.of("a", LocalDate.of(2024, 1, 1), new BigDecimal("1.5"), JPY))
                .hasMessageContaining("amount: must have at most 0 decimal places for JPY");
        assertThatThrownBy(() -> Transaction.of("a", LocalDate.of(2024, 1, 1), new BigDecimal("1E+30"), EUR))
                .hasMessageContaining("must fit in 64-bit minor units");
        assertThatThrownBy(() -> Transaction.of(" ", LocalDate.of(2024, 1, 1), BigDecimal.ONE, EUR))
                .hasMessageContaining("customerId: must not be blank");
    }

    @Test
    void keepsAmountsExactAndOptionalFieldsDictionaryEncoded() {
        Transactions batch = Transactions.of(List.of(
                t("a", "2024-01-01", "0.10").withMargin(new BigDecimal("0.03")).withProduct("p", "c", "web"),
                t("a", "2024-01-02", "0.20").withProduct("p", null, " ")));
        assertThat(batch.amount(0).add(batch.amount(1))).isEqualByComparingTo("0.30");
        assertThat(batch.amountAsDouble(1)).isEqualTo(0.2);
        assertThat(batch.margin(0)).contains(new BigDecimal("0.03"));
        assertThat(batch.margin(1)).isEmpty();
        assertThat(batch.product(1)).contains("p");
        assertThat(batch.category(1)).isEmpty();
        assertThat(batch.channel(1)).isEmpty();
        assertThat(batch.get(0)).isEqualTo(t("a", "2024-01-01", "0.10").withMargin(new BigDecimal("0.03"))
                .withProduct("p", "c", "web"));
    }

    @Test
    void anEmptyBatchHasNoCurrencyAndNoCustomers() {
        Transactions empty = Transactions.of(List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.currency()).isEmpty();
        assertThat(empty.summaries()).isEmpty();
    }

    @Test
    void backfillsAnOptionalColumnWhoseFirstValueArrivesLate() {
        Transactions.Builder builder = Transactions.builder();
        for (int i = 0; i < 10_000; i++) {
            Transaction plain = t("c" + (i % 7), "2024-01-01", "1");
            builder.add(i == 9_000 ? plain.withMargin(new BigDecimal("0.5")).withProduct("p", null, "web") : plain);
        }
        Transactions batch = builder.build();
        int withMargin = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.margin(i).isPresent()) {
                withMargin++;
                assertThat(batch.margin(i)).contains(new BigDecimal("0.50"));
                assertThat(batch.product(i)).contains("p");
                assertThat(batch.channel(i)).contains("web");
            } else {
                assertThat(batch.product(i)).isEmpty();
                assertThat(batch.channel(i)).isEmpty();
            }
            assertThat(batch.category(i)).isEmpty();
        }
        assertThat(withMargin).isEqualTo(1);
    }

    @Test
    void aBuilderBuildsOnlyOnce() {
        Transactions.Builder builder = Transactions.builder().add(t("a", "2024-01-01", "1"));
        assertThat(builder.build().size()).isEqualTo(1);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.add(t("b", "2024-01-01", "1"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAnIndexOutsideTheBatch() {
        Transactions batch = Transactions.of(List.of(t("a", "2024-01-01", "1")));
        assertThatThrownBy(() -> batch.customerIndexOf(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> batch.margin(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> batch.product(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void ordersADayByTimeOfDayWithUntimedTransactionsFirstAndCountsItAsOneOccasion() {
        Transactions batch = Transactions.of(List.of(t("a", "2024-01-02", "1").withTime(LocalTime.of(18, 0)),
                t("a", "2024-01-02", "2"), t("a", "2024-01-02", "3").withTime(LocalTime.of(9, 30)),
                t("a", "2024-01-01", "4").withTime(LocalTime.of(23, 0)), t("a", "2024-01-02", "5"),
                t("a", "2024-01-02", "6").withTime(LocalTime.of(9, 30))));
        assertThat(batch.stream().map(x -> x.amount().intValue())).containsExactly(4, 2, 5, 3, 6, 1);
        assertThat(batch.time(0)).contains(LocalTime.of(23, 0));
        assertThat(batch.time(1)).isEmpty();
        assertThat(batch.summaries().get(0).occasions()).isEqualTo(2);
        assertThat(batch.get(3)).isEqualTo(t("a", "2024-01-02", "3").withTime(LocalTime.of(9, 30)));
    }

    @Test
    void keepsTheEightArgumentConstructorAndRefusesAFractionOfASecond() {
        Transaction plain = new Transaction("a", LocalDate.of(2024, 1, 1), BigDecimal.ONE, EUR, null, null, null, null);
        assertThat(plain.time()).isNull();
        assertThat(plain.withTime(LocalTime.NOON).withMargin(BigDecimal.ONE).time()).isEqualTo(LocalTime.NOON);
        assertThat(Transactions.of(List.of(plain)).time(0)).isEmpty();
        assertThatThrownBy(() -> plain.withTime(LocalTime.of(12, 0, 0, 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("time: must be in whole seconds");
    }
}
