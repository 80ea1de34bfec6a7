package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTheCurrencysScale() {
        assertThat(Money.of("10.5", "EUR").amount()).isEqualByComparingTo("10.50");
        assertThat(Money.of("10.5", "EUR").amount().scale()).isEqualTo(2);
        assertThat(Money.of("1200", "JPY").amount().scale()).isZero();
        assertThat(Money.of("10.5", "EUR")).isEqualTo(Money.of("10.50", "EUR"));
    }

    @Test
    void refusesMoreFractionDigitsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.of("0.125", "EUR"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.getMessage()).contains("at most 2 fraction digits");
                });
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(ValidationException.class);
    }

    @Test
    void roundsComputedAmountsHalfUpOnce() {
        // 0.125 EUR -> 0.13 (half up); -0.125 -> -0.13 (half up rounds away from zero)
        assertThat(Money.rounded(new BigDecimal("0.125"), Currency.getInstance("EUR"))).isEqualTo(Money.of("0.13", "EUR"));
        assertThat(Money.rounded(new BigDecimal("-0.125"), Currency.getInstance("EUR"))).isEqualTo(Money.of("-0.13", "EUR"));
        // 3 x 33.33 at 10% off: 99.99 x 0.9 = 89.991 -> 89.99
        assertThat(Money.of("33.33", "EUR").times(3).times(new BigDecimal("0.9"))).isEqualTo(Money.of("89.99", "EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        Money eur = Money.of("1.00", "EUR");
        Money usd = Money.of("1.00", "USD");
        assertThatThrownBy(() -> eur.plus(usd))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> eur.compareTo(usd)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.sum(Currency.getInstance("EUR"), List.of(eur, usd)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesUnknownCurrenciesAndCurrenciesWithoutMinorUnit() {
        assertThatThrownBy(() -> Money.of("1", "EURO"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.of("1", "XAU"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("minor unit"));
        assertThatThrownBy(() -> Money.of("ten", "EUR"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void parsesWhatItPrints() {
        Money m = Money.of("-1234.5", "USD");
        assertThat(m.toString()).isEqualTo("USD -1234.50");
        assertThat(Money.parse(m.toString())).isEqualTo(m);
        assertThatThrownBy(() -> Money.parse("12.00"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("money"));
    }

    @Test
    void sumsAreExactAndOrderIndependent() {
        qt().withExamples(300).withFixedSeed(3L)
                .forAll(longs().between(-10_000_000L, 10_000_000L), longs().between(-10_000_000L, 10_000_000L),
                        longs().between(-10_000_000L, 10_000_000L), integers().between(0, 2))
                .checkAssert((a, b, c, shift) -> {
                    List<Money> amounts = new ArrayList<>(List.of(cents(a), cents(b), cents(c)));
                    Money forward = Money.sum(Currency.getInstance("EUR"), amounts);
                    java.util.Collections.rotate(amounts, shift);
                    assertThat(Money.sum(Currency.getInstance("EUR"), amounts)).isEqualTo(forward);
                    assertThat(forward.amount().movePointRight(2).longValueExact()).isEqualTo(a + b + c);
                    assertThat(forward.minus(cents(a)).minus(cents(b))).isEqualTo(cents(c));
                    assertThat(cents(a).plus(cents(a).negate()).isZero()).isTrue();
                });
    }

    @Test
    void multiplyingByAWholeQuantityIsRepeatedAddition() {
        qt().withExamples(300).withFixedSeed(5L)
                .forAll(longs().between(-1_000_000L, 1_000_000L), integers().between(0, 50))
                .checkAssert((unit, quantity) -> {
                    Money total = Money.zero("EUR");
                    for (int i = 0; i < quantity; i++) {
                        total = total.plus(cents(unit));
                    }
                    assertThat(cents(unit).times(quantity)).isEqualTo(total);
                    assertThat(cents(unit).times(BigDecimal.valueOf(quantity))).isEqualTo(total);
                });
    }

    private static Money cents(long cents) {
        return Money.of(BigDecimal.valueOf(cents, 2), "EUR");
    }
}
