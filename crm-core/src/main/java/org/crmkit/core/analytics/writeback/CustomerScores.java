package org.crmkit.core.analytics.writeback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.lifecycle.LifecycleClassification;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.spi.ValidationException;

/**
 * The results of an analysis for one customer, in the form they are written to the customer.
 * {@link #from(CustomerBaseAnalysis)} makes them from a {@link CustomerBaseAnalysis}; a host that
 * computes its own figures may build them directly. Every figure but the key and the date may be
 * absent (null): an absent figure is not written, and an attribute it wrote earlier is removed.
 * Every figure must be storable as an {@link AttributeValue} (texts at most 10,000 characters, numbers
 * at most 100 digits before and after the decimal point). Immutable and thread-safe.
 *
 * @param customerKey       the customer's key in the analysed transactions; not blank
 * @param asOf              the date the figures are as of (the calibration end); not null
 * @param rfmCode           the RFM score as three digits 1-5, for example {@code "545"}; may be null
 * @param rfmSegment        the RFM segment's name; may be null
 * @param abcClass          the ABC class, {@code "A"}, {@code "B"} or {@code "C"}; may be null
 * @param lifetimeValue     the customer lifetime value in the currency's major unit; may be null
 * @param probabilityAlive  P(alive), between 0 and 1; may be null
 * @param expectedPurchases the expected purchases over the valuation horizon, not negative; may be null
 * @param netSpend          the net spend up to {@code asOf}; may be null
 * @param suggestedStage    the lifecycle stage the classifier suggests; may be null
 * @param stageReason       the figures that decided the suggested stage, as text; may be null
 * @since 0.1
 */
public record CustomerScores(String customerKey, LocalDate asOf, String rfmCode, String rfmSegment, String abcClass,
                             BigDecimal lifetimeValue, BigDecimal probabilityAlive, BigDecimal expectedPurchases,
                             BigDecimal netSpend, LifecycleStage suggestedStage, String stageReason) {

    /** Decimals of {@link #probabilityAlive()} and {@link #expectedPurchases()} from an analysis. */
    public static final int RATIO_DECIMALS = 4;

    /** Validates every field. */
    public CustomerScores {
        if (customerKey == null || customerKey.isBlank()) {
            throw new ValidationException("customerKey", "must not be blank", customerKey);
        }
        if (asOf == null) {
            throw new ValidationException("asOf", "must not be null");
        }
        if (rfmCode != null && !rfmCode.matches("[1-5]{3}")) {
            throw new ValidationException("rfmCode", "must be three digits 1-5", rfmCode);
        }
        if (abcClass != null && !abcClass.matches("[ABC]")) {
            throw new ValidationException("abcClass", "must be A, B or C", abcClass);
        }
        if (probabilityAlive != null && (probabilityAlive.signum() < 0 || probabilityAlive.compareTo(BigDecimal.ONE) > 0)) {
            throw new ValidationException("probabilityAlive", "must lie between 0 and 1", probabilityAlive);
        }
        if (expectedPurchases != null && expectedPurchases.signum() < 0) {
            throw new ValidationException("expectedPurchases", "must not be negative", expectedPurchases);
        }
        if (rfmSegment != null && rfmSegment.isBlank()) {
            rfmSegment = null;
        }
        // every figure must be storable as an attribute value, so that a batch cannot fail half-way on one
        storable("rfmSegment", rfmSegment);
        storable("lifetimeValue", lifetimeValue);
        storable("probabilityAlive", probabilityAlive);
        storable("expectedPurchases", expectedPurchases);
        storable("netSpend", netSpend);
        if (stageReason != null && stageReason.isBlank()) {
            stageReason = null;
        }
    }

    /**
     * The scores of every customer of an analysis, in its row order: RFM code and segment, ABC
     * class, net spend, lifetime value rounded half-even to the currency's minor unit, P(alive)
     * and expected purchases rounded half-even to {@value #RATIO_DECIMALS} decimals, and the
     * lifecycle stage with its classification's explanation as the reason.
     *
     * @param analysis a finished analysis; not null
     * @return one entry per analysed customer; never null
     */
    public static List<CustomerScores> from(CustomerBaseAnalysis analysis) {
        Objects.requireNonNull(analysis, "analysis must not be null");
        int digits = Math.max(0, Currency.getInstance(analysis.currency()).getDefaultFractionDigits());
        LocalDate asOf = analysis.options().calibrationEnd();
        List<CustomerScores> out = new ArrayList<>(analysis.customers().size());
        for (CustomerBaseAnalysis.CustomerRow row : analysis.customers()) {
            LifecycleClassification stage = analysis.lifecycle(row.customerId()).orElse(null);
            out.add(new CustomerScores(row.customerId(), asOf, row.rfmCode(), row.rfmSegment(),
                    row.abcClass() == null ? null : row.abcClass().name(), decimal(row.lifetimeValue(), digits),
                    decimal(row.probabilityAlive(), RATIO_DECIMALS), decimal(row.expectedPurchases(), RATIO_DECIMALS),
                    row.netSpend(), stage == null ? null : stage.stage(), stage == null ? null : stage.explanation()));
        }
        return List.copyOf(out);
    }

    private static void storable(String field, Object value) {
        try {
            if (value instanceof String t) {
                AttributeValue.of(t);
            } else if (value instanceof BigDecimal n) {
                AttributeValue.of(n);
            }
        } catch (ValidationException e) {
            throw new ValidationException(field, e.rule(), value);
        }
    }

    private static BigDecimal decimal(double value, int digits) {
        if (!Double.isFinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_EVEN);
    }
}
