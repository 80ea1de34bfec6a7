package org.crmkit.core.analytics.value;

import java.math.BigDecimal;

/**
 * What an offer costs the customer (Kotler; domain §5), in the same money unit as the value:
 * monetary, time, energy and psychic cost. Each part is >= 0; non-monetary costs are priced by the
 * caller.
 *
 * @param monetary the price paid
 * @param time     the cost of the time spent
 * @param energy   the cost of the effort spent
 * @param psychic  the cost of worry, risk and annoyance
 * @since 0.1
 */
public record TotalCustomerCost(BigDecimal monetary, BigDecimal time, BigDecimal energy, BigDecimal psychic) {

    /** Validates that every part is present and >= 0. */
    public TotalCustomerCost {
        Money.nonNegative("monetary", monetary);
        Money.nonNegative("time", time);
        Money.nonNegative("energy", energy);
        Money.nonNegative("psychic", psychic);
    }

    /** @return the parts given as plain decimal text */
    public static TotalCustomerCost of(String monetary, String time, String energy, String psychic) {
        return new TotalCustomerCost(Money.parse("monetary", monetary), Money.parse("time", time), Money.parse("energy", energy),
                Money.parse("psychic", psychic));
    }

    /** @return monetary + time + energy + psychic, exact */
    public BigDecimal total() {
        return monetary.add(time).add(energy).add(psychic);
    }
}
