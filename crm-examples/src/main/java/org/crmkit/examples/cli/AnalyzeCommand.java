package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.abc.AbcBasis;
import org.crmkit.core.analytics.transactions.CsvFormatException;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.TransactionCsv;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.CrmException;
import org.crmkit.spi.ValidationException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm analyze}: reads a file of transactions and reports the customer base: the BG/NBD,
 * Pareto/NBD and Gamma-Gamma fits, the outlook for the next twelve months, RFM segments and ABC
 * classes, as text, JSON or one HTML page with charts, optionally with one row per customer.
 *
 * <p>Rules for the input: see {@code docs/analytics.md}. Bad rows stop the command with the file
 * line number, or with {@code --on-error skip} are left out and counted; the number of skipped rows is
 * always reported. Negative amounts are refunds unless {@code --negative-amounts reject}.
 *
 * @since 0.1
 */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Analyses a file of transactions: who is still a customer, how much they will buy, "
                + "their value, RFM segments and ABC classes.",
                "Fits BG/NBD, Pareto/NBD and Gamma-Gamma on the purchases up to the calibration end."},
        footer = {"", "Example (CDNOW-style file: whitespace-delimited, no header):",
                "  crm analyze --transactions CDNOW_sample.txt --whitespace-delimited \\",
                "      --columns master_id,customer_id,date,cds,amount --date-format yyyyMMdd \\",
                "      --calibration-end 1997-09-30"})
public final class AnalyzeCommand implements Callable<Integer> {

    /** Files at least this large report progress on a terminal. */
    static final long PROGRESS_BYTES = 10L * 1024 * 1024;

    /** Output formats. */
    enum Format { text, json, html }

    /** What to do with a negative amount. */
    enum Negative { refund, reject }

    /** What to do with a bad row. */
    enum OnError { fail, skip }

    /** What ABC classes rank customers by. */
    enum AbcValue { spend, margin }

    @Spec
    private CommandSpec spec;

    @Option(names = "--transactions", paramLabel = "FILE", required = true,
            description = "The transactions: CSV with a header (or see --columns), UTF-8.")
    private Path file;

    @Option(names = "--customer-column", paramLabel = "NAME", defaultValue = "customer_id",
            description = "Column of the customer key (default: ${DEFAULT-VALUE}).")
    private String customerColumn;

    @Option(names = "--date-column", paramLabel = "NAME", defaultValue = "date",
            description = "Column of the transaction date (default: ${DEFAULT-VALUE}).")
    private String dateColumn;

    @Option(names = "--amount-column", paramLabel = "NAME", defaultValue = "amount",
            description = "Column of the amount, a plain decimal with '.' (default: ${DEFAULT-VALUE}).")
    private String amountColumn;

    @Option(names = "--margin-column", paramLabel = "NAME",
            description = "Column of the margin earned on each transaction, a plain decimal like the amount; "
                    + "optional, and needed by --abc-value margin. A blank field means no margin.")
    private String marginColumn;

