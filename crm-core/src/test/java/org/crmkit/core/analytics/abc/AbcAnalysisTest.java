package org.crmkit.core.analytics.abc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.TransactionCsv;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class AbcAnalysisTest {

    static Map<String, BigDecimal> values(int... v) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            map.put("c" + i, BigDecimal.valueOf(v[i]));
        }
        return map;
    }

    @Test
    void theGiniStaysExactWhenTheWeightedSumOutgrowsALong() {
        // 3,000 equal values of 30,000,000,000.00: the total (9e15 cents) fits in 53 bits, but
        // Σ k x(k) (about 1.35e19 cents) does not fit in a long, so the sum finishes in decimal
        Map<String, BigDecimal> equal = new LinkedHashMap<>();
        Map<String, BigDecimal> small = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            equal.put("c" + i, new BigDecimal("30000000000.00"));
            small.put("c" + i, new BigDecimal(i % 3 == 0 ? "1.00" : "2.00"));
        }
        assertThat(AbcAnalysis.of(equal).gini()).isZero();
        // the same shape (1,000 ones, 2,000 twos) scaled by 10^12 has the same Gini coefficient
        Map<String, BigDecimal> large = new LinkedHashMap<>();
        small.forEach((k, v) -> large.put(k, v.multiply(new BigDecimal("1000000000000"))));
        assertThat(AbcAnalysis.of(large).gini()).isCloseTo(AbcAnalysis.of(small).gini(), within(1e-15));
        assertThat(AbcAnalysis.of(small).gini()).isCloseTo(directGini(small), within(1e-12));
    }

    /** G = Σ_i (2i - n - 1) x_(i) / (n Σ x), x sorted ascending: the mean absolute difference over twice the mean. */
    private static double directGini(Map<String, BigDecimal> values) {
        double[] x = values.values().stream().mapToDouble(BigDecimal::doubleValue).sorted().toArray();
        int n = x.length;
        double sum = 0;
        double pairs = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
            pairs += (2.0 * (i + 1) - n - 1) * x[i];
        }
        return 2 * pairs / (2.0 * n * sum);
    }

    @Test
    void equalValuesHaveGiniZeroAStraightLorenzCurveAndOneClass() {
        AbcAnalysis abc = AbcAnalysis.of(values(5, 5, 5, 5));
        assertThat(abc.gini()).isZero();
        assertThat(abc.lorenzCurve()).extracting(LorenzPoint::valueShare).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(abc.classCounts()).containsEntry(AbcClass.A, 4).containsEntry(AbcClass.B, 0);
        // three of four hold only 75 %, so all four are needed for 80 %
        assertThat(abc.paretoShare()).isEqualTo(1.0);
    }

    @Test
    void oneCustomerWithEverythingHasGiniNMinusOneOverN() {
        AbcAnalysis abc = AbcAnalysis.of(values(0, 0, 0, 100, 0));
        assertThat(abc.gini()).isCloseTo(4.0 / 5, within(1e-15));
        assertThat(abc.paretoShare()).isEqualTo(0.2);
        assertThat(abc.customers().get(0).customerId()).isEqualTo("c3");
        assertThat(abc.customers().get(0).abcClass()).isEqualTo(AbcClass.A);
        assertThat(abc.classCounts()).containsEntry(AbcClass.A, 1).containsEntry(AbcClass.C, 4);
    }

    @Test
    void classifiesAHandComputedExample() {
        // 10 customers, total 100: cumulative 50, 70, 80, 88, 93, 96, 98, 99, 100, 100; the customer
        // that crosses a line (80 at the third, 95 at the sixth) stays in the upper class
        AbcAnalysis abc = AbcAnalysis.of(values(50, 20, 10, 8, 5, 3, 2, 1, 1, 0));
        assertThat(abc.customers()).extracting(AbcCustomer::abcClass).containsExactly(
                AbcClass.A, AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.B, AbcClass.C,
                AbcClass.C, AbcClass.C, AbcClass.C);
        assertThat(abc.paretoShare()).isEqualTo(0.3);
        assertThat(abc.shareOfCustomersFor(0.95)).isEqualTo(0.6);
        // ascending 0,1,1,2,3,5,8,10,20,50: sum(i*x) = 0+2+3+8+15+30+56+80+180+500 = 874
        assertThat(abc.gini()).isCloseTo(2 * 874.0 / (10 * 100) - 11.0 / 10, within(1e-15));
        assertThat(abc.classValueShares().get(AbcClass.A)).isEqualTo(0.8);
    }

    @Test
    void equalValuesAcrossAClassLineShareTheUpperClass() {
        // the line 80 falls inside the group of 30s: the whole group is A
        AbcAnalysis abc = AbcAnalysis.of(values(40, 30, 30));
        assertThat(abc.customers()).extracting(AbcCustomer::abcClass).containsOnly(AbcClass.A);
        AbcAnalysis custom = AbcAnalysis.of(values(40, 30, 30), AbcThresholds.percent(40, 60, 0));
        assertThat(custom.customers()).extracting(AbcCustomer::abcClass)
                .containsExactly(AbcClass.A, AbcClass.B, AbcClass.B);
    }

    @Test
    void refusesNegativeEmptyOrAllZeroValuesAndBadThresholds() {
        assertThatThrownBy(() -> AbcAnalysis.of(values(1, -1))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("values: must map every customer to a value of at least 0");
        assertThatThrownBy(() -> AbcAnalysis.of(Map.of())).hasMessage("values: must not be empty");
        assertThatThrownBy(() -> AbcAnalysis.of(values(0, 0))).hasMessage("values: must not all be zero");
        assertThatThrownBy(() -> AbcThresholds.percent(80, 15, 10)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new AbcThresholds(0.9, 0.2)).isInstanceOf(ValidationException.class);
    }

    @Test
    void countsNetSpendWithRefundsAndNeverBelowZero() {
        Currency eur = Currency.getInstance("EUR");
        Transactions batch = Transactions.of(List.of(
                Transaction.of("a", LocalDate.of(2024, 1, 1), new BigDecimal("10"), eur),
                Transaction.of("a", LocalDate.of(2024, 1, 2), new BigDecimal("-4"), eur),
                Transaction.of("b", LocalDate.of(2024, 1, 2), new BigDecimal("-4"), eur)));
        AbcAnalysis abc = AbcAnalysis.ofNetSpend(batch, AbcThresholds.DEFAULT);
        assertThat(abc.customer("a").orElseThrow().value()).isEqualByComparingTo("6");
        assertThat(abc.customer("b").orElseThrow().value()).isEqualByComparingTo("0");
        assertThat(abc.total()).isEqualByComparingTo("6");
    }

    @Test
    void summarisesTheCdnowSampleSpend() throws IOException {
        AbcAnalysis abc = AbcAnalysis.ofNetSpend(cdnow(), AbcThresholds.DEFAULT);
        assertThat(abc.total()).isEqualByComparingTo(CDNOW_TOTAL);
        assertThat(abc.classCounts()).isEqualTo(CDNOW_CLASSES);
        assertThat(abc.paretoShare()).isCloseTo(CDNOW_PARETO_SHARE, within(1e-12));
        assertThat(abc.gini()).isCloseTo(CDNOW_GINI, within(1e-6));
        assertThat(1 - abc.lorenzCurve().get(2357 - 471).valueShare()).isCloseTo(0.674, within(5e-4));
    }

    // Computed by this implementation over all 6,919 transactions (to June 1998); no published reference.
    // 32.97 % of the customers (777 of 2,357) bring 80 % of the spend; the top 20 % bring 67.4 %.
    static final String CDNOW_TOTAL = "244091.94";
    static final Map<AbcClass, Integer> CDNOW_CLASSES = Map.of(AbcClass.A, 777, AbcClass.B, 804, AbcClass.C, 776);
    static final double CDNOW_PARETO_SHARE = 777.0 / 2357;
    static final double CDNOW_GINI = 0.630917;

    /** The CDNOW sample as distributed: no header, fields separated by blanks. */
    static Transactions cdnow() throws IOException {
        try (Reader in = new InputStreamReader(AbcAnalysisTest.class.getResourceAsStream(
                "/org/crmkit/core/analytics/transactions/CDNOW_sample.txt"), StandardCharsets.UTF_8)) {
            return TransactionCsv.read(in, TransactionCsv.Options.defaults(Currency.getInstance("USD"))
                    .withHeader("master_id", "customer_id", "date", "cds", "amount")
                    .withWhitespaceDelimited()
                    .withDateFormat("yyyyMMdd")).transactions();
        }
    }
}
