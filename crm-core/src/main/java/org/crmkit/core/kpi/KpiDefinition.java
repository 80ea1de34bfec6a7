package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * A SMART key performance indicator (domain §11): <b>specific</b> ({@code name},
 * {@code description}), <b>measurable</b> ({@code measure}, one of the catalogue crmkit computes
 * from its own records), <b>attainable</b> ({@code target} and {@code direction}), <b>relevant</b>
 * ({@code parentGoal}, the goal above it that it serves, optional) and <b>time-bound</b>
 * ({@code timeFrame}); and an {@code owner} who answers for it. Immutable and thread-safe.
 *
 * <pre>{@code
 * KpiDefinition kpi = new KpiDefinition("Q2 revenue of Sam", "Net revenue of Sam's delivered orders",
 *         Measure.DELIVERED_REVENUE, new BigDecimal("50000"), Direction.HIGHER_IS_BETTER, "EUR",
 *         "Grow revenue 10 % this year", TimeFrame.quarterly(), KpiOwner.staff(StaffId.of("sam")));
 * }</pre>
 *
 * @param name        a short name; not blank, at most 200 characters
 * @param description what exactly is measured and why; not blank, at most 2000 characters
 * @param measure     what is measured; not null
 * @param target      the target value, in the measure's {@linkplain Measure#unit() unit}: not
 *                    negative; a whole number for counts; 1 to 5 for scores; at most 100 for
 *                    percentages; at most the currency's fraction digits for money
 * @param direction   whether higher or lower is better; not null
 * @param currency    the ISO 4217 code money is counted in; required for measures that
 *                    {@linkplain Measure#needsCurrency() need one}, absent (null) otherwise
 * @param parentGoal  the goal this KPI ties to; may be null, else not blank and at most 500 characters
 * @param timeFrame   the period or recurrence; not null
 * @param owner       who answers for the KPI; not null
 * @throws ValidationException naming the field and the rule if any rule is broken
 * @since 0.1
 */
public record KpiDefinition(String name, String description, Measure measure, BigDecimal target, Direction direction,
                            String currency, String parentGoal, TimeFrame timeFrame, KpiOwner owner) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Validates the components as described above. */
    public KpiDefinition {
        name = text(name, "name", 200);
        description = text(description, "description", 2000);
        if (measure == null) {
            throw new ValidationException("measure", "must not be null");
        }
        if (target == null) {
            throw new ValidationException("target", "must not be null");
        }
        // messages show target.toString(), not toPlainString(): 1e-999999999 must not be spelt out
        if (target.signum() < 0) {
            throw new ValidationException("target", "must not be negative", target.toString());
        }
        if (direction == null) {
            throw new ValidationException("direction", "must not be null");
        }
        if (measure.needsCurrency()) {
            if (currency == null) {
                throw new ValidationException("currency", "must be given for " + measure);
            }
            currency = Money.currency(currency).getCurrencyCode();
        } else if (currency != null) {
            throw new ValidationException("currency", "must be absent for " + measure, currency);
        }
        switch (measure.unit()) {
            case COUNT -> {
                if (target.stripTrailingZeros().scale() > 0) {
                    throw new ValidationException("target", "must be a whole number for " + measure,
                            target.toString());
                }
            }
            case SCORE -> {
                if (target.compareTo(BigDecimal.ONE) < 0 || target.compareTo(BigDecimal.valueOf(5)) > 0) {
                    throw new ValidationException("target", "must be 1 to 5 for " + measure, target.toString());
                }
            }
            case PERCENT -> {
                if (target.compareTo(HUNDRED) > 0) {
                    throw new ValidationException("target", "must be at most 100 for " + measure,
                            target.toString());
                }
            }
            case MONEY -> {
                int digits = Currency.getInstance(currency).getDefaultFractionDigits();
                if (target.stripTrailingZeros().scale() > digits) {
                    throw new ValidationException("target", "must have at most " + digits + " fraction digits for "
                            + currency, target.toString());
                }
            }
            case RATIO -> {
                // any non-negative ratio
            }
        }
        if (parentGoal != null) {
            parentGoal = text(parentGoal, "parentGoal", 500);
        }
        if (timeFrame == null) {
            throw new ValidationException("timeFrame", "must not be null");
        }
        if (owner == null) {
            throw new ValidationException("owner", "must not be null");
        }
    }

    /** @return the goal this KPI ties to, if one was given */
    public Optional<String> goal() {
        return Optional.ofNullable(parentGoal);
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be blank", value);
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters", stripped);
        }
        return stripped;
    }
}
