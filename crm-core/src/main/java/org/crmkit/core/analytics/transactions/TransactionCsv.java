package org.crmkit.core.analytics.transactions;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
 * reads a timestamp and keeps its day. Empty lines carry no record and are not counted.
 *
 * <p>Errors. Every error is a {@link CsvFormatException} that names the file line on which the
 * offending record starts and the column. With {@link OnError#FAIL} (the default) the first error is
 * thrown. With {@link OnError#SKIP} a bad record is left out, counted in {@link Result#skipped()}
 * and its error kept in {@link Result#errors()} (the first {@value #MAX_ERRORS_KEPT}); errors in
 * the header are always thrown, since no record could be read without it. Nothing is dropped
 * without being counted.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TransactionCsv {

    /** How many skipped records' errors a {@link Result} keeps. */
    public static final int MAX_ERRORS_KEPT = 100;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");

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
        DateTimeFormatter dates = formatter(options.dateFormat());
        Transactions.Builder batch = Transactions.builder();
        long count = 0;
        long skipped = 0;
        List<CsvFormatException> errors = new ArrayList<>();
        while (true) {
            List<String> record;
            try {
                record = records.next();
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
            if (record == null) {
                break;
            }
            if (isEmptyLine(record)) {
                continue;
            }
            count++;
            try {
                batch.add(parse(record, columns, options, dates, records.recordLine()));
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
        return new Result(batch.build(), count, skipped, Collections.unmodifiableList(errors));
    }

    private static boolean isEmptyLine(List<String> record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    private static Transaction parse(List<String> record, Columns columns, Options options,
                                     DateTimeFormatter dates, long line) {
        if (record.size() != columns.count) {
            throw new CsvFormatException(line, "record",
                    "must have " + columns.count + " fields like the header (has " + record.size() + ")", null);
        }
        String customer = record.get(columns.customer).strip();
        if (customer.isEmpty()) {
            throw new CsvFormatException(line, options.customerColumn(), "must not be blank", null);
        }
        String dateText = record.get(columns.date).strip();
        LocalDate date;
        try {
            date = dates.parse(dateText, LocalDate::from);
        } catch (DateTimeException e) {
            throw new CsvFormatException(line, options.dateColumn(),
                    "must be a date in the format " + options.dateFormat(), dateText);
        }
        BigDecimal amount = decimal(record.get(columns.amount), options.amountColumn(), line);
        BigDecimal margin = columns.margin < 0 ? null
                : optionalDecimal(record.get(columns.margin), options.marginColumn(), line);
        try {
            return new Transaction(customer, date, amount, options.currency(), margin,
                    text(record, columns.product), text(record, columns.category), text(record, columns.channel));
        } catch (ValidationException e) {
            String column = switch (e.field()) {
                case "amount" -> options.amountColumn();
                case "margin" -> options.marginColumn();
                case "date" -> options.dateColumn();
                default -> options.customerColumn();
            };
            throw new CsvFormatException(line, column, e.rule(), null);
        }
    }

    private static String text(List<String> record, int column) {
        return column < 0 ? null : record.get(column).strip();
    }

    private static BigDecimal optionalDecimal(String raw, String column, long line) {
        return raw.isBlank() ? null : decimal(raw, column, line);
    }

    private static BigDecimal decimal(String raw, String column, long line) {
        String text = raw.strip();
        if (text.length() > 40 || !DECIMAL.matcher(text).matches()) {
            throw new CsvFormatException(line, column, "must be a decimal number like -12.50", text);
        }
        return new BigDecimal(text);
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
