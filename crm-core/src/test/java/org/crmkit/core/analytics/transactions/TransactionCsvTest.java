package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;

import org.crmkit.core.analytics.transactions.TransactionCsv.OnError;
import org.crmkit.core.analytics.transactions.TransactionCsv.Options;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionCsvTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Options DEFAULTS = Options.defaults(EUR);

    @Test
    void readsTheDefaultColumnsInAnyOrderAndIgnoresOthers() {
        var result = TransactionCsv.read("""
                note,amount,date,customer_id
                x,12.50,2024-03-01,c2
                y,-2.5,2024-03-02,c1
                z,7,2024-02-01,c1
                """, DEFAULTS);
        Transactions t = result.transactions();
        assertThat(result.records()).isEqualTo(3);
        assertThat(t.customerIds()).containsExactly("c1", "c2");
        assertThat(t.date(0)).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(t.amount(1)).isEqualByComparingTo("-2.50");
        assertThat(t.amountMinor(2)).isEqualTo(1250);
        assertThat(t.currency()).contains(EUR);
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaksInside() {
        var result = TransactionCsv.read("customer_id;date;amount;product\r\n"
                        + "\"Smith; \"\"Jo\"\"\";2024-01-05;3.00;\"two\r\nlines\"\r\n"
                        + "plain;2024-01-06;4;\r\n",
                DEFAULTS.withDelimiter(';').withOptionalColumns(null, "product", null, null));
        Transactions t = result.transactions();
        assertThat(t.customerIds()).containsExactly("Smith; \"Jo\"", "plain");
        assertThat(t.product(t.start(0))).contains("two\r\nlines");
        assertThat(t.product(t.start(1))).isEmpty();
    }

    @Test
    void readsCompactDatesAndOptionalColumns() {
        var result = TransactionCsv.read("""
                who,when,paid,margin,sku,cat,via
                a,20240229,10.00,2.50,p1,music,web
                """, DEFAULTS.withColumns("who", "when", "paid").withDateFormat("yyyyMMdd")
                .withOptionalColumns("margin", "sku", "cat", "via"));
        Transaction t = result.transactions().get(0);
        assertThat(t.date()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(t.margin()).isEqualByComparingTo("2.50");
        assertThat(t.product()).isEqualTo("p1");
        assertThat(t.category()).isEqualTo("music");
        assertThat(t.channel()).isEqualTo("web");
    }

    @Test
    void readsBlankSeparatedFilesWithoutAHeader() {
        Options options = DEFAULTS.withHeader("customer_id", "date", "amount").withWhitespaceDelimited();
        // no quoting in this mode: "2" is not a number
        var result = TransactionCsv.read("  a\t 2024-01-01   1.50\n\nb 2024-01-02 \"2\"\n",
                options.withOnError(OnError.SKIP));
        assertThat(result.records()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.errors().get(0)).hasMessage("line 3: amount: must be a decimal number like -12.50 (was '\"2\"')");
        assertThat(result.transactions().amount(0)).isEqualByComparingTo("1.50");
        assertThatThrownBy(() -> TransactionCsv.read("a 2024-01-01 1\nb 2024-01-02 2 9\n", options))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.lineNumber()).isEqualTo(2))
                .hasMessageContaining("must have 3 fields like the header (has 4)");
        assertThatThrownBy(() -> DEFAULTS.withHeader("a", " ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void keepsTheDayOfATimestamp() {
        var result = TransactionCsv.read("customer_id,date,amount\na,2024-03-01T23:59:10,1\n",
                DEFAULTS.withDateFormat("yyyy-MM-dd'T'HH:mm:ss"));
        assertThat(result.transactions().date(0)).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void keepsTheTimeOfATimestampToTheSecondAndOrdersADayByIt() {
        var result = TransactionCsv.read("customer_id,date,amount\n"
                        + "a,2024-03-01 23:59:10.750,1\na,2024-03-01 08:00:00.000,2\na,2024-02-29 12:00:00.000,3\n",
                DEFAULTS.withDateFormat("yyyy-MM-dd HH:mm:ss.SSS"));
        Transactions t = result.transactions();
        assertThat(t.stream().map(Transaction::time)).containsExactly(LocalTime.of(12, 0), LocalTime.of(8, 0),
                LocalTime.of(23, 59, 10));
        assertThat(t.summaries().get(0).occasions()).isEqualTo(2);
        assertThat(TransactionCsv.read("customer_id,date,amount\na,2024-03-01,1\n", DEFAULTS).transactions().time(0))
                .isEmpty();
    }

    @Test
    void namesTheFileLineOfAnUnparseableDate() {
        assertThatThrownBy(() -> TransactionCsv.read("""
                customer_id,date,amount
                a,2024-01-01,1

                a,2023-02-29,1
                """, DEFAULTS))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("date");
                })
                .hasMessage("line 4: date: must be a date in the format yyyy-MM-dd (was '2023-02-29')");
    }

    @Test
    void namesTheFileLineOfAnUnparseableAmountAfterAMultiLineField() {
        assertThatThrownBy(() -> TransactionCsv.read("customer_id,date,amount\n\"a\nb\",2024-01-01,1\n"
                + "c,2024-01-01,1,5\nd,2024-01-01,1e3\n", DEFAULTS.withOnError(OnError.FAIL)))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.lineNumber()).isEqualTo(4))
                .hasMessageContaining("must have 3 fields like the header (has 4)");
        assertThatThrownBy(() -> TransactionCsv.read("customer_id,date,amount\nd,2024-01-01,1e3\n", DEFAULTS))
                .hasMessage("line 2: amount: must be a decimal number like -12.50 (was '1e3')");
        assertThatThrownBy(() -> TransactionCsv.read("customer_id,date,amount\nd,2024-01-01,1.234\n", DEFAULTS))
                .hasMessage("line 2: amount: must have at most 2 decimal places for EUR");
    }

    @Test
    void refusesAHeaderWithoutARequiredColumn() {
        assertThatThrownBy(() -> TransactionCsv.read("customer,date,amount\n", DEFAULTS))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 1: header: must have a column 'customer_id'");
        assertThatThrownBy(() -> TransactionCsv.read("", DEFAULTS))
                .hasMessage("line 1: header: must be present");
    }

    @Test
    void skipsAndCountsBadRecordsWhenAskedAndGoesOnAtTheNextLine() {
        var result = TransactionCsv.read("""
                customer_id,date,amount
                a,2024-01-01,1
                b,"2024-01-02"x,2
                c,2024-01-03
                d,2024-13-01,4
                e,2024-01-05,5
                """, DEFAULTS.withOnError(OnError.SKIP));
        assertThat(result.records()).isEqualTo(5);
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(result.transactions().customerIds()).containsExactly("a", "e");
        assertThat(result.errors()).extracting(CsvFormatException::lineNumber).containsExactly(3L, 4L, 5L);
    }

    /**
     * {@code text} has one bad record, on {@code line}: FAIL throws its error, SKIP leaves out and
     * counts that record only and keeps the same error.
     */
    private static TransactionCsv.Result assertRowError(String text, Options options, long line, String field,
                                                        String message) {
        assertThatThrownBy(() -> TransactionCsv.read(text, options.withOnError(OnError.FAIL)))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                })
                .hasMessage(message);
        var result = TransactionCsv.read(text, options.withOnError(OnError.SKIP));
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.records()).isEqualTo(result.transactions().size() + 1);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.lineNumber()).isEqualTo(line);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e).hasMessage(message);
        });
        return result;
    }

    @Test
    void refusesADateBeyondWhatABatchHoldsAsAnErrorOfItsRecord() {
        var result = assertRowError("""
                customer_id,date,amount
                a,2024-01-01,1
                b,+12345678-01-01,2
                c,2024-01-03,3
                """, DEFAULTS, 3, "date",
                "line 3: date: must be within about 5.8 million years of 1970 (was '+12345678-01-01')");
        assertThat(result.transactions().customerIds()).containsExactly("a", "c");
        // the last day an int epoch day holds is read, the next one is not, with any pattern
        assertThat(TransactionCsv.read("customer_id,date,amount\na,+5881580-07-11,1\nb,-5877641-06-23,1\n", DEFAULTS)
                .transactions().stream().map(Transaction::date))
                .containsExactly(LocalDate.ofEpochDay(Integer.MAX_VALUE), LocalDate.ofEpochDay(Integer.MIN_VALUE));
        assertRowError("when;customer_id;amount\n22.06.-5877641;a;1\n", DEFAULTS.withDelimiter(';')
                        .withColumns("customer_id", "when", "amount").withDateFormat("dd.MM.yyyy"), 2, "when",
                "line 2: when: must be within about 5.8 million years of 1970 (was '22.06.-5877641')");
        assertRowError("customer_id,date,amount\na,+58815800712,1\n", DEFAULTS.withDateFormat("yyyyMMdd"), 2, "date",
                "line 2: date: must be within about 5.8 million years of 1970 (was '+58815800712')");
    }

    @Test
    void refusesAnAmountWhoseMinorUnitsOverflowALongAsAnErrorOfItsRecord() {
        var result = assertRowError("""
                customer_id,date,paid
                a,2024-01-01,92233720368547758.07
                b,2024-01-02,92233720368547758.08
                """, DEFAULTS.withColumns("customer_id", "date", "paid"), 3, "paid",
                "line 3: paid: must fit in 64-bit minor units of EUR");
        assertThat(result.transactions().amountMinor(0)).isEqualTo(Long.MAX_VALUE);
        assertRowError("customer_id,date,amount\na,2024-01-01,-9223372036854775809\n",
                Options.defaults(Currency.getInstance("JPY")), 2, "amount",
                "line 2: amount: must fit in 64-bit minor units of JPY");
        assertRowError("customer_id,date,amount\na,2024-01-01,1.5\n", Options.defaults(Currency.getInstance("JPY")),
                2, "amount", "line 2: amount: must have at most 0 decimal places for JPY");
    }

    @Test
    void refusesABadMarginAsAnErrorOfItsRecordAndReadsABlankOneAsNone() {
        Options withProfit = DEFAULTS.withOptionalColumns("profit", null, null, null);
        var result = assertRowError("""
                customer_id,date,amount,profit
                a,2024-01-01,10,\s
                b,2024-01-02,10,1e2
                c,2024-01-03,10,2.50
                """, withProfit, 3, "profit", "line 3: profit: must be a decimal number like -12.50 (was '1e2')");
        assertThat(result.transactions().stream().map(Transaction::margin))
                .containsExactly(null, new BigDecimal("2.50"));
        assertRowError("customer_id,date,amount,profit\na,2024-01-01,10,-92233720368547758.09\n", withProfit, 2,
                "profit", "line 2: profit: must fit in 64-bit minor units of EUR");
        assertRowError("customer_id,date,amount,profit\na,2024-01-01,10,0.001\n", withProfit, 2, "profit",
                "line 2: profit: must have at most 2 decimal places for EUR");
    }

    @Test
    void refusesABlankCustomerAsAnErrorOfItsRecord() {
        var result = assertRowError(
                "who,date,amount\na,2024-01-01,1\n\" \u2003\t\",2024-01-02,2\n\u00a0,2024-01-03,3\n",
                DEFAULTS.withColumns("who", "date", "amount"), 3, "who", "line 3: who: must not be blank");
        // a no-break space is not blank, as for String.isBlank
        assertThat(result.transactions().customerIds()).containsExactly("a", "\u00a0");
    }

    @Test
    void dropsTheFractionOfASecondRatherThanRefusingTheRecord() {
        var result = TransactionCsv.read("customer_id,date,amount\na,2024-03-01 10:00:00.999,1\n",
                DEFAULTS.withDateFormat("yyyy-MM-dd HH:mm:ss.SSS").withOnError(OnError.SKIP));
        assertThat(result.skipped()).isZero();
        assertThat(result.transactions().time(0)).contains(LocalTime.of(10, 0));
    }

    @Test
    void givesTheBatchTheCurrencyOfTheOptionsSoNoRecordCanMixCurrencies() {
        var result = TransactionCsv.read("customer_id,date,amount,currency\na,2024-01-01,1,USD\n", DEFAULTS);
        assertThat(result.transactions().currency()).contains(EUR);
        assertThat(TransactionCsv.read("customer_id,date,amount\n", DEFAULTS).transactions().currency()).isEmpty();
    }

    @Test
    void reportsAnUnclosedQuoteAtTheLineWhereItsRecordStarts() {
        assertThatThrownBy(() -> TransactionCsv.read("customer_id,date,amount\na,2024-01-01,1\n\"b,2024\n", DEFAULTS))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.lineNumber()).isEqualTo(3))
                .hasMessageContaining("must close every quoted field");
    }

    @Test
    void refusesBadOptions() {
        assertThatThrownBy(() -> DEFAULTS.withDelimiter('"')).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DEFAULTS.withColumns("a", "a", "b"))
                .hasMessageContaining("dateColumn: must differ");
        assertThatThrownBy(() -> DEFAULTS.withDateFormat("yyyy-{{"))
                .hasMessageContaining("dateFormat: must be a valid date pattern");
    }

    @Test
    void readsAUtf8FileWithAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "\uFEFFcustomer_id,date,amount\nÅsa,2024-01-01,1\n");
        assertThat(TransactionCsv.read(file, DEFAULTS).transactions().customerIds()).containsExactly("Åsa");
    }
}
