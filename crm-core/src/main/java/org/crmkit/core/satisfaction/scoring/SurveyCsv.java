package org.crmkit.core.satisfaction.scoring;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads survey answers from CSV (RFC 4180: comma-separated, optionally quoted, UTF-8 text). Every
 * file starts with a header naming its columns, in any order and any case; other columns are ignored.
 * The three shapes:
 * <ul>
 *   <li>scores (NPS, CSAT): {@code respondent,score}, a whole-number score on the given scale;</li>
 *   <li>SERVQUAL: {@code respondent,dimension,item,expectation,perception}, the dimension one of the
 *       five {@link ServqualDimension dimensions} or one of the ten {@link ServiceQualityCriterion
 *       criteria}, expectation and perception whole numbers 1..7;</li>
 *   <li>SERVQUAL weights: {@code dimension,weight}, one of the five dimensions and a positive decimal.</li>
 * </ul>
 * Names are matched ignoring case, with '_', ' ' and '-' alike ({@code understanding_the_customer}).
 * Blank lines are skipped. A respondent answers once (scores) or rates an item once (SERVQUAL); an item
 * keeps one dimension; a weights file names a dimension once.
 *
 * <p>The first broken rule stops the reading with a {@link SurveyCsvException} whose message names
 * the line, the column and the rule, for example {@code "line 7: score 11 is outside 0..10"}. Nothing
 * is kept from a file that is refused. Thread-safe: the methods keep no state.
 *
 * @since 0.1
 */
public final class SurveyCsv {

    private static final List<String> SCORE_COLUMNS = List.of("respondent", "score");
    private static final List<String> SERVQUAL_COLUMNS = List.of("respondent", "dimension", "item", "expectation",
            "perception");
    private static final List<String> WEIGHT_COLUMNS = List.of("dimension", "weight");

    private SurveyCsv() {
    }

