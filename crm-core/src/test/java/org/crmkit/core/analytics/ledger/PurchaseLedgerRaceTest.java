package org.crmkit.core.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.analytics.TransactionRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TimelineStore;
import org.junit.jupiter.api.Test;

/**
 * Two writers record the same source key at the same time: the other writer commits between this
 * one's look-up and its insert. The store's uniqueness of the derived id decides; the loser reads
 * the winner's record and counts its entry as already recorded, or refuses it if it differs.
 */
class PurchaseLedgerRaceTest {

    private static final TenantId ACME = TenantId.of("acme");
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage memory = InMemoryStorage.create();
    private final CustomerId ann = new Customers(ACME, memory, clock, IdGenerator.timeOrdered(clock), e -> { })
            .register(RegisterCustomer.builder(CustomerType.B2C, "Ann", "sam").build()).id();

    /** Storage that runs {@code competitor} once, in its own committed unit of work, just before the first insert. */
    private CrmStorage racing(Runnable competitor) {
        AtomicInteger inserts = new AtomicInteger();
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
                        return s.customers();
                    }

                    @Override
                    public TimelineStore timeline() {
                        return s.timeline();
                    }

                    @Override
                    public <R extends StoredRecord> RecordStore<R> records(RecordKind<R> kind) {
                        RecordStore<R> store = s.records(kind);
                        return new RecordStore<>() {
                            @Override
                            public Optional<R> find(UUID id) {
                                return store.find(id);
                            }

                            @Override
                            public void insert(R record) {
                                insertAll(List.of(record));
                            }

                            @Override
                            public void insertAll(Collection<R> records) {
                                if (inserts.getAndIncrement() == 0) {
                                    competitor.run();
                                }
                                store.insertAll(records);
                            }

                            @Override
                            public void update(R record) {
                                store.update(record);
                            }

                            @Override
                            public Page<R> query(RecordQuery query, PageRequest page) {
                                return store.query(query, page);
                            }

                            @Override
                            public long count(RecordQuery query) {
                                return store.count(query);
                            }
                        };
                    }
                }));
            }
        };
    }

    private PurchaseEntry entry(String amount) {
        return PurchaseEntry.of(ann, LocalDate.of(2026, 3, 1), Money.of(amount, "EUR"), "pos:1");
    }

    private long stored() {
        return memory.inTransaction("acme", s -> s.records(TransactionRecord.KIND).count(RecordQuery.all()));
    }

    @Test
    void theLoserOfARaceForTheSameSourceKeyCountsItsEntryAsAlreadyRecorded() {
        PurchaseLedger other = new PurchaseLedger(ACME, memory, clock);
        PurchaseLedger ledger = new PurchaseLedger(ACME, racing(() -> other.record(entry("10.00"))), clock);

        assertThat(ledger.recordAll(List.of(entry("10.00")))).isEqualTo(new LedgerPosting(0, 1));
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void theLoserOfARaceIsRefusedIfTheWinnerRecordedAnotherPurchaseUnderTheKey() {
        PurchaseLedger other = new PurchaseLedger(ACME, memory, clock);
        PurchaseLedger ledger = new PurchaseLedger(ACME, racing(() -> other.record(entry("99.00"))), clock);

        assertThatThrownBy(() -> ledger.record(entry("10.00")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("sourceKey"));
        assertThat(other.find("pos:1").orElseThrow().amount()).isEqualTo(Money.of("99.00", "EUR"));
    }
}