    @Option(names = "--abc-value", paramLabel = "VALUE", defaultValue = "spend",
            description = "What ABC classes rank customers by, up to the calibration end: spend (net spend) or "
                    + "margin (net margin; needs --margin-column) (default: ${DEFAULT-VALUE}).")
    private String abcValue;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD",
            description = "ISO 4217 currency of every amount (default: ${DEFAULT-VALUE}).")
    private String currency;

    @Option(names = "--date-format", paramLabel = "PATTERN", defaultValue = "yyyy-MM-dd",
            description = "Pattern of the dates, for example yyyyMMdd (default: ${DEFAULT-VALUE}).")
    private String dateFormat;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "Field delimiter of a CSV file; 'tab' for a tab (default: ${DEFAULT-VALUE}).")
    private String delimiter;

    @Option(names = "--whitespace-delimited",
            description = "Fields are separated by runs of spaces or tabs, without quoting (CDNOW-style files).")
    private boolean whitespaceDelimited;

    @Option(names = "--columns", paramLabel = "NAMES", split = ",",
            description = "The file has no header: these are its column names by position, comma-separated.")
    private List<String> columns;

    @Option(names = "--calibration-end", paramLabel = "DATE",
            description = "Last day of the calibration period, yyyy-MM-dd or in --date-format "
                    + "(default: the last transaction date).")
    private String calibrationEnd;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "week",
            description = "Model time unit: day, week (7 days) or month (30.4375 days) (default: ${DEFAULT-VALUE}).")
    private String timeUnit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or html (one self-contained page with charts; best with --out) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report to this file instead of standard output; replaced if it exists.")
    private Path outFile;

    @Option(names = "--per-customer", description = "Add one row per customer to the report.")
    private boolean perCustomer;

    @Option(names = "--on-error", paramLabel = "ACTION", defaultValue = "fail",
            description = "A bad row: fail (stop with its line number) or skip (leave it out and count it) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String onError;

    @Option(names = "--negative-amounts", paramLabel = "RULE", defaultValue = "refund",
            description = "refund (count as a refund: lowers net spend, never a purchase) or reject "
                    + "(refuse the file) (default: ${DEFAULT-VALUE}).")
    private String negativeAmounts;

    @Option(names = "--fit-time-limit", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up on an analysis whose model fits take longer than this many seconds; "
                    + "fractions allowed (default: ${DEFAULT-VALUE}).")
    private double fitTimeLimit;

    @Option(names = "--progress", description = "Report progress on standard error (automatic on a terminal "
            + "for files of 10 MB or more).")
    private boolean progress;

    /** Creates the command; picocli fills in the options. */
    public AnalyzeCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        Logging.configure(spec);
        Format outputFormat = choice("--format", format, Format.class);
        PeriodUnit unit = PeriodUnit.valueOf(choice("--time-unit", timeUnit, Unit.class).name().toUpperCase(Locale.ROOT));
        OnError errors = choice("--on-error", onError, OnError.class);
        Negative negative = choice("--negative-amounts", negativeAmounts, Negative.class);
        AbcValue abcBy = choice("--abc-value", abcValue, AbcValue.class);
        if (abcBy == AbcValue.margin && marginColumn == null) {
            throw new BadInput(spec.commandLine(), "--abc-value margin needs --margin-column, the column of each"
                    + " transaction's margin");
        }
        if (!(fitTimeLimit > 0) || Double.isInfinite(fitTimeLimit)) {
            throw new BadInput(spec.commandLine(), "--fit-time-limit must be a positive number of seconds");
        }
        TransactionCsv.Options options = csvOptions(errors);
        if (outFile != null && Files.isDirectory(outFile)) {
            throw new BadInput(spec.commandLine(), "--out " + outFile.toAbsolutePath().normalize()
                    + " is a directory, not a file");
        }
        Progress report = new Progress(spec.commandLine().getErr(), progress || autoProgress());

        report.stage("reading " + file);
        TransactionCsv.Result read = read(options);
        Transactions batch = read.transactions();
        if (read.skipped() > 0) {
            CsvFormatException first = read.errors().get(0);
            warn("skipped " + read.skipped() + " bad row" + (read.skipped() == 1 ? "" : "s") + " of " + read.records()
                    + " in " + file + "; the first: " + first.getMessage());
        }
        String skippedNote = " (" + read.skipped() + " row" + (read.skipped() == 1 ? "" : "s") + " skipped)";
        if (batch.isEmpty()) {
            throw new CommandFailure(file + " holds no transactions" + skippedNote);
        }
        int negatives = negatives(batch);
        if (negatives > 0 && negative == Negative.reject) {
            int i = firstNegative(batch);
            throw new CommandFailure(file + ": negative amount " + batch.amount(i) + " for customer "
                    + batch.customerId(batch.customerIndexOf(i)) + " on " + batch.date(i) + " refused by --negative-amounts reject ("
                    + negatives + " negative amount" + (negatives == 1 ? "" : "s") + ")" + skippedNote);
        }
        LocalDate end = calibrationEnd == null ? lastDate(batch) : parseCalibrationEnd();
        CustomerBaseAnalysis analysis;
        // a second core: the stages no score depends on run here while the worker does the rest
        java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "crm-analyze-helper");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CustomerBaseAnalysis.Options settings = CustomerBaseAnalysis.Options.of(end, unit)
                    .withAbcBasis(abcBy == AbcValue.margin ? AbcBasis.NET_MARGIN : AbcBasis.NET_SPEND);
            report.quietly("starting the analysis");
            analysis = withinTimeLimit(() -> CustomerBaseAnalysis.run(batch, settings,
                    stage -> report.stage(stageText(stage)), helper), report, skippedNote);
        } catch (ValidationException e) {
            if ("calibrationEnd".equals(e.field())) {
                throw new CommandFailure("--calibration-end " + end + " is before every purchase in " + file
                        + " (the first is on " + firstDate(batch) + ")" + skippedNote, e);
            }
            throw new CommandFailure(file + ": " + e.getMessage() + skippedNote, e);
        } catch (CrmException e) {
            throw new CommandFailure(file + ": " + e.getMessage() + skippedNote, e);
        } finally {
            helper.shutdown();
        }
        report.done();
        AnalysisReport.Source source = new AnalysisReport.Source(file.toString(), read.records(), read.skipped(),
                negatives);
        String text = switch (outputFormat) {
            case json -> AnalysisReport.json(analysis, source, perCustomer);
            case html -> HtmlReport.html(analysis, source, perCustomer);
            case text -> AnalysisReport.text(analysis, source, perCustomer);
        };
        PrintWriter out = spec.commandLine().getOut();
        if (outFile == null) {
            out.print(text);
        } else {
            Path target = outFile.toAbsolutePath().normalize();
            write(target, text);
            out.println("Analysed " + analysis.customerCount() + " customers and " + analysis.transactionCount()
                    + " transactions" + skippedNote + "; wrote the " + outputFormat + " report to " + target);
        }
        out.flush();
        return CrmCommand.OK;
    }

    /** The accepted spellings of --time-unit. */
    enum Unit { day, week, month }

    private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new BadInput(spec.commandLine(), option + " '" + value + "' is not one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .toList()));
    }

    private TransactionCsv.Options csvOptions(OnError errors) {
        Currency money;
        try {
            money = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput(spec.commandLine(), "--currency '" + currency + "' is not an ISO 4217 currency code");
        }
        TransactionCsv.Options options = TransactionCsv.Options.defaults(money);
        try {
            options = options.withColumns(customerColumn, dateColumn, amountColumn).withDateFormat(dateFormat);
            if (marginColumn != null) {
                options = options.withOptionalColumns(marginColumn, null, null, null);
            }
            if (whitespaceDelimited) {
                options = options.withWhitespaceDelimited();
            } else {
                options = options.withDelimiter(delimiter());
            }
            if (columns != null) {
                options = options.withHeader(columns.stream().map(String::strip).toArray(String[]::new));
            }
        } catch (ValidationException e) {
            throw new BadInput(spec.commandLine(), optionOf(e.field()) + ": " + e.rule());
        }
        return options.withOnError(errors == OnError.skip ? TransactionCsv.OnError.SKIP : TransactionCsv.OnError.FAIL);
    }

    private static String optionOf(String field) {
        return switch (field) {
            case "dateFormat" -> "--date-format";
            case "delimiter" -> "--delimiter";
            case "header" -> "--columns";
            default -> "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        };
    }

    private char delimiter() {
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new BadInput(spec.commandLine(), "--delimiter '" + delimiter + "' must be one character or 'tab'");
        }
        return delimiter.charAt(0);
    }

    private TransactionCsv.Result read(TransactionCsv.Options options) {
        try {
            return TransactionCsv.read(file, options);
        } catch (CsvFormatException e) {
            throw new CommandFailure(file + ": " + e.getMessage() + "; stopped at this row (0 rows skipped; "
                    + "--on-error skip leaves bad rows out)", e);
        } catch (ValidationException e) {
            throw new CommandFailure(file + ": " + e.getMessage() + " (0 rows skipped)", e);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new CommandFailure("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private LocalDate parseCalibrationEnd() {
        List<DateTimeFormatter> formats = new ArrayList<>();
        formats.add(DateTimeFormatter.ISO_LOCAL_DATE);
        try {
            formats.add(DateTimeFormatter.ofPattern(dateFormat.replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT));
        } catch (IllegalArgumentException e) {
            // the CSV options already refused a bad pattern
        }
        for (DateTimeFormatter f : formats) {
            try {
                return LocalDate.parse(calibrationEnd.strip(), f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new BadInput(spec.commandLine(), "--calibration-end '" + calibrationEnd + "' is not a date in the "
                + "format yyyy-MM-dd or " + dateFormat);
    }

    private static int negatives(Transactions batch) {
        int n = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.amountMinor(i) < 0) {
                n++;
            }
        }
        return n;
    }

    /** The first negative amount in file order is unknown here; this is the first in customer order. */
    private static int firstNegative(Transactions batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.amountMinor(i) < 0) {
                return i;
            }
        }
        return -1;
    }

    private static LocalDate lastDate(Transactions batch) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < batch.size(); i++) {
            max = Math.max(max, batch.epochDay(i));
        }
        return LocalDate.ofEpochDay(max);
    }

    private static LocalDate firstDate(Transactions batch) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.amountMinor(i) >= 0) {
                min = Math.min(min, batch.epochDay(i));
            }
        }
        return min == Long.MAX_VALUE ? lastDate(batch) : LocalDate.ofEpochDay(min);
    }

    private boolean autoProgress() {
        try {
            return System.console() != null && Files.size(file) >= PROGRESS_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static String stageText(String stage) {
        return switch (stage) {
            case "histories" -> "summarising each customer's purchases";
            case "RFM" -> "scoring RFM segments";
            case "ABC" -> "ranking ABC classes";
            case "customers" -> "scoring each customer";
            case "lifecycle" -> "classifying lifecycle stages";
            case "BG/NBD", "Pareto/NBD", "Gamma-Gamma" -> "fitting " + stage;
            default -> stage;
        };
    }

    private void warn(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("crm: warning: " + Failures.oneLine(message));
        err.flush();
    }

    private static void write(Path target, String text) {
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("cannot write " + target + ": the directory " + target.getParent()
                    + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new CommandFailure("cannot write " + target + ": permission denied", e);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Stage messages with elapsed time on standard error, when enabled. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private final long started = System.nanoTime();
        /** The stage under way, shown or not; set by the analysis thread, read when it runs out of time. */
        private volatile String current = "starting";

        Progress(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        void stage(String what) {
            current = what;
            print(what + "...");
        }

        /** Notes the stage under way without showing it. */
        void quietly(String what) {
            current = what;
        }

        String current() {
            return current;
        }

        void done() {
            print("done");
        }

        private void print(String what) {
            if (enabled) {
                err.printf(Locale.ROOT, "crm: [%.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
                err.flush();
            }
        }
    }

    /**
     * Runs the analysis on a worker thread and gives up after {@code --fit-time-limit} seconds. The library
     * itself starts no threads; a command-line tool may, and exits right after, ending the workers too.
     */
    private CustomerBaseAnalysis withinTimeLimit(java.util.function.Supplier<CustomerBaseAnalysis> analysis,
                                                 Progress report, String skippedNote) {
        java.util.concurrent.CompletableFuture<CustomerBaseAnalysis> result = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(analysis.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "crm-analyze");
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get((long) Math.min(Long.MAX_VALUE, Math.ceil(fitTimeLimit * 1e9)),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            String stage = report.current();
            throw new CommandFailure("the analysis did not finish within "
                    + java.math.BigDecimal.valueOf(fitTimeLimit).stripTrailingZeros().toPlainString()
                    + " s (--fit-time-limit); it was " + stage
                    + (stage.startsWith("fitting ") ? ": a model fit that is slow to converge on this data may mean"
                            + " that the data cannot identify the model" : "")
                    + skippedNote);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while analysing" + skippedNote);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new CommandFailure(String.valueOf(e.getCause()) + skippedNote);
        }
    }
}
