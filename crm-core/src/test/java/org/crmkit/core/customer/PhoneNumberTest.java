package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource({
            "'+86 138-1234-5678', +8613812345678",
            "'0086 138 1234 5678', +8613812345678",
            "'(+44) 20 7946 0958', +442079460958",
            "'+1 (415) 555-2671', +14155552671",
            "'+49.30.123456', +4930123456",
            "'+44 (0)20 7946 0958', +442079460958",
            "'0044 ( 0 ) 20 7946 0958', +442079460958"})
    void keepsInternationalNumbersInE164(String typed, String canonical) {
        assertThat(PhoneNumber.parse(typed).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({
            "'138 1234 5678', 86, +8613812345678",
            "'010-6552 9988', 86, +861065529988",
            "'020 7946 0958', 44, +442079460958",
            "'1 415 555 2671', 1, +14155552671",
            "'415 555 2671', 1, +14155552671",
            "'06 6982 1234', 39, +390669821234"})
    void completesNationalNumbersWithTheDefaultCountryCode(String typed, int country, String canonical) {
        assertThat(PhoneNumber.parse(typed, country).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "13812345678", "+86 138 1234 567a", "+0 123 4567", "+12345", "+1234567890123456",
            "+86 138 1234 5678 ext 12", "++8613812345678", "+86+13812345678"})
    void refusesInvalidNumbersNamingTheField(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("phone"));
    }

    @Test
    void refusesAnOutOfRangeDefaultCountryCode() {
        assertThatThrownBy(() -> PhoneNumber.parse("123 4567", 1000))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("defaultCountryCode:");
    }
}
