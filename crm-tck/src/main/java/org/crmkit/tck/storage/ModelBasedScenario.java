package org.crmkit.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.crmkit.spi.storage.AttributeRecord;
import org.crmkit.spi.storage.ConsentRecord;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.OrganisationRecord;
import org.crmkit.spi.storage.OwnershipRecord;
import org.crmkit.spi.storage.PostalAddressRecord;
import org.crmkit.spi.storage.StaleWriteException;

/**
 * Runs a seeded random sequence of inserts, fresh and stale updates, finds, queries, counts and
 * multi-step units of work (committed or rolled back) across two tenants, and checks every result
 * against a plain in-memory reference model. Not API.
 *
 * <p>The seed fixes the sequence of operations; ids and tenants are salted per run, so the scenario
 * can run again against a database that still holds an earlier run's rows.
 */
final class ModelBasedScenario {

    private static final String[] OWNERS = {"s-1", "s-2", "s-3"};
    private static final String[] TYPES = {"B2B", "B2C", "DEALER"};
    private static final String[] STAGES = {"EXPLORATION", "ACTIVE", "DORMANT"};
    private static final String[] EMAILS = {"a@x.example", "b@x.example", "A@x.example", "c@y.example"};
    private static final String[] PHONES = {"+15550001", "+15550002", "+8613800138000"};
    private static final int HISTORY = 12;

    private final CrmStorage storage;
    private final long seed;
    private final Random random;
    private final long saltHigh;
    private final long saltLow;
    private final String[] tenants;
    private final Map<String, Map<UUID, CustomerRecord>> model = new HashMap<>();
    private final List<UUID> insertedIds = new ArrayList<>();
    private final List<Instant> usedTimes = new ArrayList<>();
    private final Deque<String> recent = new ArrayDeque<>();

    ModelBasedScenario(CrmStorage storage, long seed) {
        this.storage = storage;
        this.seed = seed;
        this.random = new Random(seed);
        this.saltHigh = ThreadLocalRandom.current().nextLong();
        this.saltLow = ThreadLocalRandom.current().nextLong();
        this.tenants = new String[] {Records.newTenant(), Records.newTenant()};
        for (String tenant : tenants) {
            model.put(tenant, new LinkedHashMap<>());
        }
    }

    void run(int steps) {
        for (int step = 0; step < steps; step++) {
            String tenant = tenants[random.nextInt(tenants.length)];
            int dice = random.nextInt(100);
            try {
                if (dice < 20) {
                    insertNew(tenant);
                } else if (dice < 25) {
                    insertDuplicate(tenant);
                } else if (dice < 43) {
                    updateFresh(tenant);
                } else if (dice < 53) {
                    updateStale(tenant);
                } else if (dice < 58) {
                    updateAbsent(tenant);
                } else if (dice < 70) {
                    find(tenant);
                } else if (dice < 84) {
                    query(tenant);
                } else if (dice < 90) {
                    count(tenant);
                } else {
                    unitOfWork(tenant);
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("model-based scenario with seed " + seed + " failed at step " + step
                        + " (tenants " + tenants[0] + ", " + tenants[1] + "); last operations, oldest first:\n  "
                        + String.join("\n  ", recent) + "\n" + e, e);
            }
        }
    }

    private void log(String operation) {
        if (recent.size() == HISTORY) {
            recent.removeFirst();
        }
        recent.addLast(operation);
    }

    // ---------------------------------------------------------------- operations

    private void insertNew(String tenant) {
        CustomerRecord record = randomCustomer(tenant, newId(), 1, randomTime());
        log("insert " + describe(record));
        storage.useTransaction(tenant, session -> session.customers().insert(record));
        model.get(tenant).put(record.id(), record);
        insertedIds.add(record.id());
    }

    private void insertDuplicate(String tenant) {
        if (insertedIds.isEmpty()) {
            insertNew(tenant);
            return;
        }
        UUID id = pick(insertedIds);
        CustomerRecord record = randomCustomer(tenant, id, 1, randomTime());
        log("insert duplicate " + describe(record));
        assertThatThrownBy(() -> storage.useTransaction(tenant, session -> session.customers().insert(record)))
                .as("insert of an id that exists").isInstanceOf(DuplicateRecordException.class);
        checkFind(tenant, id);
    }

    private void updateFresh(String tenant) {
        Optional<CustomerRecord> stored = pickStored(model.get(tenant));
        if (stored.isEmpty()) {
            insertNew(tenant);
            return;
        }
        CustomerRecord next = changed(stored.get(), stored.get().version() + 1);
        log("update " + describe(next));
        storage.useTransaction(tenant, session -> session.customers().update(next));
        model.get(tenant).put(next.id(), next);
    }

    private void updateStale(String tenant) {
        Optional<CustomerRecord> stored = pickStored(model.get(tenant));
        if (stored.isEmpty()) {
            insertNew(tenant);
            return;
        }
        long current = stored.get().version();
        long version;
        do {
            version = 2 + random.nextInt((int) current + 3);
        } while (version == current + 1);
        CustomerRecord stale = changed(stored.get(), version);
        log("stale update " + describe(stale) + " over version " + current);
        long expected = version - 1;
        assertThatThrownBy(() -> storage.useTransaction(tenant, session -> session.customers().update(stale)))
                .as("update to version %d over stored version %d", version, current)
                .isInstanceOfSatisfying(StaleWriteException.class, e -> {
                    assertThat(e.id()).isEqualTo(stale.id());
                    assertThat(e.expectedVersion()).isEqualTo(expected);
                    assertThat(e.actualVersion()).isEqualTo(current);
                });
        checkFind(tenant, stale.id());
    }

    private void updateAbsent(String tenant) {
        String other = otherThan(tenant);
        Optional<CustomerRecord> ofOther = pickStored(model.get(other));
        UUID id = ofOther.isPresent() && random.nextBoolean() ? ofOther.get().id() : newId();
        long version = 2 + random.nextInt(3);
        CustomerRecord absent = randomCustomer(tenant, id, version, randomTime());
        log("update of absent " + describe(absent));
        assertThatThrownBy(() -> storage.useTransaction(tenant, session -> session.customers().update(absent)))
                .as("update of a customer absent from the tenant")
                .isInstanceOfSatisfying(StaleWriteException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(version - 1);
                    assertThat(e.actualVersion()).isZero();
                });
        checkFind(tenant, id);
        checkFind(other, id);
    }

