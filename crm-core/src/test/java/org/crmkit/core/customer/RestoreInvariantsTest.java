package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.OwnershipRecord;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.tck.storage.Records;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

/**
 * A stored record written by something other than crmkit (a faulty adapter, a hand-made SQL
 * update) may break the model's rules. Reading it is refused with a {@link StorageException} that
 * names the rule, never with an unchecked exception or a customer whose parts disagree.
 */
class RestoreInvariantsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final Crm crm = Crm.builder().storage(storage).clock(TestClock.at("2026-03-02T09:00:00Z")).build();

    private static CustomerRecord valid(UUID id) {
        return new CustomerRecord(id, "acme", 1, "B2C", "Li Wei", null, "BASIC", "EXPLORATION", "alice",
                List.of(new ContactPointRecord("EMAIL", "li@example.com", null, true)), List.of(), List.of(),
                List.of(), List.of(new OwnershipRecord("alice", T0, null, "alice", null)), T0, T0);
    }

    static List<Named<Object[]>> corruptions() {
        OwnershipRecord alice = new OwnershipRecord("alice", T0, T0.plusSeconds(60), "alice", null);
        return List.of(
                corruption("unknown type code", b -> b.type("VIP"), "type: must be one of"),
                corruption("owner column disagreeing with the history", b -> b.ownerId("mallory"),
                        "ownerId: must be the owner of the last ownerHistory period"),
                corruption("the same e-mail twice", b -> b.contactPoints(List.of(
                        new ContactPointRecord("EMAIL", "li@example.com", null, true),
                        new ContactPointRecord("EMAIL", "li@example.com", null, false))),
                        "contactPoints[1]: must not repeat"),
                corruption("an e-mail not in normalised form", b -> b.contactPoints(List.of(
                        new ContactPointRecord("EMAIL", "li@EXAMPLE.com", null, true))),
                        "contactPoint.value: must be stored in normalised form"),
                corruption("updated before created", b -> b.updatedAt(T0.minusSeconds(1)),
                        "updatedAt: must not be before createdAt"),
                corruption("owner periods with a gap", b -> b.ownerId("bob").ownerHistory(List.of(alice,
                        new OwnershipRecord("bob", T0.plusSeconds(120), null, "boss", null))),
                        "ownerHistory[1].from: must be when the previous owner's period ended"));
    }

    private static Named<Object[]> corruption(String name, UnaryOperator<Records.CustomerBuilder> change,
                                              String expected) {
        return Named.of(name, new Object[] {change, expected});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    @SuppressWarnings("unchecked")
    void aCorruptStoredCustomerIsRefusedNamingTheBrokenRule(Object[] corruption) {
        UUID id = UUID.randomUUID();
        CustomerRecord corrupt = ((UnaryOperator<Records.CustomerBuilder>) corruption[0])
                .apply(Records.from(valid(id))).build();
        storage.useTransaction("acme", s -> s.customers().insert(corrupt));

        assertThatThrownBy(() -> crm.customers("acme").get(CustomerId.of(id)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("customer " + id + " as stored breaks a rule of the model")
                .hasMessageContaining((String) corruption[1])
                .hasCauseInstanceOf(ValidationException.class);
    }

    @Test
    void theUncorruptedRecordReadsBack() {
        UUID id = UUID.randomUUID();
        storage.useTransaction("acme", s -> s.customers().insert(valid(id)));
        assertThat(crm.customers("acme").get(CustomerId.of(id)).emails()).containsExactly(EmailAddress.parse("li@example.com"));
    }

    @Test
    void nullEntriesAndOutOfRangeCountryCodesAreRefusedByField() {
        Customers customers = crm.customers("acme");
        assertThatThrownBy(() -> customers.register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .email(null).build()))
                .isInstanceOf(ValidationException.class).hasMessage("emails[0]: must not be null");
        assertThatThrownBy(() -> customers.register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .phone("20 7946 0958").defaultCountryCode(5000).build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("defaultCountryCode");
        assertThatThrownBy(() -> customers.register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .phone("20 7946 0958").defaultCountryCode(-5).build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("defaultCountryCode");
    }

    @Test
    void aBatchRefusalKeepsTheRejectedValueAndTheCause() {
        ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                () -> crm.customers("acme").registerAll(List.of(
                        RegisterCustomer.builder(CustomerType.B2C, "A", "alice").build(),
                        RegisterCustomer.builder(CustomerType.B2C, "B", "alice").email("b@").build())));
        assertThat(e.field()).isEqualTo("commands[1].emails[0]");
        assertThat(e.getMessage()).startsWith("commands[1].emails[0]: must").endsWith("(was 'b@')");
        assertThat(e.getCause()).isInstanceOf(ValidationException.class);
    }
}
