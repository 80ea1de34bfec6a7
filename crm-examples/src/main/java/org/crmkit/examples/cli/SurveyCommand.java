package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore;
import org.crmkit.core.satisfaction.scoring.NetPromoterScore;
import org.crmkit.core.satisfaction.scoring.RatingScale;
import org.crmkit.core.satisfaction.scoring.Servqual;
import org.crmkit.core.satisfaction.scoring.ServqualDimension;
import org.crmkit.core.satisfaction.scoring.ServqualRating;
import org.crmkit.core.satisfaction.scoring.ServqualWeights;
import org.crmkit.core.satisfaction.scoring.SurveyCsv;
import org.crmkit.spi.ValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm survey}: satisfaction surveys. Its one subcommand, {@code score}, reads a CSV file of
 * answers and reports the Net Promoter Score, the customer satisfaction score or the SERVQUAL gaps,
 * as text or JSON. The formulas are in {@code docs/satisfaction.md}.
 *
 * <p>Bad input (an answer off its scale, an unknown dimension, a missing file, an unknown
 * {@code --kind}) is refused with exit code {@link CrmCommand#USAGE} and one line on standard error
 * naming the file, the line, the column and the rule.
 *
 * @since 0.1
 */
@Command(name = "survey",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Satisfaction surveys: scores NPS, CSAT and SERVQUAL answers.",
        subcommands = SurveyCommand.Score.class)
public final class SurveyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the options. */
    public SurveyCommand() {
        // picocli instantiates commands reflectively
    }

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public Integer call() {
        throw new BadInput(spec.commandLine(), "missing command: give 'score' (see 'crm survey --help')");
    }

    /** The kinds of score. */
    enum Kind { nps, csat, servqual }

    /** Output formats. */
    enum Format { text, json }

    /**
     * {@code crm survey score}: scores a file of answers.
     *
     * @since 0.1
     */
    @Command(name = "score",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Scores a CSV file of survey answers (UTF-8, with a header).",
                    "  nps       respondent,score with scores 0..10;",
                    "            NPS = %% promoters (9-10) - %% detractors (0-6)",
                    "  csat      respondent,score with scores 1..5; CSAT = %% of 4s and 5s",
                    "  servqual  respondent,dimension,item,expectation,perception with 1..7;",
                    "            gap = perception - expectation per dimension, overall, weighted"},
            footer = {"", "Examples:",
                    "  crm survey score --responses nps.csv --kind nps",
                    "  crm survey score --responses servqual.csv --kind servqual \\",
                    "      --weights weights.csv --format json"})
    public static final class Score implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--responses", paramLabel = "FILE", required = true,
                description = "The answers: CSV with a header, UTF-8.")
        private Path responses;

        @Option(names = "--kind", paramLabel = "KIND", required = true,
                description = "nps, csat or servqual.")
        private String kind;

        @Option(names = "--weights", paramLabel = "FILE",
                description = "SERVQUAL only: dimension,weight with a positive weight per dimension, on any scale; "
                        + "adds the weighted overall gap.")
        private Path weightsFile;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        private String format;

        /** Creates the command; picocli fills in the options. */
        public Score() {
            // picocli instantiates commands reflectively
        }

        @Override
        public Integer call() {
            Logging.configure(spec);
            Kind scoreKind = choice("--kind", kind, Kind.class);
            Format outputFormat = choice("--format", format, Format.class);
            if (weightsFile != null && scoreKind != Kind.servqual) {
                throw new BadInput(spec.commandLine(), "--weights applies only to --kind servqual, not " + scoreKind);
            }
            ObjectNode json = new ObjectMapper().createObjectNode();
            String text = switch (scoreKind) {
                case nps -> nps(json);
                case csat -> csat(json);
                case servqual -> servqual(json);
            };
            PrintWriter out = spec.commandLine().getOut();
            if (outputFormat == Format.json) {
                try {
                    out.print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json)
                            + System.lineSeparator());
                } catch (JsonProcessingException e) {
                    throw new CommandFailure("cannot write JSON: " + e.getMessage(), e);
                }
            } else {
                out.print(text);
            }
            out.flush();
            return CrmCommand.OK;
        }

        private String nps(ObjectNode json) {
            NetPromoterScore s = score(() -> NetPromoterScore.of(read(responses, in -> SurveyCsv.readScores(in,
                    RatingScale.NPS))));
            json.put("nps", s.nps());
            json.put("promoters", s.promoters());
            json.put("passives", s.passives());
            json.put("detractors", s.detractors());
            json.put("responses", s.responses());
            StringBuilder t = new StringBuilder();
            line(t, "Net Promoter Score of %s", responses);
            line(t, "  NPS %s = %s %% promoters - %s %% detractors", number(s.nps()), number(s.promoterShare()),
                    number(s.detractorShare()));
            line(t, "  %d responses: %d promoters (9-10), %d passives (7-8), %d detractors (0-6)", s.responses(),
                    s.promoters(), s.passives(), s.detractors());
            return t.toString();
        }

        private String csat(ObjectNode json) {
            CustomerSatisfactionScore s = score(() -> CustomerSatisfactionScore.of(read(responses,
                    in -> SurveyCsv.readScores(in, RatingScale.CSAT))));
            json.put("csat", s.csat());
            json.put("responses", s.responses());
            StringBuilder t = new StringBuilder();
            line(t, "Customer satisfaction score of %s", responses);
            line(t, "  CSAT %s %%: %d of %d responses are 4 or 5 on the 1-5 scale", number(s.csat()), s.satisfied(),
                    s.responses());
            return t.toString();
        }

        private String servqual(ObjectNode json) {
            List<ServqualRating> ratings = read(responses, SurveyCsv::readServqual);
            ServqualWeights weights = weightsFile == null ? null : read(weightsFile, SurveyCsv::readWeights);
            Servqual s;
            try {
                s = weights == null ? Servqual.score(ratings) : Servqual.score(ratings, weights);
            } catch (ValidationException e) {
                throw new BadInput(spec.commandLine(), weightsFile + ": " + e.getMessage());
            }
            ObjectNode dimensions = json.putObject("dimensions");
            for (Servqual.DimensionGap d : s.dimensions()) {
                ObjectNode node = dimensions.putObject(d.dimension().displayName());
                node.put("expectation", d.expectation());
                node.put("perception", d.perception());
                node.put("gap", d.gap());
            }
            json.put("overallGap", s.overallGap());
            s.weightedGap().ifPresent(w -> json.put("weightedGap", w));

            StringBuilder t = new StringBuilder();
            line(t, "SERVQUAL gaps of %s (%d ratings on 1-7; gap = perception - expectation)", responses,
                    ratings.size());
            line(t, "  %-38s %7s %12s %11s %7s", "dimension", "ratings", "expectation", "perception", "gap");
            for (Servqual.DimensionGap d : s.dimensions()) {
                line(t, "  %-38s %7d %12s %11s %7s", d.dimension().displayName(), d.ratings(),
                        fixed(d.expectation()), fixed(d.perception()), signed(d.gap()));
            }
            if (!s.criteria().isEmpty()) {
                line(t, "  of which given by criterion:");
                for (Servqual.CriterionGap c : s.criteria()) {
                    line(t, "    %-36s %7d %12s %11s %7s", c.criterion().displayName() + " ("
                            + c.criterion().dimension().displayName() + ")", c.ratings(), fixed(c.expectation()),
                            fixed(c.perception()), signed(c.gap()));
                }
            }
            line(t, "  overall gap (mean of %d dimension gap%s): %s", s.dimensions().size(),
                    s.dimensions().size() == 1 ? "" : "s", signed(s.overallGap()));
            if (weights != null) {
                String unweighted = s.dimensions().stream().map(Servqual.DimensionGap::dimension)
                        .filter(d -> !weights.weights().containsKey(d)).map(ServqualDimension::displayName)
                        .collect(Collectors.joining(", "));
                line(t, "  weighted gap (weights from %s%s): %s", weightsFile,
                        unweighted.isEmpty() ? "" : "; no weight, left out: " + unweighted, signed(s.weightedGap()
                                .orElseThrow()));
            }
            return t.toString();
        }

        /** Reading a file that the library refuses, or cannot be read: a usage error naming the file. */
        private <T> T read(Path file, CsvRead<T> reader) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return reader.read(in);
            } catch (ValidationException e) {
                throw new BadInput(spec.commandLine(), file + ": " + e.getMessage());
            } catch (NoSuchFileException e) {
                throw new BadInput(spec.commandLine(), "cannot read " + file + ": no such file");
            } catch (AccessDeniedException e) {
                throw new BadInput(spec.commandLine(), "cannot read " + file + ": permission denied");
            } catch (CharacterCodingException e) {
                throw new BadInput(spec.commandLine(), "cannot read " + file + ": not UTF-8 text");
            } catch (IOException e) {
                throw new BadInput(spec.commandLine(), "cannot read " + file + ": "
                        + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
            }
        }

        private <T> T score(java.util.function.Supplier<T> scoring) {
            try {
                return scoring.get();
            } catch (ValidationException e) {
                throw new BadInput(spec.commandLine(), responses + ": " + e.getMessage());
            }
        }

        private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value.strip())) {
                    return e;
                }
            }
            throw new BadInput(spec.commandLine(), option + " '" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** Reads one CSV shape. */
    @FunctionalInterface
    private interface CsvRead<T> {
        T read(Reader in) throws IOException;
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    /** At most two decimals, no trailing zeros: {@code 30}, {@code 33.33}. */
    private static String number(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String fixed(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String signed(double x) {
        return String.format(Locale.ROOT, "%+.2f", x);
    }
}
