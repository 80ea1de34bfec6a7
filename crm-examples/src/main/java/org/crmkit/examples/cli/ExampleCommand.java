package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crm example <case>}: runs one of the cases of domain §14 (Suning, Tiandi, the property
 * management company, the e-commerce company) on an in-memory CRM with a stepping clock, and prints
 * what the case describes, step by step, in plain words or ({@code --format json}) as one JSON
 * object. The output is the same on every run. {@code docs/cases.md} describes every case and the
 * JSON format.
 *
 * @since 0.1
 */
@Command(name = "example",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Runs one of the cases of the CRM course (domain §14) with the library, in memory, and prints",
                "what it shows step by step. The output is the same on every run.",
                "Cases: suning (electronics retailer), tiandi (computer sales and repair), property (property",
                "management), ecommerce (an online shop selling B2B and B2C)."})
public final class ExampleCommand implements Callable<Integer> {

    /** The cases, by their name on the command line, in the order of domain §14. */
    static final Map<String, Supplier<CaseExample>> CASES = cases();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE", description = "suning, tiandi, property or ecommerce.")
    private String caseName;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): the case in plain words; json: the same as one JSON object.")
    private String format;

    /** The accepted spellings of --format. */
    enum Format { text, json }

    /** Creates the command; picocli fills in the options. */
    public ExampleCommand() {
        // picocli instantiates commands reflectively
    }

    private static Map<String, Supplier<CaseExample>> cases() {
        Map<String, Supplier<CaseExample>> m = new LinkedHashMap<>();
        m.put(SuningCase.NAME, SuningCase::new);
        m.put(TiandiCase.NAME, TiandiCase::new);
        m.put(PropertyCase.NAME, PropertyCase::new);
        m.put(EcommerceCase.NAME, EcommerceCase::new);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Integer call() {
        Logging.configure(spec);
        Format outputFormat = format();
        Supplier<CaseExample> factory = CASES.get(caseName.strip().toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new BadInput(spec.commandLine(), "unknown case '" + caseName + "': give "
                    + String.join(", ", CASES.keySet()));
        }
        CaseTrace trace = factory.get().run();
        PrintWriter out = spec.commandLine().getOut();
        if (outputFormat == Format.json) {
            try {
                out.println(LoopTrace.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(trace.json()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            trace.printText(out, "crm example " + trace.json().get("case").asText() + " - " + trace.title()
                    + " (domain §14). In memory; times are UTC on the case's own clock.");
        }
        out.flush();
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
}
