package org.crmkit.core.analytics.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.junit.jupiter.api.Test;

/**
 * The batch RFM analysis, held in columns, against the same values scored one object per customer
 * (seeded random bases), and the primitive quantile scores against the comparator form.
 */
class RfmColumnarTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");

    @Test
    void theBatchAnalysisEqualsTheAnalysisOfItsValues() {
        Random r = new Random(9201);
        for (int trial = 0; trial < 300; trial++) {
            List<Transaction> list = new ArrayList<>();
            int customers = 1 + r.nextInt(40);
            for (int c = 0; c < customers; c++) {
                for (int k = 0, n = 1 + r.nextInt(8); k < n; k++) {
                    int cents = r.nextInt(8) == 0 ? -r.nextInt(5000) : r.nextInt(20000);
                    list.add(Transaction.of("c" + r.nextInt(customers), AS_OF.minusDays(r.nextInt(400) - 20),
                            BigDecimal.valueOf(cents, 2), EUR));
                }
            }
            Transactions base = Transactions.of(list);
            List<RfmValues> values = RfmValues.from(base, AS_OF);
            if (values.isEmpty()) {
                continue;
            }
            RfmAnalysis batch = RfmAnalysis.of(base, AS_OF, SegmentMap.defaults());
            RfmAnalysis reference = RfmAnalysis.of(values, SegmentMap.defaults());
            assertThat(batch.customers()).containsExactlyElementsOf(reference.customers());
            assertThat(batch.segmentCounts()).containsExactlyEntriesOf(reference.segmentCounts());
            for (int c = 0; c < customers + 2; c++) {
                assertThat(batch.customer("c" + c)).isEqualTo(reference.customer("c" + c));
            }
            assertThat(batch.customer("zz")).isEmpty();
            assertThat(batch.customer(null)).isEmpty();
        }
    }

    @Test
    void primitiveScoresEqualTheComparatorScores() {
        Random r = new Random(9202);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + r.nextInt(trial < 400 ? 60 : 5000);
            long[] v = new long[n];
            int kind = r.nextInt(5);
            long offset = r.nextLong() >> 2;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    // narrow spans are counted, wide ones sorted; 3 straddles the fixed line between them
                    case 0 -> r.nextInt(6);
                    case 1 -> r.nextLong();
                    case 3 -> offset + (r.nextBoolean() ? 0 : 65_530 + r.nextInt(12));
                    default -> r.nextBoolean() ? Long.MIN_VALUE + r.nextInt(3) : Long.MAX_VALUE - r.nextInt(3);
                };
            }
            int k = 1 + r.nextInt(10);
            List<Long> boxed = Arrays.stream(v).boxed().toList();
            assertThat(QuantileScores.score(v, k)).containsExactly(
                    QuantileScores.score(boxed, Comparator.<Long>naturalOrder(), k));
        }
        assertThat(QuantileScores.score(new long[0], 5)).isEmpty();
    }

    @Test
    void theLineBetweenCountingAndSortingMovesWithTheNumberOfValues() {
        // beyond 65,536 values a span as wide as their number is still counted, one wider is sorted
        Random r = new Random(9203);
        int n = 70_000;
        for (long extra : new long[] {-1, 0, 1, 2}) {
            long[] v = new long[n];
            long base = r.nextLong() >> 3;
            for (int i = 0; i < n; i++) {
                v[i] = base + r.nextInt(n);
            }
            v[0] = base;
            v[1] = base + n + extra; // the span is n + extra
            List<Long> boxed = Arrays.stream(v).boxed().toList();
            assertThat(QuantileScores.score(v, 5)).as("span n%+d", extra)
                    .containsExactly(QuantileScores.score(boxed, Comparator.<Long>naturalOrder(), 5));
        }
    }
}
