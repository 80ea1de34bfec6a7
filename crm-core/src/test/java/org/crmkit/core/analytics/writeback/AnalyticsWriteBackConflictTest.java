package org.crmkit.core.analytics.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TimelineStore;
import org.junit.jupiter.api.Test;

/**
 * A department changes the customer while the write-back is writing it: the write-back's update
 * is stale, so it reads the customer again and re-applies the results; both changes survive.
 */
class AnalyticsWriteBackConflictTest {

    private static final TenantId ACME = TenantId.of("acme");
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage memory = InMemoryStorage.create();
    private final Customers direct = new Customers(ACME, memory, clock, IdGenerator.timeOrdered(clock), e -> { });

    /** Storage that runs {@code competitor} once, in its own committed unit of work, just before the first customer update. */
    private CrmStorage racing(Runnable competitor) {
        AtomicInteger updates = new AtomicInteger();
        return new CrmStorage() {
            @Override
            public <T> T inTransaction(String tenant, Function<StorageSession, T> work) {
                return memory.inTransaction(tenant, s -> work.apply(new StorageSession() {
                    @Override
                    public String tenant() {
                        return s.tenant();
                    }

                    @Override
                    public CustomerStore customers() {
                        CustomerStore store = s.customers();
                        return new CustomerStore() {
                            @Override
                            public Optional<CustomerRecord> find(UUID id) {
                                return store.find(id);
                            }

                            @Override
                            public void insert(CustomerRecord record) {
                                store.insert(record);
                            }

                            @Override
                            public void update(CustomerRecord record) {
                                if (updates.getAndIncrement() == 0) {
                                    competitor.run();
                                }
                                store.update(record);
                            }

                            @Override
                            public Page<CustomerRecord> query(CustomerQuery query, PageRequest page) {
                                return store.query(query, page);
                            }

                            @Override
                            public long count(CustomerQuery query) {
                                return store.count(query);
                            }
                        };
                    }

                    @Override
                    public TimelineStore timeline() {
                        return s.timeline();
                    }

                    @Override
                    public <R extends StoredRecord> RecordStore<R> records(RecordKind<R> kind) {
                        return s.records(kind);
                    }
                }));
            }
        };
    }

    @Test
    void aConcurrentChangeMakesTheWriteBackReadTheCustomerAgainAndBothChangesSurvive() {
        CustomerId ann = direct.register(RegisterCustomer.builder(CustomerType.B2C, "Ann", "sam").build()).id();
        CrmStorage storage = racing(() -> direct.change(ann, c -> c.recordAttribute(AttributeCategory.INTERNAL,
                "lifestyle", AttributeValue.of("outdoor"))));
        AnalyticsWriteBack writeBack = new AnalyticsWriteBack(
                new Customers(ACME, storage, clock, IdGenerator.timeOrdered(clock), e -> { }));

        WriteBackReport report = writeBack.apply(List.of(new CustomerScores(ann.toString(), LocalDate.of(2026, 2, 28),
                "545", "champions", "A", new BigDecimal("10.00"), null, null, null, LifecycleStage.FORMATION, "why")),
                CustomerKeys.ids());

        Customer c = direct.get(ann);
        assertThat(report.updated()).containsExactly(ann);
        assertThat(report.stageChanged()).hasSize(1);
        assertThat(c.attribute(AttributeCategory.INTERNAL, "lifestyle")).contains(AttributeValue.of("outdoor"));
        assertThat(c.attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.RFM_SCORE))
                .contains(AttributeValue.of("545"));
        assertThat(c.lifecycleStage()).isEqualTo(LifecycleStage.FORMATION);
        assertThat(c.version()).isEqualTo(3);   // registered, the department's change, the write-back
    }
}
