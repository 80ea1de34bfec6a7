package org.crmkit.core.analytics.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.spi.ValidationException;

/**
 * Offers compared by customer delivered value (domain §5: a customer buys from the offer with the
 * highest delivered value). Offers whose delivered values are numerically equal (2.0 equals 2.00) tie.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ranked the offers' delivered values, highest first; ties keep the order the offers were given
 * @param best   every offer with the highest delivered value, in the order given; one unless there is a tie
 * @since 0.1
 */
public record OfferComparison(List<DeliveredValue> ranked, List<DeliveredValue> best) {

    /** Copies the lists. */
    public OfferComparison {
        ranked = List.copyOf(ranked);
        best = List.copyOf(best);
        if (best.isEmpty()) {
            throw new ValidationException("best", "must not be empty");
        }
    }

    /**
     * Compares offers.
     *
     * @throws ValidationException on field {@code offers} if empty, or on {@code name} if two offers share a name
     */
    public static OfferComparison of(Collection<Offer> offers) {
        if (offers == null || offers.isEmpty()) {
            throw new ValidationException("offers", "must not be empty");
        }
        List<DeliveredValue> values = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Offer o : offers) {
            if (o == null) {
                throw new ValidationException("offers", "must not contain null");
            }
            if (!names.add(o.name())) {
                throw new ValidationException("name", "must be unique among the offers", o.name());
            }
            values.add(DeliveredValue.of(o));
        }
        List<DeliveredValue> ranked = new ArrayList<>(values);
        ranked.sort(Comparator.comparing(DeliveredValue::delivered).reversed()); // stable
        BigDecimal top = ranked.get(0).delivered();
        List<DeliveredValue> best = values.stream().filter(d -> d.delivered().compareTo(top) == 0)
                .collect(Collectors.toList());
        return new OfferComparison(ranked, best);
    }

    /** @return the offer chosen: the first given among the best */
    public DeliveredValue chosen() {
        return best.get(0);
    }

    /** @return whether more than one offer has the highest delivered value */
    public boolean isTie() {
        return best.size() > 1;
    }

    /** @return which offer wins and by what, or which offers tie */
    public String explanation() {
        String top = best.get(0).delivered().toPlainString();
        if (isTie()) {
            return "tie at delivered value " + top + " between "
                    + best.stream().map(d -> d.offer().name()).collect(Collectors.joining(", "))
                    + "; the first given, " + chosen().offer().name() + ", is chosen";
        }
        if (ranked.size() == 1) {
            return chosen().offer().name() + " is the only offer, delivered value " + top;
        }
        return chosen().offer().name() + " has the highest delivered value, " + top + ", ahead of "
                + ranked.get(1).offer().name() + " (" + ranked.get(1).delivered().toPlainString() + ")";
    }
}
