package org.crmkit.core.analytics.transactions;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.crmkit.spi.ValidationException;

/**
 * Reads transactions from CSV text (RFC 4180: a header record, then one record per transaction;
 * fields may be quoted with {@code "}; CRLF, LF or CR end a record).
 *
 * <p>The header names the columns; for a file without one, {@link Options#withHeader} does, and
 * {@link Options#withWhitespaceDelimited} reads files whose fields are separated by blanks, such as
 * the CDNOW sample. The customer, date and amount columns are required, the margin, product,
 * category and channel columns are read when {@link Options} names them; other columns are
 * ignored. Values are stripped of surrounding blanks. An amount is a plain decimal number with
 * {@code .} as decimal point and an optional sign ({@code -12.50}), no exponent, no thousands
 * separator, at most as many decimals as the currency allows. A negative amount is read as a refund
 * (see {@link Transactions}). A date pattern with a time of day ({@code yyyy-MM-dd'T'HH:mm:ss})
 * reads a timestamp and keeps its day and its time of day, to the second (a fraction of a second is
 * dropped, not refused). Empty lines carry no record and are not counted.
 *
 * <p>Errors in a record. Whatever is wrong with one record is a {@link CsvFormatException} that
 * names the file line on which the record starts, the column as named in the header (or
 * {@code record}) and the rule: a stray or unclosed quote, a field of more than 65,536 characters,
 * a number of fields unlike the header's, a blank customer, a date the pattern refuses or one more
 * than about 5.8 million years from 1970 (which a pattern with {@code yyyy} reads, as in
 * {@code +12345678-01-01}), an amount or margin that is not a plain decimal, has more decimals than
 * the currency allows or does not fit in 64-bit minor units. With {@link OnError#FAIL} (the
 * default) the first such error is thrown. With {@link OnError#SKIP} a bad record is left out,
 * counted in {@link Result#skipped()} and its error kept in {@link Result#errors()} (the first
 * {@value #MAX_ERRORS_KEPT}). Nothing is dropped without being counted.
 *
 * <p>Errors of the whole file are thrown whatever {@link OnError} says, since no later record
 * could be read either: a missing or bad header (a {@link CsvFormatException} on {@code header}),
 * a failing {@link Reader}, and a file larger than a batch holds (a {@link ValidationException} on
 * {@code transactions} past {@link Integer#MAX_VALUE} transactions, an
 * {@link IllegalStateException} past about 537 million distinct customers, or products, categories
 * or channels). The currency is the one of {@link Options} for every record, so no record can bring
 * a second one.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TransactionCsv {

    /** How many skipped records' errors a {@link Result} keeps. */
    public static final int MAX_ERRORS_KEPT = 100;

    private TransactionCsv() {
    }

    /**
     * What to do with a record that cannot be read.
     *
     * @since 0.1
     */
    public enum OnError {
        /** Throw the first error. */
        FAIL,
        /** Leave the record out, count it, and keep its error. */
        SKIP
    }

    /**
     * How to read a file. Start from {@link #defaults(Currency)} and change what differs.
     *
     * <p>Immutable and thread-safe.
     *
     * @param currency       the currency of every amount; not null
     * @param customerColumn the header of the customer key column; default {@code customer_id}
     * @param dateColumn     the header of the date column; default {@code date}
     * @param amountColumn   the header of the amount column; default {@code amount}
     * @param marginColumn   the header of the margin column, or null for none (default)
     * @param productColumn  the header of the product column, or null for none (default)
     * @param categoryColumn the header of the category column, or null for none (default)
     * @param channelColumn  the header of the channel column, or null for none (default)
     * @param dateFormat     a {@link DateTimeFormatter} pattern, read strictly (no 31 April);
     *                       default {@code yyyy-MM-dd}; {@code yyyyMMdd} works too
     * @param delimiter      the field delimiter; default {@code ,}; not a quote, CR or LF
     * @param onError        what to do with a bad record; default {@link OnError#FAIL}
     * @param header         the column names of a file without a header record, or null (default) when
     *                       the first record is the header
     * @param whitespaceDelimited if true, fields are separated by runs of spaces and tabs, leading and
     *                       trailing blanks are ignored and quotes have no meaning (files such as
     *                       CDNOW_sample.txt); {@code delimiter} is then unused; default false
     */
    public record Options(Currency currency, String customerColumn, String dateColumn, String amountColumn,
                          String marginColumn, String productColumn, String categoryColumn, String channelColumn,
                          String dateFormat, char delimiter, OnError onError, List<String> header,
                          boolean whitespaceDelimited) {

        /** Validates the options; column names must be distinct and not blank. */
        public Options {
            if (currency == null) {
                throw new ValidationException("currency", "must not be null");
            }
            if (onError == null) {
                throw new ValidationException("onError", "must not be null");
            }
            if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
                throw new ValidationException("delimiter", "must not be a quote, CR or LF", delimiter);
            }
            Set<String> seen = new HashSet<>();
            String[] names = {customerColumn, dateColumn, amountColumn, marginColumn, productColumn,
                    categoryColumn, channelColumn};
            String[] fields = {"customerColumn", "dateColumn", "amountColumn", "marginColumn", "productColumn",
                    "categoryColumn", "channelColumn"};
            for (int i = 0; i < names.length; i++) {
                if (names[i] == null && i >= 3) {
                    continue;
                }
                if (names[i] == null || names[i].isBlank()) {
                    throw new ValidationException(fields[i], "must not be blank", names[i]);
                }
                if (!seen.add(names[i])) {
                    throw new ValidationException(fields[i], "must differ from the other columns", names[i]);
                }
            }
            formatter(dateFormat);
            if (header != null) {
                header = List.copyOf(header);
                if (header.isEmpty() || header.stream().anyMatch(String::isBlank)) {
                    throw new ValidationException("header", "must name at least one column, none blank", header);
                }
            }
        }

        /** @return the default options for amounts in {@code currency} */
        public static Options defaults(Currency currency) {
            return new Options(currency, "customer_id", "date", "amount", null, null, null, null, "yyyy-MM-dd", ',',
                    OnError.FAIL, null, false);
        }

        /** @return a copy reading the given required columns */
        public Options withColumns(String customer, String date, String amount) {
            return new Options(currency, customer, date, amount, marginColumn, productColumn, categoryColumn,
                    channelColumn, dateFormat, delimiter, onError, header, whitespaceDelimited);
        }

        /** @return a copy reading the given optional columns (each may be null) */
        public Options withOptionalColumns(String margin, String product, String category, String channel) {
            return new Options(currency, customerColumn, dateColumn, amountColumn, margin, product, category,
                    channel, dateFormat, delimiter, onError, header, whitespaceDelimited);
        }

        /** @return a copy with the given date pattern */
        public Options withDateFormat(String pattern) {
            return new Options(currency, customerColumn, dateColumn, amountColumn, marginColumn, productColumn,
                    categoryColumn, channelColumn, pattern, delimiter, onError, header, whitespaceDelimited);
        }

        /** @return a copy with the given delimiter */
        public Options withDelimiter(char newDelimiter) {
            return new Options(currency, customerColumn, dateColumn, amountColumn, marginColumn, productColumn,
                    categoryColumn, channelColumn, dateFormat, newDelimiter, onError, header, whitespaceDelimited);
        }

        /** @return a copy with the given error handling */
        public Options withOnError(OnError newOnError) {
            return new Options(currency, customerColumn, dateColumn, amountColumn, marginColumn, productColumn,
                    categoryColumn, channelColumn, dateFormat, delimiter, newOnError, header, whitespaceDelimited);
        }

        /** @return a copy for a file without a header record, whose columns have these names */
        public Options withHeader(String... names) {
            if (names == null) {
                throw new ValidationException("header", "must not be null");
            }
            return new Options(currency, customerColumn, dateColumn, amountColumn, marginColumn, productColumn,
                    categoryColumn, channelColumn, dateFormat, delimiter, onError, List.of(names), whitespaceDelimited);
        }

        /** @return a copy reading fields separated by runs of blanks, without quoting */
        public Options withWhitespaceDelimited() {
            return new Options(currency, customerColumn, dateColumn, amountColumn, marginColumn, productColumn,
                    categoryColumn, channelColumn, dateFormat, delimiter, onError, header, true);
        }
    }

    /**
     * What a read produced. {@code records == transactions.size() + skipped}.
     *
     * <p>Immutable and thread-safe.
     *
     * @param transactions the transactions read
     * @param records      the number of data records (header and empty lines not counted)
     * @param skipped      the number of records left out ({@link OnError#SKIP} only)
     * @param errors       the errors of the first {@value TransactionCsv#MAX_ERRORS_KEPT} skipped records
     */
    public record Result(Transactions transactions, long records, long skipped, List<CsvFormatException> errors) {

        /** Checks the counts and copies the error list. */
        public Result {
            Objects.requireNonNull(transactions, "transactions must not be null");
            errors = List.copyOf(errors);
            if (skipped < 0 || records != transactions.size() + skipped) {
                throw new ValidationException("records", "must equal transactions plus skipped records", records);
            }
        }
    }

    /**
     * Reads a UTF-8 file (a leading byte order mark is ignored).
     *
     * @throws IOException         if the file cannot be read
     * @throws CsvFormatException  on bad content (see the class comment)
     * @throws ValidationException on field {@code file} if {@code file} is null
     */
    public static Result read(Path file, Options options) throws IOException {
        if (file == null) {
            throw new ValidationException("file", "must not be null");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, options);
        }
    }

    /** Reads CSV text; see {@link #read(Reader, Options)}. */
    public static Result read(String text, Options options) {
        if (text == null) {
            throw new ValidationException("text", "must not be null");
        }
        try {
            return read(new StringReader(text), options);
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
    }

    /**
     * Reads CSV from {@code in}, which the caller closes.
     *
     * @throws IOException        if {@code in} fails
     * @throws CsvFormatException on bad content (see the class comment)
     */
    public static Result read(Reader in, Options options) throws IOException {
        Objects.requireNonNull(in, "in must not be null");
        if (options == null) {
            throw new ValidationException("options", "must not be null");
        }
        CsvRecords records = new CsvRecords(in, options.delimiter(), options.whitespaceDelimited());
        List<String> header = options.header();
        while (header == null || isEmptyLine(header)) {
            header = records.next();
            if (header == null) {
                break;
            }
        }
        if (header == null) {
            throw new CsvFormatException(records.recordLine() == 0 ? 1 : records.recordLine(), "header",
                    "must be present", null);
        }
        Columns columns = Columns.of(header, options, Math.max(1, records.recordLine()));
        Rows rows = new Rows(columns, options, Transactions.builder());
        long count = 0;
        long skipped = 0;
        List<CsvFormatException> errors = new ArrayList<>();
        while (true) {
            boolean more;
            try {
                more = records.nextRecord();
            } catch (CsvFormatException e) {
                // a malformed record: the reader has moved on to the next line, so it can be skipped
                if (options.onError() == OnError.FAIL) {
                    throw e;
                }
                count++;
                skipped++;
                if (errors.size() < MAX_ERRORS_KEPT) {
                    errors.add(e);
                }
                continue;
            }
            if (!more) {
                break;
            }
            if (records.isEmptyLine()) {
                continue;
            }
            count++;
            try {
                rows.add(records);
            } catch (CsvFormatException e) {
                if (options.onError() == OnError.FAIL) {
                    throw e;
                }
                skipped++;
                if (errors.size() < MAX_ERRORS_KEPT) {
                    errors.add(e);
                }
            }
        }
        return new Result(rows.batch.build(), count, skipped, Collections.unmodifiableList(errors));
    }

    private static boolean isEmptyLine(List<String> record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    /**
     * Checks each record and adds it to the batch without a {@link Transaction}, a {@code BigDecimal}
     * or a {@code String} per field: texts are compared in the reader's buffer, and a customer,
     * product, category or channel becomes a {@code String} only the first time it is seen. The
     * rules, their order and the messages are those of the {@link Transaction} record.
     */
    private static final class Rows {
        private final Columns columns;
        private final Options options;
        private final Transactions.Builder batch;
        private final EpochDays dates;
        private final MinorUnits amount;
        private final MinorUnits margin;
        private final int digits;
        private int from;
        private int to;
        private char[] previous = new char[32];
        private int previousLength;
        private int previousCode = -1;

        Rows(Columns columns, Options options, Transactions.Builder batch) {
            this.columns = columns;
            this.options = options;
            this.batch = batch;
            this.dates = new EpochDays(formatter(options.dateFormat()));
            this.digits = Transaction.minorDigits(options.currency());
            this.amount = new MinorUnits(digits);
            this.margin = new MinorUnits(digits);
        }

        void add(CsvRecords record) {
            long line = record.recordLine();
            if (record.fieldCount() != columns.count) {
                throw new CsvFormatException(line, "record",
                        "must have " + columns.count + " fields like the header (has " + record.fieldCount() + ")",
                        null);
            }
            char[] chars = record.chars();
            strip(record, columns.customer);
            int customerFrom = from;
            int customerTo = to;
            if (customerFrom == customerTo) {
                throw new CsvFormatException(line, options.customerColumn(), "must not be blank", null);
            }
            strip(record, columns.date);
            long epochDay;
            try {
                epochDay = dates.parse(chars, from, to);
            } catch (DateTimeException e) {
                throw new CsvFormatException(line, options.dateColumn(),
                        "must be a date in the format " + options.dateFormat(), new String(chars, from, to - from));
            }
            if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
                // a pattern with a year of more than four digits reads days a batch cannot hold as an int
                throw new CsvFormatException(line, options.dateColumn(),
                        "must be within about 5.8 million years of 1970", new String(chars, from, to - from));
            }
            // the syntax of both numbers is checked before their size, as the reference reader does
            strip(record, columns.amount);
            int amountStatus = amount.read(chars, from, to);
            if (amountStatus == MinorUnits.NOT_PLAIN) {
                throw notPlain(chars, options.amountColumn(), line);
            }
            boolean withMargin = false;
            int marginStatus = MinorUnits.OK;
            if (columns.margin >= 0) {
                strip(record, columns.margin);
                if (from < to) {
                    withMargin = true;
                    marginStatus = margin.read(chars, from, to);
                    if (marginStatus == MinorUnits.NOT_PLAIN) {
                        throw notPlain(chars, options.marginColumn(), line);
                    }
                }
            }
            check(amountStatus, options.amountColumn(), line);
            check(marginStatus, options.marginColumn(), line);
            // one currency per read: this only gives the batch its currency at the first row
            batch.checkCurrency(options.currency());
            int customer = customerCode(chars, customerFrom, customerTo);
            batch.add(customer, (int) epochDay, amount.value(), withMargin, withMargin ? margin.value() : 0,
                    code(record, columns.product, batch.products()), code(record, columns.category, batch.categories()),
                    code(record, columns.channel, batch.channels()), dates.secondOfDay());
        }

        /**
         * The customer's code; files are often grouped by customer, so the key of the previous row
         * is tried before the dictionary.
         */
        private int customerCode(char[] chars, int f, int t) {
            int n = t - f;
            if (n == previousLength && previousCode >= 0 && Arrays.equals(chars, f, t, previous, 0, n)) {
                return previousCode;
            }
            previousCode = batch.customerCode(chars, f, t);
            if (n > previous.length) {
                previous = new char[Math.max(n, previous.length * 2)];
            }
            System.arraycopy(chars, f, previous, 0, n);
            previousLength = n;
            return previousCode;
        }

        /** Sets {@code from} and {@code to} to field {@code i} without its surrounding blanks (as {@link String#strip}). */
        private void strip(CsvRecords record, int i) {
            char[] chars = record.chars();
            int f = record.start(i);
            int t = record.end(i);
            while (f < t && Character.isWhitespace(chars[f])) {
                f++;
            }
            while (t > f && Character.isWhitespace(chars[t - 1])) {
                t--;
            }
            from = f;
            to = t;
        }

        private CsvFormatException notPlain(char[] chars, String column, long line) {
            return new CsvFormatException(line, column, "must be a decimal number like -12.50",
                    new String(chars, from, to - from));
        }

        private void check(int status, String column, long line) {
            if (status == MinorUnits.TOO_MANY_DECIMALS) {
                throw new CsvFormatException(line, column, "must have at most " + digits + " decimal places for "
                        + options.currency().getCurrencyCode(), null);
            }
            if (status == MinorUnits.TOO_LARGE) {
                throw new CsvFormatException(line, column, "must fit in 64-bit minor units of " + options.currency(),
                        null);
            }
        }

        private int code(CsvRecords record, int column, Dictionary.Encoder encoder) {
            if (column < 0) {
                return -1;
            }
            strip(record, column);
            return from == to ? -1 : encoder.encode(record.chars(), from, to);
        }
    }

    static DateTimeFormatter formatter(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new ValidationException("dateFormat", "must not be blank", pattern);
        }
        // STRICT resolving needs the proleptic year 'u' rather than year-of-era 'y'
        StringBuilder strict = new StringBuilder(pattern.length());
        boolean inQuote = false;
        for (char ch : pattern.toCharArray()) {
            if (ch == '\'') {
                inQuote = !inQuote;
            }
            strict.append(!inQuote && ch == 'y' ? 'u' : ch);
        }
        try {
            return DateTimeFormatter.ofPattern(strict.toString()).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("dateFormat", "must be a valid date pattern", pattern);
        }
    }

    /** Where the columns are in the header. */
    private record Columns(int count, int customer, int date, int amount, int margin, int product, int category,
                           int channel) {

        static Columns of(List<String> header, Options options, long line) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1).strip();
                }
                if (index.putIfAbsent(name, i) != null && isUsed(name, options)) {
                    throw new CsvFormatException(line, "header", "must not repeat the column '" + name + "'",
                            null);
                }
            }
            return new Columns(header.size(), required(index, options.customerColumn(), line),
                    required(index, options.dateColumn(), line), required(index, options.amountColumn(), line),
                    optional(index, options.marginColumn(), line), optional(index, options.productColumn(), line),
                    optional(index, options.categoryColumn(), line), optional(index, options.channelColumn(), line));
        }

        private static boolean isUsed(String name, Options o) {
            return name.equals(o.customerColumn()) || name.equals(o.dateColumn()) || name.equals(o.amountColumn())
                    || name.equals(o.marginColumn()) || name.equals(o.productColumn())
                    || name.equals(o.categoryColumn()) || name.equals(o.channelColumn());
        }

        private static int required(Map<String, Integer> index, String name, long line) {
            Integer i = index.get(name);
            if (i == null) {
                throw new CsvFormatException(line, "header", "must have a column '" + name + "'",
                        null);
            }
            return i;
        }

        private static int optional(Map<String, Integer> index, String name, long line) {
            return name == null ? -1 : required(index, name, line);
        }
    }
}
