package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ServiceAgentRecord;
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
 * Two units of work register the same staff member as an agent at once: the other one commits
 * between this one's look-up and its insert. "One agent per staff member and tenant" must still
 * hold: the loser is refused on {@code staffId} and nothing of it is stored.
 */
class ServiceAgentRegistrationRaceTest {

    private static final StaffId ANN = StaffId.of("ann");

    private final AfterSalesFixture f = new AfterSalesFixture();

    /** Storage that runs {@code competitor} once, in its own committed unit of work, just before the first insert. */
    private CrmStorage racing(Runnable competitor) {
        AtomicInteger inserts = new AtomicInteger();
        return new CrmStorage() {
            @Override
            public <T> T inTransaction(String tenant, Function<StorageSession, T> work) {
                return f.storage.inTransaction(tenant, s -> work.apply(new StorageSession() {
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

    @Test
    void theLoserOfARaceToRegisterTheSameStaffMemberIsRefusedAndOneAgentRemains() {
        ServiceDesk loser = new ServiceDesk(f.tenant, racing(() -> f.desk.registerAgent(ANN, "Ann (winner)", List.of(),
                2, null)), f.clock, f.ids, f.published::add);

        assertThatThrownBy(() -> loser.registerAgent(ANN, "Ann (loser)", List.of(), 5, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("staffId"));
        long stored = f.storage.inTransaction("acme", s -> s.records(ServiceAgentRecord.KIND)
                .count(RecordQuery.all().where("staffId", ANN.value())));
        assertThat(stored).isEqualTo(1);
        assertThat(f.desk.findAgent(ANN).orElseThrow().displayName()).isEqualTo("Ann (winner)");
        assertThat(f.events(ServiceAgentEvent.Registered.class)).hasSize(1);
    }

    @Test
    void theSameStaffMemberMayBeAnAgentInEachTenant() {
        ServiceDesk globex = new ServiceDesk(org.crmkit.core.common.TenantId.of("globex"), f.storage, f.clock, f.ids,
                f.published::add);
        ServiceAgent here = f.desk.registerAgent(ANN, "Ann", List.of(), 1, null);
        ServiceAgent there = globex.registerAgent(ANN, "Ann", List.of(), 1, null);
        assertThat(there.id()).isNotEqualTo(here.id());
        assertThat(globex.findAgent(ANN)).isPresent();
    }
}
