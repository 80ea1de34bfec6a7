package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.crmkit.core.Crm;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.memory.InMemoryChannel;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.messaging.SendResult;
import org.crmkit.jdbc.MigrationScript;
import org.crmkit.spi.channel.OutboundMessage;
import org.crmkit.spi.storage.CrmStorage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm demo}: plays a short story of a car maker's CRM (customers of every type,
 * interactions across departments and channels, a salesperson who leaves, consents and the
 * messages they allow or refuse, a relationship that grows) and then tells, in plain words, what
 * the CRM now knows. Then it walks one full closed loop of domain §9 (campaign, lead, customer,
 * opportunity, quote, order, service, self-service, satisfaction, club, feedback) and its analytics,
 * see {@link LoopScenario}. With {@code --format json} it prints only the loop, as one JSON object
 * (described in {@code docs/sales-flow.md}).
 *
 * <p>By default the data is kept in an embedded H2 database under {@code --data-dir}, created and
 * migrated on first use; a second run finds the first run's customers and continues their story.
 * With {@code --in-memory} nothing is kept.
 *
 * @since 0.1
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Plays a short story of a car maker's CRM and tells what the CRM now knows, then walks one",
                "full closed sales loop (campaign to feedback) and prints it step by step.",
                "The data is kept in an H2 database in the data directory; run it again and the story goes on."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "crm-data",
            description = "Directory of the H2 database, created if missing (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--in-memory", description = "Keep nothing: use in-memory storage instead of the database.")
    private boolean inMemory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): the story and the loop in plain words; json: the loop as one JSON object.")
    private String format;

    /** The accepted spellings of --format. */
    enum Format { text, json }

    /** How far before the real now the loop's clock starts. */
    static final Duration LOOP_LEAD_TIME = Duration.ofDays(30);

    /** The time of day, UTC, the loop's clock starts at. */
    static final LocalTime LOOP_START_TIME = LocalTime.of(8, 0);

    /** Creates the command; picocli fills in the options. */
    public DemoCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        Logging.configure(spec);
        Format outputFormat = format();
        boolean json = outputFormat == Format.json;
        PrintWriter stdout = spec.commandLine().getOut();
        // In JSON mode the story's narration is not printed: standard output holds one JSON object.
        PrintWriter out = json ? new PrintWriter(new StringWriter()) : stdout;
        Clock clock = Clock.systemUTC();
        InMemoryChannel channel = InMemoryChannel.create(clock);
        ObjectNode doc = LoopTrace.mapper().createObjectNode();
        doc.put("traceVersion", LoopTrace.VERSION);
        doc.put("tenant", LoopScenario.TENANT);
        if (inMemory) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--data-dir")) {
                throw new BadInput(spec.commandLine(), "--in-memory and --data-dir cannot be used together");
            }
            out.println("crm demo - tenant \"" + DemoScenario.TENANT + "\", in memory: nothing is kept. Times are UTC.");
            doc.put("storage", "in-memory");
            InMemoryStorage storage = InMemoryStorage.create();
            play(storage, clock, channel, out);
            walkLoop(storage, clock, out, doc, json);
            out.println();
            out.println("Nothing was kept. Run 'crm demo' without --in-memory to keep the story in a database.");
        } else {
            DataDirectory dir = DataDirectory.createIfMissing(spec.commandLine(), dataDir);
            try (H2Database db = H2Database.open(dir, true)) {
                List<MigrationScript> applied = db.migrate();
                out.println("crm demo - tenant \"" + DemoScenario.TENANT + "\", kept in the H2 database "
                        + dir.databaseFile() + ". Times are UTC.");
                out.println(db.created() ? "The database is new: created it and " + migrated(applied) + "."
                        : "The database is from an earlier run" + (applied.isEmpty() ? "; its schema is up to date."
                        : "; " + migrated(applied) + "."));
                doc.put("storage", "h2");
                doc.put("database", dir.databaseFile().toString());
                play(db.storage(), clock, channel, out);
                walkLoop(db.storage(), clock, out, doc, json);
            }
            out.println();
            out.println("Kept in " + dir.path() + ". Run 'crm demo' again to continue the story, or 'crm export"
                    + " --data-dir " + dir.path() + "' to see it as JSON.");
        }
        if (json) {
            try {
                stdout.println(LoopTrace.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
        stdout.flush();
        return CrmCommand.OK;
    }

    private Format format() {
        for (Format f : Format.values()) {
            if (f.name().equals(format.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new BadInput(spec.commandLine(), "--format '" + format + "' is not one of "
                + String.join(", ", Arrays.stream(Format.values()).map(Enum::name).toList()));
    }

    /**
     * Walks the closed loop on a clock that starts at 08:00 UTC of the day {@link #LOOP_LEAD_TIME}
     * before {@code clock}'s today, so that the times of day in the trace are the same on every run.
     */
    private static void walkLoop(CrmStorage storage, Clock clock, PrintWriter out, ObjectNode doc, boolean json) {
        Instant start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .minus(LOOP_LEAD_TIME.toDays(), ChronoUnit.DAYS).atTime(LOOP_START_TIME).toInstant(ZoneOffset.UTC);
        LoopTrace trace = new LoopScenario(storage, start).walk();
        if (json) {
            trace.writeJson(doc);
        } else {
            out.println();
            out.println("The closed loop (domain §9): one deal from a campaign back to marketing, step by step");
            out.println("   An office-furniture maker, tenant \"" + LoopScenario.TENANT + "\" in the same storage.");
            out.println("   The loop's clock starts " + LOOP_LEAD_TIME.toDays() + " days ago at " + LOOP_START_TIME
                    + " UTC and moves on by hours and days between steps.");
            trace.printText(out);
        }
    }

    private static void play(CrmStorage storage, Clock clock, InMemoryChannel channel, PrintWriter out) {
        Crm crm = Crm.builder().storage(storage).clock(clock).channel(channel).build();
        DemoScenario scenario = new DemoScenario(crm, out);
        List<Customer> cast = scenario.play();

        out.println();
        out.println("The customers now: their owners, past and present, and everything on their timelines");
        Customers customers = crm.customers(DemoScenario.TENANT);
        for (Customer c : cast) {
            CustomerAccount.print(out, c, customers.timeline(c.id()));
        }

        out.println();
        out.println("Messages in this run");
        List<SendResult> results = scenario.sendResults();
        long sent = results.stream().filter(SendResult::sent).count();
        out.println("   " + sent + " sent, " + (results.size() - sent) + " refused by the consent check");
        for (OutboundMessage m : channel.sent()) {
            out.println("   the e-mail channel took \"" + m.subject() + "\" for " + m.address() + " ("
                    + m.purpose() + "), receipt " + channel.receiptFor(m.messageId()).map(r -> r.status().name())
                    .orElse("none"));
        }
        for (SendResult r : results) {
            if (r instanceof SendResult.Refused refused) {
                out.println("   refused: " + refused.refusal().explanation() + " (" + refused.refusal().reason() + ")");
            }
        }
    }

    private static String migrated(List<MigrationScript> applied) {
        return applied.isEmpty() ? "found its schema up to date"
                : "migrated its schema to version " + applied.get(applied.size() - 1).version();
    }
}
