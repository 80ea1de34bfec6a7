package org.crmkit.core.sales.opportunity;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;

/**
 * One stage of a {@link Pipeline}, such as "Qualification" or "Proposal", with the win
 * probability an opportunity gets when it enters the stage. Immutable and thread-safe.
 *
 * @param code               the stage's code: 1-40 upper-case letters, digits, '_' or '-', starting
 *                           with a letter or digit; given in any case, stored in upper case
 * @param name               the display name; not blank, at most 100 characters
 * @param defaultProbability the default win probability, 0 to 1 in whole percents (at most two
 *                           fraction digits), kept with exactly two
 * @since 0.1
 */
public record PipelineStage(String code, String name, BigDecimal defaultProbability) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");

    public PipelineStage {
        code = code(code, "code");
        name = Texts.required(name, "name", 100);
        defaultProbability = Texts.probability(defaultProbability, "defaultProbability");
    }

    /**
     * @param code               the stage's code
     * @param name               the display name
     * @param defaultProbability the default probability as decimal text, for example {@code "0.25"}
     * @return the stage
     * @throws ValidationException naming the part that is invalid
     */
    public static PipelineStage of(String code, String name, String defaultProbability) {
        Texts.notNull(defaultProbability, "defaultProbability");
        BigDecimal p;
        try {
            p = new BigDecimal(defaultProbability.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("defaultProbability", "must be a decimal number", defaultProbability);
        }
        return new PipelineStage(code, name, p);
    }

    /** Normalises a stage code as the pipeline keeps it. */
    static String code(String code, String field) {
        String c = Texts.required(code, field, 40).toUpperCase(Locale.ROOT);
        if (!CODE.matcher(c).matches()) {
            throw new ValidationException(field, "must be letters, digits, '_' or '-', starting with a letter or digit",
                    code);
        }
        return c;
    }
}
