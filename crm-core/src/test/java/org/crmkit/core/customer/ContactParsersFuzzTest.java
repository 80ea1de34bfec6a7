package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.crmkit.spi.ValidationException;

/**
 * Fuzzes the parsers of customer input: whatever the text, a parser either refuses it with a
 * {@link ValidationException} naming its field, or returns a value that parses to itself again.
 * Any other exception is a bug.
 *
 * <p>In a normal test run Jazzer replays the inputs under
 * {@code src/test/resources/.../ContactParsersFuzzTestInputs/}; to fuzz for real, run with
 * {@code JAZZER_FUZZ=1} (see docs/architecture.md).
 */
class ContactParsersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void emailAddress(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            EmailAddress e = EmailAddress.parse(text);
            assertThat(EmailAddress.parse(e.value())).isEqualTo(e);
            assertThat(e.value().length()).isLessThanOrEqualTo(254);
        } catch (ValidationException expected) {
            assertThat(expected.field()).isEqualTo("email");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void phoneNumber(FuzzedDataProvider data) {
        int country = data.consumeInt(0, 999);
        String text = data.consumeRemainingAsString();
        try {
            PhoneNumber p = country == 0 ? PhoneNumber.parse(text) : PhoneNumber.parse(text, country);
            assertThat(PhoneNumber.parse(p.value())).isEqualTo(p);
        } catch (ValidationException expected) {
            assertThat(expected.field()).isEqualTo("phone");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void attributeValue(FuzzedDataProvider data) {
        String type = data.pickValue(new String[] {"TEXT", "NUMBER", "BOOLEAN", "DATE", "TIMESTAMP", "OTHER"});
        String text = data.consumeRemainingAsString();
        try {
            AttributeValue v = AttributeValue.parse(type, text);
            assertThat(AttributeValue.parse(v.typeCode(), v.canonical())).isEqualTo(v);
        } catch (ValidationException expected) {
            assertThat(expected.field()).startsWith("attribute.");
        }
    }
}