    /**
     * Reads NPS or CSAT answers.
     *
     * @param in    the file's text; not null; not closed
     * @param scale the scale every score must lie on; not null
     * @return the scores in file order; never empty
     * @throws SurveyCsvException for the first broken rule
     * @throws IOException        when reading fails
     */
    public static List<Integer> readScores(Reader in, RatingScale scale) throws IOException {
        Objects.requireNonNull(scale, "scale must not be null");
        Table table = Table.read(in, SCORE_COLUMNS, "respondent,score");
        List<Integer> scores = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row row : table.rows()) {
            String respondent = row.text("respondent");
            Long earlier = seen.putIfAbsent(respondent, row.line());
            if (earlier != null) {
                throw row.error("respondent", "must answer once", "respondent '" + respondent
                        + "' already answered on line " + earlier);
            }
            scores.add(row.whole("score", scale));
        }
        return scores;
    }

    /**
     * Reads NPS or CSAT answers from text.
     *
     * @see #readScores(Reader, RatingScale)
     */
    public static List<Integer> readScores(String text, RatingScale scale) {
        try {
            return readScores(new StringReader(text), scale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads SERVQUAL ratings.
     *
     * @param in the file's text; not null; not closed
     * @return the ratings in file order; never empty
     * @throws SurveyCsvException for the first broken rule
     * @throws IOException        when reading fails
     */
    public static List<ServqualRating> readServqual(Reader in) throws IOException {
        Table table = Table.read(in, SERVQUAL_COLUMNS, "respondent,dimension,item,expectation,perception");
        List<ServqualRating> ratings = new ArrayList<>();
        Map<List<String>, Long> rated = new HashMap<>();
        Map<String, Object[]> itemDimension = new HashMap<>();
        for (Row row : table.rows()) {
            String respondent = row.text("respondent");
            String name = row.text("dimension");
            Optional<ServqualDimension> dimension = ServqualDimension.find(name);
            Optional<ServiceQualityCriterion> criterion = dimension.isPresent()
                    ? Optional.empty() : ServiceQualityCriterion.find(name);
            if (dimension.isEmpty() && criterion.isEmpty()) {
                throw row.error("dimension", "must be one of the five dimensions or the ten criteria",
                        "dimension '" + abbreviate(name) + "' is not one of the five SERVQUAL dimensions (" + names(
                        ServqualDimension.values()) + ") or the ten criteria (" + names(
                        ServiceQualityCriterion.values()) + ")");
            }
            String item = row.text("item");
            Object declared = dimension.isPresent() ? dimension.get() : criterion.get();
            Object[] first = itemDimension.putIfAbsent(item, new Object[] {declared, row.line()});
            if (first != null && first[0] != declared) {
                throw row.error("dimension", "must be the same for every rating of an item", "dimension '" + name
                        + "' differs from '" + Names.display((Enum<?>) first[0]) + "' given for item '" + item
                        + "' on line " + first[1]);
            }
            Long earlier = rated.putIfAbsent(List.of(respondent, item), row.line());
            if (earlier != null) {
                throw row.error("item", "must be rated once per respondent", "item '" + abbreviate(item)
                        + "' already rated by respondent '" + respondent + "' on line " + earlier);
            }
            int expectation = row.whole("expectation", RatingScale.SERVQUAL);
            int perception = row.whole("perception", RatingScale.SERVQUAL);
            ratings.add(criterion.isPresent()
                    ? ServqualRating.of(respondent, criterion.get(), item, expectation, perception)
                    : ServqualRating.of(respondent, dimension.get(), item, expectation, perception));
        }
        return ratings;
    }

    /**
     * Reads SERVQUAL ratings from text.
     *
     * @see #readServqual(Reader)
     */
    public static List<ServqualRating> readServqual(String text) {
        try {
            return readServqual(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads SERVQUAL dimension weights.
     *
     * @param in the file's text; not null; not closed
     * @return the weights; never null
     * @throws SurveyCsvException for the first broken rule
     * @throws IOException        when reading fails
     */
    public static ServqualWeights readWeights(Reader in) throws IOException {
        Table table = Table.read(in, WEIGHT_COLUMNS, "dimension,weight");
        Map<ServqualDimension, BigDecimal> weights = new EnumMap<>(ServqualDimension.class);
        Map<ServqualDimension, Long> lines = new EnumMap<>(ServqualDimension.class);
        for (Row row : table.rows()) {
            String name = row.text("dimension");
            Optional<ServqualDimension> dimension = ServqualDimension.find(name);
            if (dimension.isEmpty()) {
                Optional<ServiceQualityCriterion> criterion = ServiceQualityCriterion.find(name);
                throw row.error("dimension", "must be one of the five dimensions", "dimension '" + abbreviate(name) + "' "
                        + criterion.map(c -> "is one of the ten criteria (it folds into " + c.dimension().displayName()
                        + "); weights are given per dimension: ").orElse("is not one of the five SERVQUAL dimensions: ")
                        + names(ServqualDimension.values()));
            }
            Long earlier = lines.putIfAbsent(dimension.get(), row.line());
            if (earlier != null) {
                throw row.error("dimension", "must be weighted once", "dimension '" + name
                        + "' already has a weight on line " + earlier);
            }
            String text = row.text("weight");
            BigDecimal weight;
            try {
                weight = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw row.error("weight", "must be a decimal number", "weight '" + text + "' is not a decimal number");
            }
            if (weight.signum() <= 0) {
                throw row.error("weight", "must be positive", "weight " + text + " must be positive");
            }
            if (Math.abs((long) weight.scale()) > 100 || weight.precision() > 100) {
                throw row.error("weight", "must have at most 100 digits", "weight '" + text
                        + "' has too many digits");
            }
            weights.put(dimension.get(), weight);
        }
        return ServqualWeights.of(weights);
    }

    /**
     * Reads SERVQUAL dimension weights from text.
     *
     * @see #readWeights(Reader)
     */
    public static ServqualWeights readWeights(String text) {
        try {
            return readWeights(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String names(Enum<?>[] constants) {
        return String.join(", ", Arrays.stream(constants).map(Names::display).toList());
    }

    /** A header and its non-blank records, each with the line it starts on. */
    private record Table(List<Row> rows) {

        static Table read(Reader in, List<String> required, String shape) throws IOException {
            Objects.requireNonNull(in, "in must not be null");
            CsvReader csv = new CsvReader(in);
            List<String> header = csv.next();
            while (header != null && blank(header)) {
                header = csv.next();
            }
            if (header == null) {
                throw new SurveyCsvException(1, "header", "must be present",
                        "the file is empty; it must start with the header " + shape);
            }
            long headerLine = csv.recordLine();
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(Names.normalise(header.get(i)), i);
            }
            for (String column : required) {
                if (!index.containsKey(column)) {
                    throw new SurveyCsvException(headerLine, "header", "must name the column " + column,
                            "header lacks the column '" + column + "' (expected " + shape + ", found "
                            + abbreviate(String.join(",", header)) + ")");
                }
            }
            List<Row> rows = new ArrayList<>();
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                if (blank(fields)) {
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw new SurveyCsvException(csv.recordLine(), "record", "must have as many fields as the header",
                            "record has " + fields.size() + " field" + (fields.size() == 1 ? "" : "s")
                            + ", the header has " + header.size());
                }
                rows.add(new Row(csv.recordLine(), index, fields));
            }
            if (rows.isEmpty()) {
                throw new SurveyCsvException(headerLine + 1, "record", "must have at least one row",
                        "no rows after the header; there is nothing to score");
            }
            return new Table(rows);
        }

        private static boolean blank(List<String> fields) {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    /** One record of a table. */
    private record Row(long line, Map<String, Integer> index, List<String> fields) {

        String text(String column) {
            String value = fields.get(index.get(column)).strip();
            if (value.isEmpty()) {
                throw error(column, "must not be blank", column + " is blank");
            }
            return value;
        }

        int whole(String column, RatingScale scale) {
            String value = text(column);
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error(column, "must be a whole number", column + " '" + abbreviate(value)
                        + "' is not a whole number on " + scale);
            }
            if (!scale.contains(n)) {
                throw error(column, "is outside " + scale, column + " " + n + " is outside " + scale);
            }
            return n;
        }

        SurveyCsvException error(String column, String rule, String message) {
            return new SurveyCsvException(line, column, rule, message);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
