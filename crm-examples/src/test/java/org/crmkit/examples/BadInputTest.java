package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerFilter;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.customer.Purpose;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.jdbc.JdbcStorage;
import org.crmkit.jdbc.SchemaMigrator;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.StaleWriteException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad inputs of the foundation issue, end to end through {@link Crm} on in-memory storage and
 * on a real H2 database: each is refused with a {@link ValidationException} (or subclass) naming
 * the field and the rule, and nothing is stored.
 */
class BadInputTest {

    static Stream<Named<CrmStorage>> storages() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:bad-input-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrator.create(ds).migrate();
        return Stream.of(Named.of("in memory", InMemoryStorage.create()), Named.of("H2", JdbcStorage.create(ds)));
    }

    private static RegisterCustomer.Builder li() {
        return RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice");
    }

    /** Asserts the registration is refused on {@code field} with a message starting {@code field: rule} and stores nothing. */
    private static void refusedRegistration(Customers customers, RegisterCustomer command, String field, String rule) {
        long before = customers.count(CustomerFilter.all());
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> customers.register(command));
        assertThat(e).as("registration with bad %s", field).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + ": " + rule);
        assertThat(customers.count(CustomerFilter.all())).isEqualTo(before);
    }

    /** Asserts the change is refused on {@code field} and the stored customer and its timeline are untouched. */
    private static void refusedChange(Customers customers, Customer c, Consumer<Customer> change, String field) {
        Customer before = customers.get(c.id());
        int entries = customers.timeline(c.id()).size();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> customers.change(c.id(), change));
        assertThat(e).as("change with bad %s", field).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        Customer after = customers.get(c.id());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.consents()).isEqualTo(before.consents());
        assertThat(customers.timeline(c.id())).hasSize(entries);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void everyBadInputIsRefusedNamingFieldAndRuleAndNothingIsStored(CrmStorage storage) {
        Crm crm = Crm.builder().storage(storage).clock(Clock.systemUTC()).build();
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        Customers customers = crm.customers(tenant);

        refusedRegistration(customers, li().email("li.wei@example").build(), "emails[0]",
                "must have a domain with at least one '.'");
        refusedRegistration(customers, li().email("li wei@example.com").build(), "emails[0]", "must not contain ' '");
        refusedRegistration(customers, li().phone("138 1234 5678").build(), "phones[0]",
                "must be in international form");
        refusedRegistration(customers, li().phone("+86 138 1234 567x").build(), "phones[0]", "must contain only digits");
        refusedRegistration(customers, RegisterCustomer.builder(CustomerType.B2C, "  ", "alice").build(), "name",
                "must not be blank");
        refusedRegistration(customers, RegisterCustomer.builder(CustomerType.B2B, "Acme", "alice").build(),
                "organisation", "must be given for B2B customers");
        ValidationException unknownType = catchThrowableOfType(ValidationException.class,
                () -> CustomerType.parse("VIP"));
        assertThat(unknownType.getMessage()).isEqualTo("type: must be one of B2C, B2B, CHANNEL, INTERNAL (was 'VIP')");

        Customer c = customers.register(li().email("li.wei@example.com").build());
        refusedChange(customers, c, x -> x.grantConsent(Channel.EMAIL, null, "web form"), "consent.purpose");
        refusedChange(customers, c, x -> x.grantConsent(Channel.EMAIL, Purpose.MARKETING, "   "), "consent.evidence");
        refusedChange(customers, c, x -> x.grantConsent(Channel.IN_PERSON, Purpose.MARKETING, "form"),
                "consent.channel");
        refusedChange(customers, c, x -> x.rename("", StaffId.of("alice")), "name");
        refusedChange(customers, c, x -> x.reassignOwner(StaffId.of("alice"), StaffId.of("boss"), null), "owner");

        Customers other = crm.customers("other-" + tenant);
        NoSuchCustomerException foreign = catchThrowableOfType(NoSuchCustomerException.class,
                () -> other.change(c.id(), x -> x.rename("Stolen", StaffId.of("mallory"))));
        assertThat(foreign.field()).isEqualTo("customerId");
        assertThat(foreign.getMessage()).startsWith("customerId: must name a customer of tenant 'other-" + tenant + "'");
        assertThat(customers.get(c.id()).name()).isEqualTo("Li Wei");

        customers.change(c.id(), x -> x.rename("Li Wei (VIP)", StaffId.of("alice")));
        StaleWriteException stale = catchThrowableOfType(StaleWriteException.class,
                () -> customers.change(c.id(), 1, x -> x.rename("Overwritten", StaffId.of("bob"))));
        assertThat(stale.field()).isEqualTo("version");
        assertThat(stale.getMessage()).contains("expected stored version 1 but found 2");
        assertThat(customers.get(c.id()).name()).isEqualTo("Li Wei (VIP)");
        assertThat(customers.get(c.id()).version()).isEqualTo(2);
        assertThat(customers.count(CustomerFilter.all())).isEqualTo(1);
        assertThat(customers.timeline(c.id())).hasSize(1);
    }
}
