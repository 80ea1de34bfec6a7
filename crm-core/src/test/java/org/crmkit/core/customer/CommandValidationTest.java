package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jakarta Validation annotations on commands, as a host running Hibernate Validator sees them. */
class CommandValidationTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void aCompleteCommandHasNoViolations() {
        RegisterCustomer ok = RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice").email("li@example.com").build();
        assertThat(validator.validate(ok)).isEmpty();
    }

    @Test
    void violationsNameTheFields() {
        RegisterCustomer bad = RegisterCustomer.builder(null, " ", "").email("").phone("x".repeat(41))
                .defaultCountryCode(1000).build();
        Set<ConstraintViolation<RegisterCustomer>> violations = validator.validate(bad);
        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .contains("type", "name", "owner", "defaultCountryCode")
                .anyMatch(p -> p.startsWith("emails["))
                .anyMatch(p -> p.startsWith("phones["));
    }

    /**
     * The annotations are a coarse first check for hosts; the domain is the authority. So the
     * annotations must never refuse a command the domain accepts: whatever Hibernate Validator
     * rejects, registration rejects too (the domain may reject more, such as an e-mail's syntax).
     */
    private static final List<Integer> COUNTRY_CODES = List.of(0, 86, 999, 1000, -1);
    private static final List<List<String>> EMAILS = List.of(List.of(), List.of("li@example.com"), List.of(""),
            List.of("x".repeat(250) + "@a.cn"));
    private static final List<List<String>> PHONES = List.of(List.of(), List.of("+8613812345678"), List.of(" "),
            List.of("1".repeat(41)));

    @Test
    void whateverTheAnnotationsRejectTheDomainRejectsToo() {
        Customers customers = org.crmkit.core.Crm.inMemory().customers("annotations");
        String longName = "x".repeat(501);
        qt().withExamples(400).withFixedSeed(23L)
                .forAll(integers().between(0, 3 * COUNTRY_CODES.size() - 1),
                        arbitrary().pick("Li Wei", "", " ", longName, "\u674e"),
                        arbitrary().pick("alice", "", " ", "y".repeat(65)),
                        integers().between(0, EMAILS.size() * PHONES.size() - 1))
                .checkAssert((typeAndCountry, name, owner, contacts) -> {
                    int type = typeAndCountry % 3;
                    RegisterCustomer.Builder b = RegisterCustomer.builder(type == 2 ? null : CustomerType.values()[type],
                            name, owner).defaultCountryCode(COUNTRY_CODES.get(typeAndCountry / 3));
                    EMAILS.get(contacts % EMAILS.size()).forEach(b::email);
                    PHONES.get(contacts / EMAILS.size()).forEach(b::phone);
                    RegisterCustomer command = b.build();
                    if (!validator.validate(command).isEmpty()) {
                        assertThatThrownBy(() -> customers.register(command))
                                .as("%s", validator.validate(command))
                                .isInstanceOf(org.crmkit.spi.ValidationException.class);
                    }
                });
    }
}
