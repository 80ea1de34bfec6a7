package org.crmkit.core.memory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;
import org.crmkit.spi.storage.TenantMismatchException;
import org.crmkit.spi.storage.TimelineEntryRecord;
import org.crmkit.spi.storage.TimelineStore;

/**
 * A {@link CrmStorage} that keeps everything in the memory of the JVM, for tests, labs and
 * examples. Nothing survives the instance.
 *
 * <p>Units of work are real transactions. A session buffers its writes and sees them in every read
 * (find, query, count, timeline); other units of work see them only after a commit, which applies
 * all of them at once or none. Reads see the latest committed state (read committed: two reads in
 * one unit of work may observe another unit's commit in between). Optimistic locking is checked
 * when {@link CustomerStore#update} is called and again at commit, under one lock, so two units of
 * work that replace the same version of a customer can never both commit: the later one fails with
 * {@link StaleWriteException} (and an insert whose id another unit committed meanwhile with
 * {@link DuplicateRecordException}), and nothing of it is written. When the work throws, its
 * writes are discarded and the exception propagates unchanged.
 *
 * <p>A store method that throws has written nothing, batches included:
 * {@link CustomerStore#insertAll} and {@link TimelineStore#appendAll} buffer all of their records
 * or none, so work that catches the exception may go on and commit the rest of its writes.
 *
 * <p>Records of every {@link RecordKind} (leads, quotes, orders, ...) follow the same rules as
 * customers: buffered, checked again at commit, all or nothing.
 *
 * <p>Customer, timeline and record ids are unique across tenants, as the primary keys of a
 * database would be; everything else is confined to the session's tenant.
 *
 * <p>This class is thread-safe. Commits are serialised by one lock, which suits the small data
 * sets it is meant for.
 *
 * @since 0.1
 */
public final class InMemoryStorage implements CrmStorage {

    private static final String CUSTOMER = "customer";
    private static final String TIMELINE_ENTRY = "timeline entry";

    static final Comparator<UUID> UNSIGNED_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private final Object lock = new Object();
    // Everything below is guarded by lock.
    private final Map<String, NavigableMap<UUID, CustomerRecord>> customers = new HashMap<>();
    private final Map<UUID, String> customerTenants = new HashMap<>();
    private final Map<String, Map<UUID, NavigableMap<TimelineKey, TimelineEntryRecord>>> timelines = new HashMap<>();
    private final Set<UUID> timelineIds = new HashSet<>();
    /** Every record of every kind and tenant, by id. */
    private final Map<UUID, KindedRecord> records = new HashMap<>();
    /** The records of one tenant and kind ("tenant/kind"), in unsigned id order. */
    private final Map<String, NavigableMap<UUID, StoredRecord>> recordsByKind = new HashMap<>();

    private InMemoryStorage() {
    }

    /**
     * @return a new, empty storage; never null
     */
    public static InMemoryStorage create() {
        return new InMemoryStorage();
    }

    /**
     * Runs {@code work} as one unit of work for {@code tenant}: commits its writes atomically if it
     * returns normally, discards them if it throws.
     *
     * @param tenant the tenant every read and write is confined to; not null
     * @param work   the work; not null
     * @param <T>    what the work returns
     * @return what {@code work} returned; null if it returned null
     * @throws ValidationException       if {@code tenant} is not a valid tenant id
     * @throws StaleWriteException       if, at commit, a customer the work updated was changed by a
     *                                   unit of work that committed first; nothing is written
     * @throws DuplicateRecordException  if, at commit, an id the work inserted was committed by
     *                                   another unit of work first; nothing is written
     */
    @Override
    public <T> T inTransaction(String tenant, Function<StorageSession, T> work) {
        TenantIds.requireValid(tenant);
        Objects.requireNonNull(work, "work must not be null");
        Session session = new Session(tenant);
        try {
            T result = work.apply(session);
            session.commit();
            return result;
        } finally {
            session.close();
        }
    }

    /** @return a short description with the number of tenants and customers held */
    @Override
    public String toString() {
        synchronized (lock) {
            return "InMemoryStorage[" + customers.size() + " tenants, " + customerTenants.size() + " customers, "
                    + timelineIds.size() + " timeline entries]";
        }
    }

