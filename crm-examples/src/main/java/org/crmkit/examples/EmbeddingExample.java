package org.crmkit.examples;

import java.time.Clock;

import javax.sql.DataSource;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.Purpose;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.messaging.SendMessage;
import org.crmkit.core.messaging.SendResult;
import org.crmkit.jdbc.JdbcStorage;
import org.crmkit.jdbc.SchemaMigrator;

/**
 * The embedding examples shown in the README. The README quotes the regions between the
 * {@code tag::} and {@code end::} markers verbatim, and a test keeps both in step, so the README's
 * code always compiles and runs.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Registers a customer, records consent and an interaction, and sends a consent-checked message.
     *
     * @return what became of the message
     */
    public static SendResult inMemory() {
        // tag::in-memory[]
        Crm crm = Crm.inMemory();
        Customers customers = crm.customers("acme");

        Customer li = customers.register(RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice")
                .email("Li.Wei@Example.COM")            // stored as Li.Wei@example.com
                .phone("+86 138 1234 5678")             // stored as +8613812345678
                .build());

        customers.change(li.id(), c -> {
            c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "web form, 2026-03-01");
            c.recordInteraction(Interaction.now(Channel.PHONE, StaffId.of("alice"), "Asked about air conditioners")
                    .inDepartment("sales"));
        });

        SendResult result = crm.messaging("acme").send(new SendMessage(li.id(), Channel.EMAIL, Purpose.MARKETING,
                "Spring offers", "20% off air conditioners this week", StaffId.of("alice")));
        // end::in-memory[]
        return result;
    }

    /**
     * Builds a CRM over a host's database.
     *
     * @param dataSource the host's H2 or PostgreSQL data source
     * @return the CRM
     */
    public static Crm overJdbc(DataSource dataSource) {
        // tag::jdbc[]
        SchemaMigrator.create(dataSource).migrate();    // or apply the shipped SQL scripts with your own tool
        Crm crm = Crm.builder()
                .storage(JdbcStorage.create(dataSource))
                .clock(Clock.systemUTC())
                .build();
        // end::jdbc[]
        return crm;
    }

    /**
     * Runs the in-memory example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(inMemory());
    }
}
