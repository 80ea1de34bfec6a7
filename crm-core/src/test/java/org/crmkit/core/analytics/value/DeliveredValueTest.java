package org.crmkit.core.analytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** Customer delivered value (domain §5, Kotler) on hand examples, and offers compared by it. */
class DeliveredValueTest {

    static Offer offer(String name, String product, String service, String personnel, String image,
                       String monetary, String time, String energy, String psychic) {
        return new Offer(name, TotalCustomerValue.of(product, service, personnel, image),
                TotalCustomerCost.of(monetary, time, energy, psychic));
    }

    @Test
    void deliveredValueIsTotalValueMinusTotalCostExactly() {
        // value 1000 + 200 + 150 + 50 = 1400; cost 900 + 40 + 20 + 15.5 = 975.5
        DeliveredValue d = DeliveredValue.of(offer("tractor A", "1000", "200", "150", "50", "900", "40", "20", "15.50"));
        assertThat(d.totalValue()).isEqualByComparingTo("1400");
        assertThat(d.totalCost()).isEqualByComparingTo("975.50");
        assertThat(d.delivered()).isEqualByComparingTo("424.50");
        assertThat(d.ratio()).hasValue(new BigDecimal("1.4351614557")); // 1400 / 975.5, half-even, 10 decimals
        assertThat(d.explanation()).startsWith("tractor A: delivered value 424.50 = value 1400 (product 1000")
                .contains("- cost 975.50 (monetary 900", "value/cost 1.4351614557");
    }

    @Test
    void decimalsAreNeverRoundedInTheSums() {
        DeliveredValue d = DeliveredValue.of(offer("o", "0.1", "0.2", "0", "0", "0.3", "0", "0", "0"));
        assertThat(d.delivered()).isEqualByComparingTo("0"); // 0.1 + 0.2 - 0.3 is exactly 0
        assertThat(d.ratio()).hasValue(new BigDecimal("1.0000000000"));
    }

    @Test
    void aFreeOfferHasNoRatioAndACostlyOneANegativeDeliveredValue() {
        DeliveredValue free = DeliveredValue.of(offer("free", "10", "0", "0", "0", "0", "0", "0", "0"));
        assertThat(free.ratio()).isEmpty();
        assertThat(free.explanation()).contains("undefined (no cost)");
        DeliveredValue bad = DeliveredValue.of(offer("bad", "10", "0", "0", "0", "8", "3", "1", "1"));
        assertThat(bad.delivered()).isEqualByComparingTo("-3");
    }

    @Test
    void theCustomerBuysTheOfferWithTheHighestDeliveredValue() {
        Offer a = offer("A", "1000", "200", "150", "50", "900", "40", "20", "15.50");  // 424.50
        Offer b = offer("B", "900", "300", "100", "100", "850", "30", "20", "10");      // 490
        Offer c = offer("C", "1200", "100", "50", "50", "1000", "20", "10", "10");      // 360
        OfferComparison cmp = OfferComparison.of(List.of(a, b, c));
        assertThat(cmp.isTie()).isFalse();
        assertThat(cmp.chosen().offer()).isEqualTo(b);
        assertThat(cmp.ranked()).extracting(d -> d.offer().name()).containsExactly("B", "A", "C");
        assertThat(cmp.explanation()).isEqualTo("B has the highest delivered value, 490, ahead of A (424.50)");
    }

    @Test
    void tiesAreStatedAndTheFirstGivenIsChosen() {
        Offer a = offer("A", "100", "0", "0", "0", "60", "0", "0", "0");    // 40
        Offer b = offer("B", "50.00", "0", "0", "0", "10", "0", "0", "0");  // 40.00
        Offer c = offer("C", "30", "0", "0", "0", "0", "0", "0", "0");      // 30
        OfferComparison cmp = OfferComparison.of(List.of(c, b, a));
        assertThat(cmp.isTie()).isTrue();
        assertThat(cmp.best()).extracting(d -> d.offer().name()).containsExactly("B", "A");
        assertThat(cmp.chosen().offer().name()).isEqualTo("B");
        assertThat(cmp.explanation()).isEqualTo("tie at delivered value 40.00 between B, A; the first given, B, is chosen");
        assertThat(OfferComparison.of(List.of(c)).explanation()).isEqualTo("C is the only offer, delivered value 30");
    }

    @Test
    void invalidInputsAreRefusedWithTheirField() {
        assertThatThrownBy(() -> TotalCustomerValue.of("-1", "0", "0", "0")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("product");
        assertThatThrownBy(() -> TotalCustomerCost.of("0", "0", "0", "-0.01")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("psychic");
        assertThatThrownBy(() -> OfferComparison.of(List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("offers");
        Offer a = offer("A", "1", "0", "0", "0", "0", "0", "0", "0");
        assertThatThrownBy(() -> OfferComparison.of(List.of(a, a))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new Offer(" ", a.value(), a.cost())).isInstanceOf(ValidationException.class);
    }

    @org.junit.jupiter.api.Test
    void badDecimalTextIsRefusedNamingThePart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TotalCustomerCost.of("10", "1,5", "0", "0"))
                .isInstanceOf(org.crmkit.spi.ValidationException.class).hasMessageStartingWith("time: must be a decimal");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TotalCustomerValue.of("x", "0", "0", "0"))
                .isInstanceOf(org.crmkit.spi.ValidationException.class).hasMessageStartingWith("product: must be a decimal");
    }
}
