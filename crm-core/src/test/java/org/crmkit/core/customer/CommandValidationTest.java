package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

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
}