    private void find(String tenant) {
        UUID id = randomLookupId(tenant);
        log("find " + id + " in " + tenant);
        checkFind(tenant, id);
    }

    private void query(String tenant) {
        CustomerQuery query = randomQuery();
        int pageSize = 1 + random.nextInt(8);
        log("query " + query + " in pages of " + pageSize + " in " + tenant);
        storage.useTransaction(tenant, session -> checkQuery(session.customers(), model.get(tenant), query, pageSize));
    }

    private void count(String tenant) {
        CustomerQuery query = randomQuery();
        log("count " + query + " in " + tenant);
        long counted = storage.inTransaction(tenant, session -> session.customers().count(query));
        assertThat(counted).as("count of %s", query).isEqualTo(expected(model.get(tenant), query).size());
    }

    /**
     * Several writes and reads in one unit of work, each read checked against the unit's own view;
     * then commits or throws, and the model follows only a commit.
     */
    private void unitOfWork(String tenant) {
        boolean rollBack = random.nextBoolean();
        int operations = 2 + random.nextInt(4);
        Map<UUID, CustomerRecord> working = new LinkedHashMap<>(model.get(tenant));
        List<UUID> inserted = new ArrayList<>();
        List<String> plan = new ArrayList<>();
        log("unit of work of " + operations + " operations in " + tenant + (rollBack ? ", rolled back" : ", committed"));
        RuntimeException rollback = new IllegalStateException("rolled back on purpose by the model-based scenario");
        try {
            storage.useTransaction(tenant, session -> {
                CustomerStore customers = session.customers();
                for (int i = 0; i < operations; i++) {
                    int dice = random.nextInt(4);
                    Optional<CustomerRecord> stored = pickStored(working);
                    if (dice == 0 || stored.isEmpty()) {
                        CustomerRecord record = randomCustomer(tenant, newId(), 1, randomTime());
                        plan.add("insert " + describe(record));
                        customers.insert(record);
                        working.put(record.id(), record);
                        inserted.add(record.id());
                    } else if (dice == 1) {
                        CustomerRecord next = changed(stored.get(), stored.get().version() + 1);
                        plan.add("update " + describe(next));
                        customers.update(next);
                        working.put(next.id(), next);
                    } else if (dice == 2) {
                        UUID id = random.nextInt(3) == 0 ? newId() : stored.get().id();
                        plan.add("find " + id);
                        assertThat(customers.find(id)).as("find %s inside the unit of work", id)
                                .isEqualTo(Optional.ofNullable(working.get(id)));
                    } else {
                        CustomerQuery query = randomQuery();
                        int pageSize = 1 + random.nextInt(5);
                        plan.add("query " + query + " in pages of " + pageSize);
                        checkQuery(customers, working, query, pageSize);
                    }
                }
                if (rollBack) {
                    throw rollback;
                }
            });
            assertThat(rollBack).as("the unit of work was to roll back, but inTransaction returned").isFalse();
            model.put(tenant, working);
            insertedIds.addAll(inserted);
        } catch (IllegalStateException e) {
            if (e != rollback) {
                throw e;
            }
        } finally {
            recent.removeLast();
            log("unit of work in " + tenant + (rollBack ? ", rolled back" : ", committed") + ": " + plan);
        }
        for (UUID id : inserted) {
            checkFind(tenant, id);
        }
    }