    private static boolean matches(CustomerRecord customer, CustomerQuery query) {
        return (query.ownerId() == null || query.ownerId().equals(customer.ownerId()))
                && (query.type() == null || query.type().equals(customer.type()))
                && (query.lifecycleStage() == null || query.lifecycleStage().equals(customer.lifecycleStage()))
                && (query.updatedSince() == null || !customer.updatedAt().isBefore(query.updatedSince()))
                && (query.email() == null || hasContact(customer, ContactPointRecord.EMAIL, query.email()))
                && (query.phone() == null || hasContact(customer, ContactPointRecord.PHONE, query.phone()))
                && (query.organisation() == null || customer.organisationDetails()
                        .map(o -> CustomerQuery.organisationKey(o.legalName()).equals(query.organisation()))
                        .orElse(false));
    }

    private static boolean hasContact(CustomerRecord customer, String kind, String value) {
        for (ContactPointRecord point : customer.contactPoints()) {
            if (point.kind().equals(kind) && point.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Merges two lists, each sorted by {@code order}, and cuts the result to {@code size + 1}
     * items: one more than a page, to tell whether another page follows.
     */
    private static <K, T> List<T> mergeSorted(List<T> first, List<T> second, Function<T, K> key,
                                              Comparator<K> order, int size) {
        List<T> merged = new ArrayList<>(Math.min(first.size() + second.size(), size + 1));
        int i = 0;
        int j = 0;
        while (merged.size() <= size && (i < first.size() || j < second.size())) {
            if (j >= second.size()
                    || i < first.size() && order.compare(key.apply(first.get(i)), key.apply(second.get(j))) <= 0) {
                merged.add(first.get(i++));
            } else {
                merged.add(second.get(j++));
            }
        }
        return merged;
    }

    private static <T> Page<T> page(List<T> oneTooMany, int size, Function<T, String> cursor) {
        if (oneTooMany.size() <= size) {
            return Page.last(oneTooMany);
        }
        List<T> items = oneTooMany.subList(0, size);
        return Page.of(items, size, cursor.apply(items.get(size - 1)));
    }

    /** The timeline order: by occurrence, then by id compared as unsigned numbers. */
    private record TimelineKey(Instant occurredAt, UUID id) implements Comparable<TimelineKey> {

        static TimelineKey of(TimelineEntryRecord entry) {
            return new TimelineKey(entry.occurredAt(), entry.id());
        }

        static TimelineKey parse(String cursor) {
            int separator = cursor.indexOf('|');
            try {
                if (separator > 0) {
                    return new TimelineKey(Instant.parse(cursor.substring(0, separator)),
                            UUID.fromString(cursor.substring(separator + 1)));
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // reported below
            }
            throw new ValidationException("after", "must be a cursor this store returned", cursor);
        }

        String cursor() {
            return occurredAt + "|" + id;
        }

        @Override
        public int compareTo(TimelineKey other) {
            int byTime = occurredAt.compareTo(other.occurredAt);
            return byTime != 0 ? byTime : UNSIGNED_ORDER.compare(id, other.id);
        }
    }

    private static UUID parseCustomerCursor(String cursor) {
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("after", "must be a cursor this store returned", cursor);
        }
    }

    /** A stored record with its kind. */
    private record KindedRecord(RecordKind<?> kind, StoredRecord record) {

        boolean sameHome(KindedRecord other) {
            return kind.equals(other.kind) && record.tenant().equals(other.record.tenant());
        }
    }

    /** One unit of work: buffered writes over the committed state. Confined to one thread. */
    private final class Session implements StorageSession {
        private final String tenant;
        private final Customers customerStore = new Customers();
        private final Timeline timelineStore = new Timeline();
        /** The latest state of every customer this unit inserted or updated. */
        private final Map<UUID, CustomerRecord> written = new LinkedHashMap<>();
        /** For every written customer, the committed version the unit built on; 0 for an insert. */
        private final Map<UUID, Long> baseVersions = new HashMap<>();
        private final Map<UUID, TimelineEntryRecord> appended = new LinkedHashMap<>();
        /** The latest state of every record of any kind this unit inserted or updated. */
        private final Map<UUID, KindedRecord> writtenRecords = new LinkedHashMap<>();
        /** For every written record, the committed version the unit built on; 0 for an insert. */
        private final Map<UUID, Long> recordBaseVersions = new HashMap<>();
        private boolean open = true;

        Session(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public String tenant() {
            return tenant;
        }

        @Override
        public CustomerStore customers() {
            checkOpen();
            return customerStore;
        }

        @Override
        public TimelineStore timeline() {
            checkOpen();
            return timelineStore;
        }

        @Override
        public <R extends StoredRecord> RecordStore<R> records(RecordKind<R> kind) {
            checkOpen();
            Objects.requireNonNull(kind, "kind must not be null");
            return new Records<>(kind);
        }

        void checkOpen() {
            if (!open) {
                throw new IllegalStateException("this session's unit of work has ended; open a new one");
            }
        }

        void checkOwnTenant(String recordTenant) {
            if (!tenant.equals(recordTenant)) {
                throw new TenantMismatchException(tenant, recordTenant);
            }
        }

        void close() {
            open = false;
            written.clear();
            baseVersions.clear();
            appended.clear();
            writtenRecords.clear();
            recordBaseVersions.clear();
        }

        /** Re-checks every write against the committed state, then applies all of them, under the lock. */
        void commit() {
            if (written.isEmpty() && appended.isEmpty() && writtenRecords.isEmpty()) {
                return;
            }
            synchronized (lock) {
                NavigableMap<UUID, CustomerRecord> committed = customers.get(tenant);
                for (CustomerRecord record : written.values()) {
                    long base = baseVersions.get(record.id());
                    if (base == 0) {
                        if (customerTenants.containsKey(record.id())) {
                            throw new DuplicateRecordException(CUSTOMER, record.id(), null, null);
                        }
                    } else {
                        CustomerRecord current = committed == null ? null : committed.get(record.id());
                        long actual = current == null ? 0 : current.version();
                        if (actual != base) {
                            throw new StaleWriteException(CUSTOMER, record.id(), base, actual);
                        }
                    }
                }
                for (UUID id : appended.keySet()) {
                    if (timelineIds.contains(id)) {
                        throw new DuplicateRecordException(TIMELINE_ENTRY, id, null, null);
                    }
                }
                for (KindedRecord own : writtenRecords.values()) {
                    UUID id = own.record().id();
                    long base = recordBaseVersions.get(id);
                    KindedRecord current = records.get(id);
                    if (base == 0) {
                        if (current != null) {
                            throw new DuplicateRecordException(own.kind().name(), id, null, null);
                        }
                    } else {
                        long actual = current == null || !current.sameHome(own) ? 0 : current.record().version();
                        if (actual != base) {
                            throw new StaleWriteException(own.kind().name(), id, base, actual);
                        }
                    }
                }
                for (KindedRecord own : writtenRecords.values()) {
                    records.put(own.record().id(), own);
                    recordsByKind.computeIfAbsent(tenant + "/" + own.kind().name(), k -> new TreeMap<>(UNSIGNED_ORDER))
                            .put(own.record().id(), own.record());
                }
                if (!written.isEmpty()) {
                    NavigableMap<UUID, CustomerRecord> target =
                            customers.computeIfAbsent(tenant, t -> new TreeMap<>(UNSIGNED_ORDER));
                    for (CustomerRecord record : written.values()) {
                        target.put(record.id(), record);
                        customerTenants.put(record.id(), tenant);
                    }
                }
                if (!appended.isEmpty()) {
                    Map<UUID, NavigableMap<TimelineKey, TimelineEntryRecord>> byCustomer =
                            timelines.computeIfAbsent(tenant, t -> new HashMap<>());
                    for (TimelineEntryRecord entry : appended.values()) {
                        byCustomer.computeIfAbsent(entry.customerId(), c -> new TreeMap<>())
                                .put(TimelineKey.of(entry), entry);
                        timelineIds.add(entry.id());
                    }
                }
            }
        }

        private final class Customers implements CustomerStore {

            @Override
            public Optional<CustomerRecord> find(UUID id) {
                checkOpen();
                Objects.requireNonNull(id, "id must not be null");
                CustomerRecord own = written.get(id);
                if (own != null) {
                    return Optional.of(own);
                }
                return Optional.ofNullable(committed(id));
            }

            @Override
            public void insert(CustomerRecord record) {
                checkOpen();
                Objects.requireNonNull(record, "record must not be null");
                checkOwnTenant(record.tenant());
                if (record.version() != 1) {
                    throw new ValidationException("version", "must be 1 for a new customer", record.version());
                }
                boolean exists;
                synchronized (lock) {
                    exists = customerTenants.containsKey(record.id());
                }
                if (exists || written.containsKey(record.id())) {
                    throw new DuplicateRecordException(CUSTOMER, record.id(), null, null);
                }
                written.put(record.id(), record);
                baseVersions.put(record.id(), 0L);
            }

            /**
             * Inserts every record as {@link #insert} would, or none: if one is refused, the
             * records of this call inserted before it are removed from the unit of work again
             * before the exception propagates, so that work which catches it may go on and commit.
             */
            @Override
            public void insertAll(Collection<CustomerRecord> records) {
                checkOpen();
                Objects.requireNonNull(records, "records must not be null");
                List<UUID> inserted = new ArrayList<>(records.size());
                try {
                    for (CustomerRecord record : records) {
                        insert(record);
                        inserted.add(record.id());
                    }
                } catch (RuntimeException | Error failure) {
                    // insert only ever adds ids the unit of work did not hold, so removing them restores it.
                    for (UUID id : inserted) {
                        written.remove(id);
                        baseVersions.remove(id);
                    }
                    throw failure;
                }
            }

            @Override
            public void update(CustomerRecord record) {
                checkOpen();
                Objects.requireNonNull(record, "record must not be null");
                checkOwnTenant(record.tenant());
                long expected = record.version() - 1;
                boolean writtenBefore = written.containsKey(record.id());
                CustomerRecord current = writtenBefore ? written.get(record.id()) : committed(record.id());
                if (current == null || current.version() != expected) {
                    throw new StaleWriteException(CUSTOMER, record.id(), expected,
                            current == null ? 0 : current.version());
                }
                if (!writtenBefore) {
                    baseVersions.put(record.id(), current.version());
                }
                written.put(record.id(), record);
            }

            @Override
            public Page<CustomerRecord> query(CustomerQuery query, PageRequest page) {
                checkOpen();
                Objects.requireNonNull(query, "query must not be null");
                Objects.requireNonNull(page, "page must not be null");
                UUID after = page.cursor().map(InMemoryStorage::parseCustomerCursor).orElse(null);
                Predicate<UUID> afterCursor = id -> after == null || UNSIGNED_ORDER.compare(id, after) > 0;

                List<CustomerRecord> fromCommitted = new ArrayList<>();
                synchronized (lock) {
                    NavigableMap<UUID, CustomerRecord> committed = customers.get(tenant);
                    if (committed != null) {
                        Iterator<CustomerRecord> candidates = (after == null ? committed : committed.tailMap(after, false))
                                .values().iterator();
                        while (fromCommitted.size() <= page.size() && candidates.hasNext()) {
                            CustomerRecord candidate = candidates.next();
                            if (!written.containsKey(candidate.id()) && matches(candidate, query)) {
                                fromCommitted.add(candidate);
                            }
                        }
                    }
                }
                List<CustomerRecord> fromSession = new ArrayList<>();
                for (CustomerRecord own : written.values()) {
                    if (afterCursor.test(own.id()) && matches(own, query)) {
                        fromSession.add(own);
                    }
                }
                fromSession.sort(Comparator.comparing(CustomerRecord::id, UNSIGNED_ORDER));
                List<CustomerRecord> merged =
                        mergeSorted(fromCommitted, fromSession, CustomerRecord::id, UNSIGNED_ORDER, page.size());
                return page(merged, page.size(), last -> last.id().toString());
            }

            @Override
            public long count(CustomerQuery query) {
                checkOpen();
                Objects.requireNonNull(query, "query must not be null");
                long count = 0;
                synchronized (lock) {
                    NavigableMap<UUID, CustomerRecord> committed = customers.get(tenant);
                    if (committed != null) {
                        for (CustomerRecord candidate : committed.values()) {
                            if (!written.containsKey(candidate.id()) && matches(candidate, query)) {
                                count++;
                            }
                        }
                    }
                }
                for (CustomerRecord own : written.values()) {
                    if (matches(own, query)) {
                        count++;
                    }
                }
                return count;
            }

            private CustomerRecord committed(UUID id) {
                synchronized (lock) {
                    NavigableMap<UUID, CustomerRecord> committed = customers.get(tenant);
                    return committed == null ? null : committed.get(id);
                }
            }
        }

        private final class Timeline implements TimelineStore {

            @Override
            public void append(TimelineEntryRecord entry) {
                checkOpen();
                Objects.requireNonNull(entry, "entry must not be null");
                checkOwnTenant(entry.tenant());
                boolean exists;
                synchronized (lock) {
                    exists = timelineIds.contains(entry.id());
                }
                if (exists || appended.containsKey(entry.id())) {
                    throw new DuplicateRecordException(TIMELINE_ENTRY, entry.id(), null, null);
                }
                if (customerStore.find(entry.customerId()).isEmpty()) {
                    throw new StorageException("timeline entry " + entry.id() + ": customer " + entry.customerId()
                            + " does not exist in tenant '" + tenant + "'", null);
                }
                appended.put(entry.id(), entry);
            }

            /**
             * Appends every entry as {@link #append} would, or none: if one is refused, the entries
             * of this call appended before it are removed from the unit of work again before the
             * exception propagates, so that work which catches it may go on and commit.
             */
            @Override
            public void appendAll(Collection<TimelineEntryRecord> entries) {
                checkOpen();
                Objects.requireNonNull(entries, "entries must not be null");
                List<UUID> added = new ArrayList<>(entries.size());
                try {
                    for (TimelineEntryRecord entry : entries) {
                        append(entry);
                        added.add(entry.id());
                    }
                } catch (RuntimeException | Error failure) {
                    // append only ever adds ids the unit of work did not hold, so removing them restores it.
                    for (UUID id : added) {
                        appended.remove(id);
                    }
                    throw failure;
                }
            }

            @Override
            public Page<TimelineEntryRecord> forCustomer(UUID customerId, PageRequest page) {
                checkOpen();
                Objects.requireNonNull(customerId, "customerId must not be null");
                Objects.requireNonNull(page, "page must not be null");
                TimelineKey after = page.cursor().map(TimelineKey::parse).orElse(null);

                List<TimelineEntryRecord> fromCommitted = new ArrayList<>();
                synchronized (lock) {
                    NavigableMap<TimelineKey, TimelineEntryRecord> entries =
                            timelines.getOrDefault(tenant, Map.of()).get(customerId);
                    if (entries != null) {
                        Iterator<TimelineEntryRecord> candidates =
                                (after == null ? entries : entries.tailMap(after, false)).values().iterator();
                        while (fromCommitted.size() <= page.size() && candidates.hasNext()) {
                            fromCommitted.add(candidates.next());
                        }
                    }
                }
                List<TimelineEntryRecord> fromSession = new ArrayList<>();
                for (TimelineEntryRecord own : appended.values()) {
                    if (own.customerId().equals(customerId) && (after == null || TimelineKey.of(own).compareTo(after) > 0)) {
                        fromSession.add(own);
                    }
                }
                fromSession.sort(Comparator.comparing(TimelineKey::of));
                List<TimelineEntryRecord> merged = mergeSorted(fromCommitted, fromSession, TimelineKey::of,
                        Comparator.naturalOrder(), page.size());
                return page(merged, page.size(), last -> TimelineKey.of(last).cursor());
            }
        }

        private final class Records<R extends StoredRecord> implements RecordStore<R> {
            private final RecordKind<R> kind;

            Records(RecordKind<R> kind) {
                this.kind = kind;
            }

            @Override
            public Optional<R> find(UUID id) {
                checkOpen();
                Objects.requireNonNull(id, "id must not be null");
                KindedRecord own = writtenRecords.get(id);
                if (own != null) {
                    return own.kind().equals(kind) ? Optional.of(kind.cast(own.record())) : Optional.empty();
                }
                return Optional.ofNullable(committed(id));
            }

            @Override
            public void insert(R record) {
                checkOpen();
                Objects.requireNonNull(record, "record must not be null");
                kind.cast(record);
                checkOwnTenant(record.tenant());
                if (record.version() != 1) {
                    throw new ValidationException("version", "must be 1 for a new " + kind.name(), record.version());
                }
                kind.keysOf(record);
                boolean exists;
                synchronized (lock) {
                    exists = records.containsKey(record.id());
                }
                if (exists || writtenRecords.containsKey(record.id())) {
                    throw new DuplicateRecordException(kind.name(), record.id(), null, null);
                }
                writtenRecords.put(record.id(), new KindedRecord(kind, record));
                recordBaseVersions.put(record.id(), 0L);
            }

            /** Inserts every record as {@link #insert} would, or none (see {@link Customers#insertAll}). */
            @Override
            public void insertAll(Collection<R> many) {
                checkOpen();
                Objects.requireNonNull(many, "records must not be null");
                List<UUID> inserted = new ArrayList<>(many.size());
                try {
                    for (R record : many) {
                        insert(record);
                        inserted.add(record.id());
                    }
                } catch (RuntimeException | Error failure) {
                    for (UUID id : inserted) {
                        writtenRecords.remove(id);
                        recordBaseVersions.remove(id);
                    }
                    throw failure;
                }
            }

            @Override
            public void update(R record) {
                checkOpen();
                Objects.requireNonNull(record, "record must not be null");
                kind.cast(record);
                checkOwnTenant(record.tenant());
                if (record.version() < 2) {
                    throw new ValidationException("version", "must be at least 2 for an update", record.version());
                }
                kind.keysOf(record);
                long expected = record.version() - 1;
                KindedRecord own = writtenRecords.get(record.id());
                StoredRecord current = own != null
                        ? (own.kind().equals(kind) ? own.record() : null)
                        : committed(record.id());
                if (current == null || current.version() != expected) {
                    throw new StaleWriteException(kind.name(), record.id(), expected,
                            current == null ? 0 : current.version());
                }
                if (own == null) {
                    recordBaseVersions.put(record.id(), current.version());
                }
                writtenRecords.put(record.id(), new KindedRecord(kind, record));
            }

            @Override
            public Page<R> query(RecordQuery query, PageRequest page) {
                checkOpen();
                Objects.requireNonNull(page, "page must not be null");
                Predicate<R> matches = matcher(query);
                UUID after = page.cursor().map(InMemoryStorage::parseCustomerCursor).orElse(null);
                List<R> fromCommitted = new ArrayList<>();
                synchronized (lock) {
                    NavigableMap<UUID, StoredRecord> committed = recordsByKind.get(tenant + "/" + kind.name());
                    if (committed != null) {
                        Iterator<StoredRecord> candidates =
                                (after == null ? committed : committed.tailMap(after, false)).values().iterator();
                        while (fromCommitted.size() <= page.size() && candidates.hasNext()) {
                            R candidate = kind.cast(candidates.next());
                            if (!writtenRecords.containsKey(candidate.id()) && matches.test(candidate)) {
                                fromCommitted.add(candidate);
                            }
                        }
                    }
                }
                List<R> fromSession = new ArrayList<>();
                for (KindedRecord own : writtenRecords.values()) {
                    if (own.kind().equals(kind)) {
                        R record = kind.cast(own.record());
                        if ((after == null || UNSIGNED_ORDER.compare(record.id(), after) > 0) && matches.test(record)) {
                            fromSession.add(record);
                        }
                    }
                }
                fromSession.sort(Comparator.comparing(StoredRecord::id, UNSIGNED_ORDER));
                List<R> merged = mergeSorted(fromCommitted, fromSession, StoredRecord::id, UNSIGNED_ORDER, page.size());
                return page(merged, page.size(), last -> last.id().toString());
            }

            @Override
            public long count(RecordQuery query) {
                checkOpen();
                Predicate<R> matches = matcher(query);
                long count = 0;
                synchronized (lock) {
                    NavigableMap<UUID, StoredRecord> committed = recordsByKind.get(tenant + "/" + kind.name());
                    if (committed != null) {
                        for (StoredRecord candidate : committed.values()) {
                            if (!writtenRecords.containsKey(candidate.id()) && matches.test(kind.cast(candidate))) {
                                count++;
                            }
                        }
                    }
                }
                for (KindedRecord own : writtenRecords.values()) {
                    if (own.kind().equals(kind) && matches.test(kind.cast(own.record()))) {
                        count++;
                    }
                }
                return count;
            }

            private Predicate<R> matcher(RecordQuery query) {
                Objects.requireNonNull(query, "query must not be null");
                for (IndexKey criterion : query.criteria()) {
                    if (!kind.keyNames().contains(criterion.name())) {
                        throw new ValidationException("query." + criterion.name(),
                                "must be a key of kind " + kind.name() + " " + kind.keyNames(), criterion.value());
                    }
                }
                return record -> kind.keysOf(record).containsAll(query.criteria());
            }

            private R committed(UUID id) {
                synchronized (lock) {
                    NavigableMap<UUID, StoredRecord> committed = recordsByKind.get(tenant + "/" + kind.name());
                    StoredRecord found = committed == null ? null : committed.get(id);
                    return found == null ? null : kind.cast(found);
                }
            }
        }
    }
}
