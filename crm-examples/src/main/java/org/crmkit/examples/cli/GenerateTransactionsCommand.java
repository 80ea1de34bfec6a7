package org.crmkit.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.simulation.SimulationParameters;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.spi.ValidationException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm generate-transactions}: writes a synthetic customer base as a CSV file that
 * {@code crm analyze} reads with its defaults (columns {@code customer_id,date,amount}, ISO dates).
 * Purchases follow the BG/NBD process and amounts the Gamma-Gamma model, by default with the published
 * CDNOW estimates in weeks. The same seed and options always give the same file.
 *
 * @since 0.1
 */
@Command(name = "generate-transactions",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Writes a synthetic customer base as CSV (customer_id,date,amount) for 'crm analyze'.",
                "Purchases follow BG/NBD, amounts Gamma-Gamma; defaults are the published CDNOW estimates in weeks."},
        footer = {"", "Example:", "  crm generate-transactions --customers 20000 --seed 7 --out base.csv",
                "  crm analyze --transactions base.csv --calibration-end 1998-06-30"})
public final class GenerateTransactionsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "1000",
            description = "Number of customers (default: ${DEFAULT-VALUE}).")
    private int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Random seed; the same seed gives the same file (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the CSV to this file instead of standard output; replaced if it exists.")
    private Path outFile;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "week",
            description = "Unit of the rate parameters (alpha is per unit): day, week or month (default: ${DEFAULT-VALUE}).")
    private String timeUnit;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "1997-01-01",
            description = "First day of the cohort, yyyy-MM-dd (default: ${DEFAULT-VALUE}).")
    private String start;

    @Option(names = "--cohort-days", paramLabel = "DAYS", defaultValue = "84",
            description = "First purchases are spread over this many days from the start (default: ${DEFAULT-VALUE}).")
    private int cohortDays;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "546",
            description = "Length of the observed period from the start (default: ${DEFAULT-VALUE}, 78 weeks).")
    private int days;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD",
            description = "ISO 4217 currency; amounts are rounded to its minor unit (default: ${DEFAULT-VALUE}).")
    private String currency;

    @Option(names = "--r", paramLabel = "R", description = "BG/NBD r, shape of the purchase rate (default 0.243).")
    private Double r;

    @Option(names = "--alpha", paramLabel = "ALPHA",
            description = "BG/NBD alpha, rate of the purchase-rate distribution per unit (default 4.414).")
    private Double alpha;

    @Option(names = "--a", paramLabel = "A", description = "BG/NBD a, of the dropout probability (default 0.793).")
    private Double a;

    @Option(names = "--b", paramLabel = "B", description = "BG/NBD b, of the dropout probability (default 2.426).")
    private Double b;

    @Option(names = "--p", paramLabel = "P", description = "Gamma-Gamma p, shape of one purchase's value (default 6.25).")
    private Double p;

    @Option(names = "--q", paramLabel = "Q", description = "Gamma-Gamma q, shape of the spend rate (default 3.74).")
    private Double q;

    @Option(names = "--gamma", paramLabel = "GAMMA",
            description = "Gamma-Gamma gamma, rate of the spend rate (default 15.44).")
    private Double gamma;

    /** Creates the command; picocli fills in the options. */
    public GenerateTransactionsCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        Logging.configure(spec);
        CustomerBaseSimulator simulator = simulator();
        if (outFile != null && Files.isDirectory(outFile)) {
            throw new BadInput(spec.commandLine(), "--out " + outFile.toAbsolutePath().normalize()
                    + " is a directory, not a file");
        }
        PrintWriter out = spec.commandLine().getOut();
        long written;
        if (outFile == null) {
            written = writeCsv(simulator, out);
        } else {
            Path target = outFile.toAbsolutePath().normalize();
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target),
                    StandardCharsets.UTF_8), 1 << 16)) {
                written = writeCsv(simulator, w);
            } catch (CommandFailure e) {
                deleteQuietly(target); // a half-written file is worse than none
                throw e;
            } catch (NoSuchFileException e) {
                throw new CommandFailure("cannot write " + target + ": the directory " + target.getParent()
                        + " does not exist", e);
            } catch (AccessDeniedException e) {
                throw new CommandFailure("cannot write " + target + ": permission denied", e);
            } catch (IOException e) {
                throw new CommandFailure("cannot write " + target + ": " + e.getMessage(), e);
            }
            out.println("Wrote " + written + " transactions of " + simulator.customerCount() + " customers (seed "
                    + seed + ", " + simulator.start() + " to " + simulator.lastDate() + ") to " + target);
        }
        out.flush();
        return CrmCommand.OK;
    }

    private CustomerBaseSimulator simulator() {
        PeriodUnit unit = switch (timeUnit.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> PeriodUnit.DAY;
            case "week" -> PeriodUnit.WEEK;
            case "month" -> PeriodUnit.MONTH;
            default -> throw new BadInput(spec.commandLine(), "--time-unit '" + timeUnit + "' is not one of day, week, month");
        };
        LocalDate first;
        try {
            first = LocalDate.parse(start.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput(spec.commandLine(), "--start '" + start + "' is not a date in the format yyyy-MM-dd");
        }
        Currency money;
        try {
            money = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput(spec.commandLine(), "--currency '" + currency + "' is not an ISO 4217 currency code");
        }
        SimulationParameters d = SimulationParameters.CDNOW;
        try {
            SimulationParameters parameters = new SimulationParameters(or(r, d.r()), or(alpha, d.alpha()), or(a, d.a()),
                    or(b, d.b()), or(p, d.p()), or(q, d.q()), or(gamma, d.gamma()));
            return CustomerBaseSimulator.builder().customers(customers).seed(seed).parameters(parameters).unit(unit)
                    .start(first).window(cohortDays, days).currency(money).build();
        } catch (ValidationException e) {
            String option = switch (e.field()) {
                case "cohortDays" -> "--cohort-days";
                case "observationDays" -> "--days";
                default -> "--" + e.field();
            };
            throw new BadInput(spec.commandLine(), option + " " + e.rule());
        }
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static long writeCsv(CustomerBaseSimulator simulator, Writer w) {
        long[] n = {0};
        try {
            w.write("customer_id,date,amount\n");
            simulator.transactions().forEach((Transaction t) -> {
                try {
                    w.write(t.customerId());
                    w.write(',');
                    w.write(t.date().toString());
                    w.write(',');
                    w.write(t.amount().toPlainString());
                    w.write('\n');
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new CommandFailure("cannot write the CSV: " + e.getCause().getMessage(), e);
        } catch (org.crmkit.spi.ValidationException e) {
            throw new CommandFailure("--" + e.getMessage(), e);
        }
        return n[0];
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure being reported matters more
        }
    }
}
