package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Currency;

import org.crmkit.core.analytics.transactions.TransactionCsv.OnError;
import org.crmkit.core.analytics.transactions.TransactionCsv.Options;
import org.crmkit.spi.ValidationException;

/**
 * Fuzzes the CSV reader: whatever the text and options, it either refuses the input with a
 * {@link CsvFormatException} with a line number (with {@link OnError#SKIP}, only for the header:
 * a bad record is skipped), or returns a result whose counts add up. Any other exception, a plain
 * {@link ValidationException} included, is a bug.
 *
 * <p>A normal test run replays the inputs under
 * {@code src/test/resources/.../TransactionCsvFuzzTestInputs/read/}; run with {@code JAZZER_FUZZ=1}
 * to fuzz for real.
 */
class TransactionCsvFuzzTest {

    private static final Currency[] CURRENCIES = {
            Currency.getInstance("EUR"), Currency.getInstance("JPY"), Currency.getInstance("BHD")};

    @FuzzTest(maxDuration = "60s")
    void read(FuzzedDataProvider data) {
        Options options = Options.defaults(data.pickValue(CURRENCIES))
                .withDelimiter(data.pickValue(new Character[] {',', ';', '\t', '|', ' '}))
                .withDateFormat(data.pickValue(new String[] {"yyyy-MM-dd", "yyyyMMdd", "dd.MM.yyyy"}))
                .withOnError(data.consumeBoolean() ? OnError.SKIP : OnError.FAIL);
        if (data.consumeBoolean()) {
            options = options.withOptionalColumns("margin", "product", null, "channel");
        }
        if (data.consumeBoolean()) {
            options = options.withHeader("customer_id", "date", "amount", "margin", "product", "channel");
        }
        if (data.consumeBoolean()) {
            options = options.withWhitespaceDelimited();
        }
        String text = data.consumeRemainingAsString();
        try {
            TransactionCsv.Result result = TransactionCsv.read(text, options);
            assertThat(result.records()).isEqualTo(result.transactions().size() + result.skipped());
            assertThat(result.errors()).hasSize((int) Math.min(result.skipped(), TransactionCsv.MAX_ERRORS_KEPT));
            result.transactions().summaries();
            if (options.onError() == OnError.FAIL) {
                assertThat(result.skipped()).isZero();
            }
        } catch (CsvFormatException expected) {
            assertThat(expected.lineNumber()).isPositive();
            assertThat(expected.getMessage()).startsWith("line " + expected.lineNumber() + ": ");
            if (options.onError() == OnError.SKIP) {
                assertThat(expected.field()).isEqualTo("header");
            }
        }
    }
}
