package org.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.jdbc.JdbcStorage;
import org.crmkit.jdbc.SchemaMigrator;
import org.crmkit.spi.storage.CrmStorage;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the customer service on in-memory storage and on an in-memory H2 database:
 * registering a batch, reading a customer, and recording an interaction (one unit of work each).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CustomerBenchmarks {

    /** Which storage to run on. */
    @Param({"memory", "h2"})
    public String storage;

    private Customers customers;
    private Customer existing;
    private List<RegisterCustomer> batch;

    /** Builds the CRM and one stored customer. */
    @Setup(Level.Trial)
    public void setUp() {
        CrmStorage store;
        if (storage.equals("h2")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            SchemaMigrator.create(ds).migrate();
            store = JdbcStorage.create(ds);
        } else {
            store = InMemoryStorage.create();
        }
        customers = Crm.builder().storage(store).build().customers("bench");
        existing = customers.register(RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice")
                .email("li.wei@example.com").phone("+8613812345678").build());
        batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(RegisterCustomer.builder(CustomerType.B2C, "Customer " + i, "alice")
                    .email("customer" + i + "@example.com").build());
        }
    }

    /** Registers 100 customers in one unit of work; the score is per batch. */
    @Benchmark
    public List<Customer> registerABatchOf100() {
        return customers.registerAll(batch);
    }

    /** Reads one customer with all its lists. */
    @Benchmark
    public Customer readOneCustomer() {
        return customers.get(existing.id());
    }

    /** Records one interaction on one customer's timeline. */
    @Benchmark
    public Object recordAnInteraction() {
        return customers.recordInteraction(existing.id(),
                Interaction.now(Channel.PHONE, StaffId.of("bob"), "Asked about delivery"));
    }

    /** Parses and normalises one e-mail address (no storage involved). */
    @Benchmark
    public EmailAddress parseAnEmailAddress() {
        return EmailAddress.parse("  Li.Wei@Example.COM ");
    }
}