    // ---------------------------------------------------------------- checks

    private void checkFind(String tenant, UUID id) {
        Optional<CustomerRecord> found = storage.inTransaction(tenant, session -> session.customers().find(id));
        assertThat(found).as("find %s in %s", id, tenant).isEqualTo(Optional.ofNullable(model.get(tenant).get(id)));
    }

    private void checkQuery(CustomerStore customers, Map<UUID, CustomerRecord> view, CustomerQuery query, int pageSize) {
        List<CustomerRecord> expected = expected(view, query);
        List<CustomerRecord> read = Pages.readAll(page -> customers.query(query, page), pageSize, view.size());
        assertThat(read).as("%s in pages of %d", query, pageSize).containsExactlyElementsOf(expected);
        assertThat(customers.count(query)).as("count of %s", query).isEqualTo(expected.size());
    }

    private static List<CustomerRecord> expected(Map<UUID, CustomerRecord> view, CustomerQuery query) {
        return view.values().stream()
                .filter(c -> query.ownerId() == null || query.ownerId().equals(c.ownerId()))
                .filter(c -> query.type() == null || query.type().equals(c.type()))
                .filter(c -> query.lifecycleStage() == null || query.lifecycleStage().equals(c.lifecycleStage()))
                .filter(c -> query.updatedSince() == null || !c.updatedAt().isBefore(query.updatedSince()))
                .filter(c -> query.email() == null || hasContact(c, ContactPointRecord.EMAIL, query.email()))
                .filter(c -> query.phone() == null || hasContact(c, ContactPointRecord.PHONE, query.phone()))
                .sorted((a, b) -> Records.unsignedUuidOrder().compare(a.id(), b.id()))
                .collect(Collectors.toList());
    }

    private static boolean hasContact(CustomerRecord customer, String kind, String value) {
        return customer.contactPoints().stream().anyMatch(cp -> cp.kind().equals(kind) && cp.value().equals(value));
    }

    // ---------------------------------------------------------------- random data

    private UUID newId() {
        return new UUID(random.nextLong() ^ saltHigh, random.nextLong() ^ saltLow);
    }

    private UUID randomLookupId(String tenant) {
        int dice = random.nextInt(4);
        Optional<CustomerRecord> own = pickStored(model.get(tenant));
        Optional<CustomerRecord> other = pickStored(model.get(otherThan(tenant)));
        if (dice <= 1 && own.isPresent()) {
            return own.get().id();
        }
        if (dice == 2 && other.isPresent()) {
            return other.get().id();
        }
        return newId();
    }

    private Optional<CustomerRecord> pickStored(Map<UUID, CustomerRecord> view) {
        if (view.isEmpty()) {
            return Optional.empty();
        }
        // The views keep insertion order, so the pick depends on the seed only, not on the salted ids.
        List<CustomerRecord> inOrder = new ArrayList<>(view.values());
        return Optional.of(inOrder.get(random.nextInt(inOrder.size())));
    }

