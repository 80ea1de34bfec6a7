package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource({
            "'  Li.Wei@Example.COM ', Li.Wei@example.com",
            "bob@example.org, bob@example.org",
            "first.last+tag@Sub.Example.co.uk, first.last+tag@sub.example.co.uk",
            "用户@例子.中国, 用户@例子.中国",
            "o'brien@EXAMPLE.ie, o'brien@example.ie"})
    void trimsAndLowerCasesTheDomainOnly(String typed, String normalised) {
        assertThat(EmailAddress.parse(typed).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "plain", "a@b", "@example.com", "bob@", "a@@example.com", "a@b@example.com",
            ".bob@example.com", "bob.@example.com", "bo..b@example.com", "bob@-example.com", "bob@example-.com",
            "bob@exa mple.com", "bob smith@example.com", "\"bob\"@example.com", "bob@[127.0.0.1]",
            "bob@example..com"})
    void refusesInvalidAddressesNamingTheFieldAndRule(String typed) {
        assertThatThrownBy(() -> EmailAddress.parse(typed))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("email"))
                .hasMessageStartingWith("email: must");
    }

    @org.junit.jupiter.api.Test
    void refusesALocalPartLongerThan64Characters() {
        assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@example.com"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1-64 characters");
    }

    @org.junit.jupiter.api.Test
    void constructorRefusesAnUnnormalisedValue() {
        assertThatThrownBy(() -> new EmailAddress("bob@EXAMPLE.com"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("normalised");
    }

    @org.junit.jupiter.api.Test
    void exposesLocalPartAndDomain() {
        EmailAddress e = EmailAddress.parse("Sales.Team@Acme.CN");
        assertThat(e.localPart()).isEqualTo("Sales.Team");
        assertThat(e.domain()).isEqualTo("acme.cn");
    }

    @org.junit.jupiter.api.Test
    void theSameLettersInAnotherEncodingAreTheSameAddress() {
        String composed = "jos\u00e9@example.com";
        String decomposed = "jose\u0301@example.com";
        assertThat(EmailAddress.parse(decomposed)).isEqualTo(EmailAddress.parse(composed));
        assertThat(EmailAddress.parse("li@\uff25\uff38\uff21\uff2d\uff30\uff2c\uff25.com"))
                .isEqualTo(EmailAddress.parse("li@example.com"));
        assertThat(EmailAddress.parse("a@\u0130stanbul.com.tr").domain()).isEqualTo("i\u0307stanbul.com.tr");
    }
}
