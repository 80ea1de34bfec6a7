package org.crmkit.core.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.analytics.SegmentDefinitionRecord;
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
 * Two writers save a new segment id at the same time: the other writer commits between this one's
 * look-up and its insert. One record per segment id must result, and the loser is decided against
 * what the winner stored (a higher version replaces it, the same or a lower one is refused).
 */
class SegmentDefinitionsRaceTest {

    private static final TenantId ACME = TenantId.of("acme");
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage memory = InMemoryStorage.create();
    private final SegmentDefinition v1 = SegmentDefinition.of("vip", "VIP", SegmentRule.has("external.vip"));
    private final SegmentDefinition v2 = v1.withRule(SegmentRule.compare("external.vip", ComparisonOperator.EQ,
            AttributeValue.of(true)));

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

    private long stored() {
        return memory.inTransaction("acme", s -> s.records(SegmentDefinitionRecord.KIND).count(RecordQuery.all()));
    }

    private SegmentDefinitions plain() {
        return new SegmentDefinitions(ACME, memory, clock, IdGenerator.timeOrdered(clock));
    }

    @Test
    void aLoserWithTheSameVersionIsRefusedAndOneRecordIsKept() {
        SegmentDefinitions other = plain();
        SegmentDefinitions mine = new SegmentDefinitions(ACME, racing(() -> other.save(v1)), clock,
                IdGenerator.timeOrdered(clock));

        assertThatThrownBy(() -> mine.save(v1)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("version"));
        assertThat(stored()).isEqualTo(1);
        assertThat(plain().all()).containsExactly(v1);
    }

    @Test
    void aLoserWithAHigherVersionReplacesTheWinnersRecord() {
        SegmentDefinitions other = plain();
        SegmentDefinitions mine = new SegmentDefinitions(ACME, racing(() -> other.save(v1)), clock,
                IdGenerator.timeOrdered(clock));

        mine.save(v2);
        assertThat(stored()).isEqualTo(1);
        assertThat(plain().find("vip")).contains(v2);
    }
}