    private String otherThan(String tenant) {
        return tenants[0].equals(tenant) ? tenants[1] : tenants[0];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T maybe(T value) {
        return random.nextInt(3) == 0 ? null : value;
    }

    /** Times within a minute, a few microseconds apart, so that updatedSince often hits exactly. */
    private Instant randomTime() {
        Instant time = Records.BASE_TIME.plusSeconds(random.nextInt(60)).plus(random.nextInt(3), ChronoUnit.MICROS);
        usedTimes.add(time);
        return time;
    }

    private CustomerQuery randomQuery() {
        CustomerQuery query = CustomerQuery.all();
        if (random.nextInt(3) == 0) {
            query = query.withOwner(pick(OWNERS));
        }
        if (random.nextInt(3) == 0) {
            query = query.withType(pick(TYPES));
        }
        if (random.nextInt(4) == 0) {
            query = query.withLifecycleStage(pick(STAGES));
        }
        if (random.nextInt(4) == 0) {
            query = query.withUpdatedSince(usedTimes.isEmpty() || random.nextInt(4) == 0 ? randomTime() : pick(usedTimes));
        }
        if (random.nextInt(4) == 0) {
            query = query.withEmail(pick(EMAILS));
        }
        if (random.nextInt(5) == 0) {
            query = query.withPhone(pick(PHONES));
        }
        return query;
    }

    private CustomerRecord changed(CustomerRecord stored, long version) {
        CustomerRecord fresh = randomCustomer(stored.tenant(), stored.id(), version, stored.createdAt());
        return Records.from(fresh).createdAt(stored.createdAt()).build();
    }

    private CustomerRecord randomCustomer(String tenant, UUID id, long version, Instant createdAt) {
        List<ContactPointRecord> contacts = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            boolean isEmail = random.nextBoolean();
            // Now and then a value of the other kind, which a query for this kind must not match.
            String value = random.nextInt(8) == 0 ? (isEmail ? pick(PHONES) : pick(EMAILS))
                    : (isEmail ? pick(EMAILS) : pick(PHONES));
            contacts.add(new ContactPointRecord(isEmail ? ContactPointRecord.EMAIL : ContactPointRecord.PHONE, value,
                    maybe("label-" + i), random.nextBoolean()));
        }
        if (!contacts.isEmpty() && random.nextInt(6) == 0) {
            contacts.add(contacts.get(0));
        }
        List<PostalAddressRecord> addresses = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            addresses.add(new PostalAddressRecord(maybe("addr-" + i), random.nextBoolean(), i + " Model Street",
                    "Town " + random.nextInt(5), maybe("R"), maybe("1000" + i), random.nextBoolean() ? "CN" : "DE"));
        }
        List<AttributeRecord> attributes = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            attributes.add(new AttributeRecord(random.nextBoolean() ? "INTERNAL" : "EXTERNAL", "attr-" + i, "NUMBER",
                    String.valueOf(random.nextInt(1000))));
        }
        List<ConsentRecord> consents = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            consents.add(new ConsentRecord(random.nextBoolean() ? "EMAIL" : "SMS", "MARKETING",
                    random.nextBoolean() ? "GRANTED" : "WITHDRAWN", Records.BASE_TIME.minusSeconds(i * 10L), "e-" + i));
        }
        List<OwnershipRecord> owners = new ArrayList<>();
        String owner = pick(OWNERS);
        if (random.nextBoolean()) {
            owners.add(new OwnershipRecord(pick(OWNERS), createdAt.minusSeconds(100), createdAt, "m-1", maybe("why")));
            owners.add(new OwnershipRecord(owner, createdAt, null, "m-2", null));
        }
        OrganisationRecord organisation = random.nextBoolean() ? null
                : new OrganisationRecord("Org " + random.nextInt(100), maybe("REG-1"), maybe("TAX-1"), maybe("Retail"), null);
        return Records.aCustomer(tenant)
                .id(id)
                .version(version)
                .type(pick(TYPES))
                .name("Customer " + random.nextInt(1_000_000) + " 客户")
                .organisation(organisation)
                .relationshipLevel(random.nextBoolean() ? "PROACTIVE" : "REACTIVE")
                .lifecycleStage(pick(STAGES))
                .ownerId(owner)
                .contactPoints(contacts)
                .postalAddresses(addresses)
                .attributes(attributes)
                .consents(consents)
                .ownerHistory(owners)
                .createdAt(createdAt)
                .updatedAt(randomTime())
                .build();
    }

    private static String describe(CustomerRecord record) {
        return record.id() + " v" + record.version() + " in " + record.tenant() + " (owner " + record.ownerId()
                + ", type " + record.type() + ", stage " + record.lifecycleStage() + ", updated " + record.updatedAt()
                + ", contacts " + record.contactPoints().stream().map(cp -> cp.kind() + ":" + cp.value())
                .collect(Collectors.toList()) + ")";
    }
}
