package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import org.crmkit.core.analytics.transactions.TransactionCsv.OnError;
import org.crmkit.core.analytics.transactions.TransactionCsv.Options;
import org.crmkit.core.analytics.transactions.TransactionCsv.Result;
import org.junit.jupiter.api.Test;

/**
 * The buffered reader with its direct number, date and dictionary paths against the reference
 * reader it replaced ({@link LegacyTransactionCsv}: a {@code String} per field, a
 * {@link Transaction} and {@code BigDecimal}s per record, the formatter per date), on random files
 * that are mostly sound and often broken: the same transactions in the same order, the same counts,
 * the same errors with the same lines and messages, or the same exception.
 */
class TransactionCsvDifferentialTest {

    private static final Currency[] CURRENCIES = {
            Currency.getInstance("EUR"), Currency.getInstance("JPY"), Currency.getInstance("BHD")};
    private static final char[] DELIMITERS = {',', ';', '\t', '|', ' '};
    private static final String[] DATE_FORMATS = {"yyyy-MM-dd", "yyyyMMdd", "dd.MM.yyyy", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss.SSS"};
    private static final String[] BLANKS = {"", "", "", " ", "\t", "\u2003", "\u00a0", " \u3000 "};
    private static final String[] LINE_ENDS = {"\n", "\n", "\r\n", "\r"};

    /** What a read came to, in a form that compares by value. */
    private static Object outcome(Result r) {
        List<Object> errors = new ArrayList<>();
        for (CsvFormatException e : r.errors()) {
            errors.add(e.lineNumber() + "|" + e.field() + "|" + e.getMessage());
        }
        return List.of(r.records(), r.skipped(), errors, r.transactions().currency(),
                r.transactions().customerIds(), r.transactions().stream().toList());
    }

    private static Object outcome(ThrowingRead read) {
        try {
            return outcome(read.read());
        } catch (CsvFormatException e) {
            return List.of("CsvFormatException", e.lineNumber(), e.field(), e.getMessage());
        } catch (RuntimeException e) {
            return List.of(e.getClass().getName(), String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private interface ThrowingRead {
        Result read() throws IOException;
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String customer(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "Smith, \"Jo\"";
            case 2 -> "line\nbreak";
            case 3 -> "\u00c5sa";
            default -> "c" + random.nextInt(random.nextBoolean() ? 5 : 400);
        };
    }

    private static String field(Random random, String column, String dateFormat) {
        String value = switch (column) {
            case "customer_id" -> customer(random);
            case "date" -> EpochDaysTest.randomDate(random, dateFormat);
            case "amount" -> random.nextInt(4) == 0 ? MinorUnitsTest.randomDecimal(random)
                    : (random.nextInt(5) == 0 ? "-" : "") + random.nextInt(500) + "." + random.nextInt(100);
            case "margin" -> random.nextInt(3) == 0 ? "" : MinorUnitsTest.randomDecimal(random);
            case "product", "channel" -> random.nextInt(3) == 0 ? "" : column.charAt(0) + "" + random.nextInt(6);
            default -> "note " + random.nextInt(3);
        };
        return pick(random, BLANKS) + value + pick(random, BLANKS);
    }

    private static String quoted(Random random, String value, char delimiter, boolean whitespace) {
        if (whitespace) {
            return value;
        }
        boolean needs = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return switch (random.nextInt(40)) {
            case 0 -> "\"" + value; // left open
            case 1 -> "\"" + value + "\"x"; // text after the closing quote
            case 2 -> value + "\"";  // a quote inside an unquoted field
            default -> needs || random.nextInt(8) == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        };
    }

    private static String file(Random random, Options options, List<String> columns, boolean withHeaderRecord) {
        char delimiter = options.whitespaceDelimited() ? ' ' : options.delimiter();
        String sep = String.valueOf(delimiter);
        StringBuilder text = new StringBuilder();
        if (random.nextInt(10) == 0) {
            text.append('\uFEFF');
        }
        if (withHeaderRecord) {
            text.append(String.join(sep, columns)).append(pick(random, LINE_ENDS));
        }
        int rows = random.nextInt(random.nextBoolean() ? 8 : 120);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(15) == 0) {
                text.append(pick(random, LINE_ENDS)); // an empty line
                continue;
            }
            int fields = columns.size() + (random.nextInt(25) == 0 ? random.nextInt(3) - 1 : 0);
            List<String> values = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                String column = f < columns.size() ? columns.get(f) : "extra";
                values.add(quoted(random, field(random, column, options.dateFormat()), delimiter,
                        options.whitespaceDelimited()));
            }
            if (random.nextInt(300) == 0) {
                values.set(0, "c".repeat(CsvRecords.MAX_FIELD + random.nextInt(3) - 1));
            }
            text.append(String.join(sep, values));
            if (r < rows - 1 || random.nextBoolean()) {
                text.append(pick(random, LINE_ENDS));
            }
        }
        return text.toString();
    }

    @Test
    void readsEveryFileAsTheReferenceReaderDoes() {
        qt().withExamples(2_500).withFixedSeed(4_2024L)
                .forAll(longs().all())
                .checkAssert(seed -> {
                    Random random = new Random(seed);
                    String dateFormat = DATE_FORMATS[random.nextInt(DATE_FORMATS.length)];
                    Options options = Options.defaults(CURRENCIES[random.nextInt(CURRENCIES.length)])
                            .withDelimiter(DELIMITERS[random.nextInt(DELIMITERS.length)])
                            .withDateFormat(dateFormat)
                            .withOnError(random.nextInt(3) == 0 ? OnError.FAIL : OnError.SKIP);
                    List<String> columns = new ArrayList<>(List.of("customer_id", "date", "amount"));
                    if (random.nextBoolean()) {
                        options = options.withOptionalColumns("margin", "product", null, "channel");
                        columns.addAll(List.of("margin", "product", "channel"));
                    }
                    if (random.nextBoolean()) {
                        columns.add("note");
                    }
                    Collections.shuffle(columns, random);
                    boolean whitespace = random.nextInt(5) == 0;
                    if (whitespace) {
                        options = options.withWhitespaceDelimited();
                    }
                    boolean headerRecord = random.nextInt(4) != 0;
                    if (!headerRecord) {
                        options = options.withHeader(columns.toArray(String[]::new));
                    }
                    String text = file(random, options, columns, headerRecord);
                    Options o = options;
                    Object expected = outcome(() -> LegacyTransactionCsv.read(text, o));
                    // a reader that hands out few characters at a time, so records straddle the buffer
                    Object actual = outcome(() -> TransactionCsv.read(random.nextBoolean()
                            ? new StringReader(text) : trickle(text, random.nextInt(7) + 1), o));
                    assertThat(actual).as("options %s, text %s", o, text.length() > 4000 ? "(long)" : text)
                            .isEqualTo(expected);
                    // a bad record is a CsvFormatException on its line; with SKIP only the header stops a read
                    if (actual instanceof List<?> out && out.get(0) instanceof String thrown) {
                        assertThat(thrown).as("%s, text %s", out, text.length() > 4000 ? "(long)" : text)
                                .isEqualTo("CsvFormatException");
                        if (o.onError() == OnError.SKIP) {
                            assertThat(out.get(2)).as("%s", out).isEqualTo("header");
                        }
                    }
                });
    }

    @Test
    void handlesTheLongestFieldAsTheReferenceReaderDoes() {
        Options skip = Options.defaults(CURRENCIES[0]).withOnError(OnError.SKIP);
        List<String> cases = new ArrayList<>();
        for (int length = CsvRecords.MAX_FIELD - 2; length <= CsvRecords.MAX_FIELD + 1; length++) {
            String body = "c".repeat(length);
            for (String next : List.of("\n", "\r", "\r\n", "\"", ",", "\"\"", "x")) {
                cases.add("\"" + body + next + "\",2024-01-01,1\nd,2024-01-02,2\ne,2024-01-03,x\n");
                cases.add("\"" + body.substring(1) + next + "c\",2024-01-01,1\r\nd,2024-01-02,2\ne,2024-01-03,x\n");
                cases.add(body + next + ",2024-01-01,1\nd,2024-01-02,2\ne,2024-01-03,x\n");
            }
        }
        for (String body : cases) {
            String text = "customer_id,date,amount\n" + body;
            for (Options o : List.of(skip, skip.withOnError(OnError.FAIL), skip.withWhitespaceDelimited())) {
                assertThat(outcome(() -> TransactionCsv.read(text, o)))
                        .isEqualTo(outcome(() -> LegacyTransactionCsv.read(text, o)));
            }
        }
    }

    private static Reader trickle(String text, int most) {
        return new StringReader(text) {
            @Override
            public int read(char[] buffer, int off, int len) throws IOException {
                return super.read(buffer, off, Math.min(len, most));
            }
        };
    }
}
