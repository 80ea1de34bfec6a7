package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.crmkit.core.Crm;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customers;
import org.crmkit.spi.ValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm export}: writes every customer of a tenant, each with its timeline, as one JSON
 * document to a file or standard output. Reads the database {@code crm demo} keeps in the data
 * directory; fails if there is none.
 *
 * @since 0.1
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Writes every customer of a tenant, with its timeline, as one JSON document.")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "crm-data",
            description = "Directory of the H2 database written by 'crm demo' (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--tenant", paramLabel = "TENANT", defaultValue = DemoScenario.TENANT,
            description = "Whose customers to export (default: ${DEFAULT-VALUE}).")
    private String tenant;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the JSON to this file instead of standard output; replaced if it exists.")
    private Path outFile;

    /** Creates the command; picocli fills in the options. */
    public ExportCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        Logging.configure(spec);
        TenantId tenantId = tenant();
        if (outFile != null && Files.isDirectory(outFile)) {
            throw new BadInput(spec.commandLine(), "--out " + outFile.toAbsolutePath().normalize()
                    + " is a directory, not a file");
        }
        DataDirectory dir = DataDirectory.existing(spec.commandLine(), dataDir);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document;
        Clock clock = Clock.systemUTC();
        try (H2Database db = H2Database.open(dir, false)) {
            db.requireCurrentSchema();
            Crm crm = Crm.builder().storage(db.storage()).clock(clock).build();
            Customers customers = crm.customers(tenantId);
            document = new JsonExport(mapper).export(customers, clock.instant());
        }
        String json = json(mapper, document);
        PrintWriter out = spec.commandLine().getOut();
        if (outFile == null) {
            out.print(json);
        } else {
            write(outFile.toAbsolutePath().normalize(), json);
            out.println("Exported " + document.get("customerCount").asLong() + " customers of tenant \""
                    + tenantId + "\" with " + document.get("timelineEntryCount").asLong() + " timeline entries to "
                    + outFile.toAbsolutePath().normalize());
        }
        out.flush();
        return CrmCommand.OK;
    }

    private TenantId tenant() {
        try {
            return TenantId.of(tenant);
        } catch (ValidationException e) {
            throw new BadInput(spec.commandLine(), "--tenant '" + tenant + "' " + e.rule());
        }
    }

    private static String json(ObjectMapper mapper, ObjectNode document) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new CommandFailure("cannot write the JSON document: " + e.getOriginalMessage(), e);
        }
    }

    private static void write(Path file, String json) {
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("cannot write " + file + ": the directory " + file.getParent()
                    + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new CommandFailure("cannot write " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
