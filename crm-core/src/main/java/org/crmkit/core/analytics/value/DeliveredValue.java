package org.crmkit.core.analytics.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * Customer delivered value of one offer (Kotler; domain §5):
 * {@code delivered = total customer value − total customer cost}, exact, and the ratio
 * {@code total value / total cost}, half-even to {@value #RATIO_SCALE} decimals (empty when the total
 * cost is 0).
 *
 * @param offer      the offer
 * @param totalValue product + service + personnel + image value
 * @param totalCost  monetary + time + energy + psychic cost
 * @param delivered  totalValue − totalCost; negative when the offer costs more than it is worth
 * @param ratio      totalValue / totalCost, empty when totalCost is 0
 * @since 0.1
 */
public record DeliveredValue(Offer offer, BigDecimal totalValue, BigDecimal totalCost, BigDecimal delivered,
                             Optional<BigDecimal> ratio) {

    /** The number of decimals of the ratio. */
    public static final int RATIO_SCALE = 10;

    /** Validates that the figures follow from the offer. */
    public DeliveredValue {
        Objects.requireNonNull(offer, "offer must not be null");
        Objects.requireNonNull(ratio, "ratio must not be null (use Optional.empty())");
        if (totalValue == null || totalValue.compareTo(offer.value().total()) != 0
                || totalCost == null || totalCost.compareTo(offer.cost().total()) != 0
                || delivered == null || delivered.compareTo(totalValue.subtract(totalCost)) != 0) {
            throw new ValidationException("delivered", "must follow from the offer");
        }
    }

    /** @return the delivered value of the offer */
    public static DeliveredValue of(Offer offer) {
        Objects.requireNonNull(offer, "offer must not be null");
        BigDecimal value = offer.value().total();
        BigDecimal cost = offer.cost().total();
        Optional<BigDecimal> ratio = cost.signum() == 0 ? Optional.empty()
                : Optional.of(value.divide(cost, RATIO_SCALE, RoundingMode.HALF_EVEN));
        return new DeliveredValue(offer, value, cost, value.subtract(cost), ratio);
    }

    /** @return one sentence with the sums behind the figures */
    public String explanation() {
        TotalCustomerValue v = offer.value();
        TotalCustomerCost c = offer.cost();
        return offer.name() + ": delivered value " + delivered.toPlainString() + " = value " + totalValue.toPlainString()
                + " (product " + v.product().toPlainString() + " + service " + v.service().toPlainString()
                + " + personnel " + v.personnel().toPlainString() + " + image " + v.image().toPlainString()
                + ") - cost " + totalCost.toPlainString() + " (monetary " + c.monetary().toPlainString()
                + " + time " + c.time().toPlainString() + " + energy " + c.energy().toPlainString()
                + " + psychic " + c.psychic().toPlainString() + "); value/cost "
                + ratio.map(BigDecimal::toPlainString).orElse("undefined (no cost)");
    }
}
