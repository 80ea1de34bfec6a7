package org.crmkit.core.analytics.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.TransactionCsv;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class RfmAnalysisTest {

    static final Currency EUR = Currency.getInstance("EUR");

    static Transaction t(String customer, String date, String amount) {
        return Transaction.of(customer, LocalDate.parse(date), new BigDecimal(amount), EUR);
    }

    @Test
    void computesRecencyFrequencyAndNetMonetaryAsOfADate() {
        Transactions batch = Transactions.of(List.of(t("a", "2024-01-01", "10"), t("a", "2024-01-01", "5"),
                t("a", "2024-01-10", "-4"), t("a", "2024-02-01", "100"), t("b", "2024-01-20", "3")));
        List<RfmValues> values = RfmValues.from(batch, LocalDate.of(2024, 1, 31));
        assertThat(values).containsExactly(
                new RfmValues("a", 30, 1, new BigDecimal("11.00")),
                new RfmValues("b", 11, 1, new BigDecimal("3.00")));
    }

    @Test
    void givesTheMostRecentFrequentAndValuableCustomerTheTopScoresAndSegment() {
        List<RfmValues> values = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            values.add(new RfmValues("c" + i, 100 - 10L * i, i, BigDecimal.valueOf(i * 10L)));
        }
        RfmAnalysis rfm = RfmAnalysis.of(values, SegmentMap.defaults());
        assertThat(rfm.customer("c10").orElseThrow().score()).isEqualTo(new RfmScore(5, 5, 5));
        assertThat(rfm.customer("c10").orElseThrow().segment()).isEqualTo(SegmentMap.CHAMPIONS);
        assertThat(rfm.customer("c1").orElseThrow().score().code()).isEqualTo("111");
        assertThat(rfm.customer("c1").orElseThrow().segment()).isEqualTo(SegmentMap.LOST);
        assertThat(rfm.segmentCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    @Test
    void namesSegmentsFromTheRecencyAndFrequencyMonetaryGrid() {
        SegmentMap map = SegmentMap.defaults();
        assertThat(map.segmentOf(new RfmScore(5, 1, 1))).isEqualTo(SegmentMap.NEW_CUSTOMERS);
        assertThat(map.segmentOf(new RfmScore(1, 5, 5))).isEqualTo(SegmentMap.CANNOT_LOSE);
        assertThat(map.segmentOf(new RfmScore(2, 4, 3))).isEqualTo(SegmentMap.AT_RISK);
        assertThat(map.segmentOf(new RfmScore(3, 4, 5))).isEqualTo(SegmentMap.LOYAL);
        assertThat(map.segmentOf(new RfmScore(1, 2, 1))).isEqualTo(SegmentMap.LOST);
        assertThat(new RfmScore(3, 4, 5).frequencyMonetary()).isEqualTo(5);
    }

    @Test
    void acceptsAReplacementSegmentMap() {
        SegmentMap twoGroups = s -> s.recency() >= 3 ? "active" : "lapsed";
        Transactions batch = Transactions.of(List.of(t("a", "2024-01-01", "1"), t("b", "2024-03-01", "1")));
        RfmAnalysis rfm = RfmAnalysis.of(batch, LocalDate.of(2024, 3, 1), twoGroups);
        assertThat(rfm.segmentCounts()).isEqualTo(Map.of("active", 1, "lapsed", 1));
        assertThatThrownBy(() -> SegmentMap.grid(new String[4][5])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RfmAnalysis.of(batch, LocalDate.of(2024, 3, 1), s -> " "))
                .hasMessageContaining("segments: must name a segment for every score");
    }

    @Test
    void refusesARepeatedCustomerAndOutOfRangeScores() {
        RfmValues v = new RfmValues("a", 1, 1, BigDecimal.ONE);
        assertThatThrownBy(() -> RfmAnalysis.of(List.of(v, v), SegmentMap.defaults()))
                .hasMessage("values: must not repeat a customer");
        assertThatThrownBy(() -> new RfmScore(0, 1, 6)).hasMessageContaining("recency: must be between 1 and 5");
    }

    @Test
    void scoresAreEqualForEqualValuesInRangeMonotoneAndIndependentOfCustomerOrder() {
        qt().withExamples(150).withFixedSeed(5L)
                .forAll(integers().between(1, 80), longs().all())
                .checkAssert((n, seed) -> {
                    Random random = new Random(seed);
                    List<RfmValues> values = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        values.add(new RfmValues("c" + i, random.nextInt(6), 1 + random.nextInt(4),
                                BigDecimal.valueOf(random.nextInt(5) * 10L, 2)));
                    }
                    RfmAnalysis rfm = RfmAnalysis.of(values, SegmentMap.defaults());
                    List<RfmValues> shuffled = new ArrayList<>(values);
                    Collections.shuffle(shuffled, random);
                    RfmAnalysis again = RfmAnalysis.of(shuffled, SegmentMap.defaults());
                    for (RfmCustomer a : rfm.customers()) {
                        assertThat(again.customer(a.customerId()).orElseThrow()).isEqualTo(a);
                        for (RfmCustomer b : rfm.customers()) {
                            checkPair(a, b);
                        }
                    }
                });
    }

    private static void checkPair(RfmCustomer a, RfmCustomer b) {
        RfmValues x = a.values();
        RfmValues y = b.values();
        if (x.recencyDays() == y.recencyDays()) {
            assertThat(a.score().recency()).isEqualTo(b.score().recency());
        } else if (x.recencyDays() < y.recencyDays()) {
            assertThat(a.score().recency()).isGreaterThanOrEqualTo(b.score().recency());
        }
        if (x.frequency() == y.frequency()) {
            assertThat(a.score().frequency()).isEqualTo(b.score().frequency());
        } else if (x.frequency() > y.frequency()) {
            assertThat(a.score().frequency()).isGreaterThanOrEqualTo(b.score().frequency());
        }
        int money = x.monetary().compareTo(y.monetary());
        if (money == 0) {
            assertThat(a.score().monetary()).isEqualTo(b.score().monetary());
        } else if (money > 0) {
            assertThat(a.score().monetary()).isGreaterThanOrEqualTo(b.score().monetary());
        }
    }

    @Test
    void segmentsTheCdnowCustomersAtTheEndOfCalibration() throws IOException {
        RfmAnalysis rfm = RfmAnalysis.of(cdnow(), LocalDate.of(1997, 9, 30));
        assertThat(rfm.customers()).hasSize(2357);
        assertThat(rfm.segmentCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2357);
        assertThat(rfm.customers()).allSatisfy(c -> assertThat(c.segment()).isNotBlank());
        assertThat(rfm.segmentCounts()).containsExactlyEntriesOf(CDNOW_SEGMENTS);
    }

    /** Computed by this implementation (no published reference); a change here needs a reason. */
    static final Map<String, Integer> CDNOW_SEGMENTS = new java.util.LinkedHashMap<>();

    static {
        CDNOW_SEGMENTS.put(SegmentMap.CHAMPIONS, 609);
        CDNOW_SEGMENTS.put(SegmentMap.HIBERNATING, 415);
        CDNOW_SEGMENTS.put(SegmentMap.LOST, 269);
        CDNOW_SEGMENTS.put(SegmentMap.ABOUT_TO_SLEEP, 264);
        CDNOW_SEGMENTS.put(SegmentMap.AT_RISK, 231);
        CDNOW_SEGMENTS.put(SegmentMap.LOYAL, 214);
        CDNOW_SEGMENTS.put(SegmentMap.POTENTIAL_LOYALISTS, 187);
        CDNOW_SEGMENTS.put(SegmentMap.NEED_ATTENTION, 142);
        CDNOW_SEGMENTS.put(SegmentMap.CANNOT_LOSE, 26);
    }

    /** The CDNOW sample as distributed: no header, fields separated by blanks. */
    static Transactions cdnow() throws IOException {
        try (Reader in = new InputStreamReader(RfmAnalysisTest.class.getResourceAsStream(
                "/org/crmkit/core/analytics/transactions/CDNOW_sample.txt"), StandardCharsets.UTF_8)) {
            return TransactionCsv.read(in, TransactionCsv.Options.defaults(Currency.getInstance("USD"))
                    .withHeader("master_id", "customer_id", "date", "cds", "amount")
                    .withWhitespaceDelimited()
                    .withDateFormat("yyyyMMdd")).transactions();
        }
    }
}
