package org.crmkit.core.analytics.transactions;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.crmkit.core.analytics.transactions.TransactionCsv.OnError;
import org.crmkit.core.analytics.transactions.TransactionCsv.Options;
import org.crmkit.core.analytics.transactions.TransactionCsv.Result;
import org.crmkit.spi.ValidationException;

/**
 * The CSV reader as it was before the fast paths: a {@code String} per field, a {@link Transaction}
 * and {@link BigDecimal}s per record, the strict {@link DateTimeFormatter} per date. Kept as the
 * reference that the differential tests compare {@link TransactionCsv} against.
 */
final class LegacyTransactionCsv {

    static final int MAX_ERRORS_KEPT = TransactionCsv.MAX_ERRORS_KEPT;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");

    private LegacyTransactionCsv() {
    }

    static Result read(String text, Options options) {
        try {
            return read(new StringReader(text), options);
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
    }

    static Result read(Reader in, Options options) throws IOException {
        Objects.requireNonNull(in, "in must not be null");
        if (options == null) {
            throw new ValidationException("options", "must not be null");
        }
        LegacyCsvRecords records = new LegacyCsvRecords(in, options.delimiter(), options.whitespaceDelimited());
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
        DateTimeFormatter dates = TransactionCsv.formatter(options.dateFormat());
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
        LocalTime time;
        try {
            // the reference keeps the time of day too, to the second, as the reader now does
            TemporalAccessor parsed = dates.parse(dateText);
            date = LocalDate.from(parsed);
            time = parsed.query(TemporalQueries.localTime());
            time = time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeException e) {
            throw new CsvFormatException(line, options.dateColumn(),
                    "must be a date in the format " + options.dateFormat(), dateText);
        }
        // a date the batch cannot hold is an error of its record too, as the reader now has it
        if (date.toEpochDay() != (int) date.toEpochDay()) {
            throw new CsvFormatException(line, options.dateColumn(), "must be within about 5.8 million years of 1970",
                    dateText);
        }
        BigDecimal amount = decimal(record.get(columns.amount), options.amountColumn(), line);
        BigDecimal margin = columns.margin < 0 ? null
                : optionalDecimal(record.get(columns.margin), options.marginColumn(), line);
        try {
            return new Transaction(customer, date, amount, options.currency(), margin,
                    text(record, columns.product), text(record, columns.category), text(record, columns.channel),
                    time);
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
