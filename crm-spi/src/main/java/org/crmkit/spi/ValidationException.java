package org.crmkit.spi;

import java.util.Objects;

/**
 * Input broke a rule. The exception names the offending {@link #field() field} and the
 * {@link #rule() rule} it broke, and nothing was stored.
 *
 * <p>The message has the form {@code "<field>: <rule>"}, followed by the rejected value where
 * showing it is harmless, for example {@code "email: must contain exactly one '@' (was 'bob.example.com')"}.
 *
 * @since 0.1
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * @param field the name of the field that was rejected, as the caller knows it (for example
     *              {@code "email"} or {@code "consents[2].purpose"}); not null
     * @param rule  the rule that was broken, phrased so that {@code field + ": " + rule} reads as
     *              a sentence (for example {@code "must not be blank"}); not null
     */
    public ValidationException(String field, String rule) {
        super(Objects.requireNonNull(field, "field must not be null") + ": "
                + Objects.requireNonNull(rule, "rule must not be null"));
        this.field = field;
        this.rule = rule;
    }

    /**
     * Same as {@link #ValidationException(String, String)}, adding the rejected value to the message.
     *
     * @param rejected the rejected value, shown quoted in the message; may be null
     */
    public ValidationException(String field, String rule, Object rejected) {
        super(Objects.requireNonNull(field, "field must not be null") + ": "
                + Objects.requireNonNull(rule, "rule must not be null")
                + " (was " + (rejected == null ? "null" : "'" + abbreviate(String.valueOf(rejected)) + "'") + ")");
        this.field = field;
        this.rule = rule;
    }

    /**
     * For subclasses whose message says more than {@code "<field>: <rule>"}.
     *
     * @param field   the rejected field; not null
     * @param rule    the broken rule; not null
     * @param message the full message, which should mention both; not null
     * @param marker  unused; distinguishes this constructor
     */
    protected ValidationException(String field, String rule, String message, boolean marker) {
        super(Objects.requireNonNull(message, "message must not be null"));
        this.field = Objects.requireNonNull(field, "field must not be null");
        this.rule = Objects.requireNonNull(rule, "rule must not be null");
    }

    /**
     * The same refusal, for a field nested in a larger input: {@code e.withFieldPrefix("commands[3].")}
     * turns {@code "email: must ..."} into {@code "commands[3].email: must ..."}, keeping the
     * rejected value in the message and this exception as the cause.
     *
     * @param prefix what to put before the field name; not null
     * @return a new exception
     */
    public ValidationException withFieldPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix must not be null");
        ValidationException nested = new ValidationException(prefix + field, rule, prefix + getMessage(), true);
        nested.initCause(this);
        return nested;
    }

    /** @return the name of the rejected field; never null */
    public String field() {
        return field;
    }

    /** @return the rule that was broken; never null */
    public String rule() {
        return rule;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
