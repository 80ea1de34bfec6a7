package org.crmkit.tck.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.crmkit.spi.storage.AttributeRecord;
import org.crmkit.spi.storage.ConsentRecord;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.OrganisationRecord;
import org.crmkit.spi.storage.OwnershipRecord;
import org.crmkit.spi.storage.PostalAddressRecord;
import org.crmkit.spi.storage.TimelineEntryRecord;

/**
 * Test fixtures for storage adapters: fully populated {@link CustomerRecord} and
 * {@link TimelineEntryRecord} values, fresh tenant ids, and the unsigned UUID order stores sort by.
 *
 * <p>The {@link StorageContract} builds all its data here; adapter authors may reuse it in their own
 * tests. Every factory returns a new, valid record with a fresh random id, so records never collide
 * in a database shared by many tests. Lists are deliberately not sorted by any of their columns, so
 * a store that does not keep list order is caught.
 *
 * <p>The static methods are thread-safe; a {@link CustomerBuilder} is not.
 *
 * @since 0.1
 */
public final class Records {

    /** A fixed point in time with microsecond precision that the fixtures are built around. */
    public static final Instant BASE_TIME = Instant.parse("2024-05-17T08:30:15.123456Z");

    /** Length of the name of {@link #largeCustomer(String)}, in characters. */
    public static final int LARGE_NAME_LENGTH = 2_000;

    /** Length of each attribute value of {@link #largeCustomer(String)}, in characters. */
    public static final int LARGE_ATTRIBUTE_LENGTH = 10_000;

    /** Length of the summary of {@link #largeTimelineEntry(String, UUID, Instant)}, in characters. */
    public static final int LARGE_SUMMARY_LENGTH = 120_000;

    private static final Comparator<UUID> UNSIGNED_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private static final Comparator<TimelineEntryRecord> TIMELINE_ORDER =
            Comparator.comparing(TimelineEntryRecord::occurredAt).thenComparing(TimelineEntryRecord::id, UNSIGNED_ORDER);

    private Records() {
    }

    /**
     * The order of query pages: UUIDs compared as unsigned 128-bit numbers, the most significant
     * 64 bits first. This differs from {@link UUID#compareTo}, which compares signed halves.
     *
     * @return the comparator; never null
     */
    public static Comparator<UUID> unsignedUuidOrder() {
        return UNSIGNED_ORDER;
    }

    /**
     * The order of timeline pages: by {@code occurredAt}, then by id in {@link #unsignedUuidOrder()}.
     *
     * @return the comparator; never null
     */
    public static Comparator<TimelineEntryRecord> timelineOrder() {
        return TIMELINE_ORDER;
    }

    /**
     * A fresh, valid, random tenant id such as {@code "tck-3f9a0c1d2e4b5a69"}; no two calls return
     * the same id in practice.
     *
     * @return the tenant id; never null
     */
    public static String newTenant() {
        return "tck-" + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE)
                + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE).substring(0, 4);
    }

    /**
     * A random id with all 128 bits random. Unlike a version-4 UUID, whose least significant half
     * always has its highest bit set, both halves of these ids are as often "negative" as not, so
     * they catch a store that compares ids as signed numbers.
     *
     * @return a new id; never null
     */
    public static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong());
    }

    /**
     * {@code count} distinct random ids that catch a store comparing ids as signed numbers: they
     * come in groups of four sharing their most significant half but for its sign bit, and within
     * a group the least significant halves differ in sign too. The list is shuffled.
     *
     * @param count how many ids; not negative
     * @return a new mutable list of ids; never null
     */
    public static List<UUID> mixedSignIds(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<UUID> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            long high = random.nextLong() & Long.MAX_VALUE;
            for (long highSign : new long[] {0, Long.MIN_VALUE}) {
                for (long lowSign : new long[] {0, Long.MIN_VALUE}) {
                    if (ids.size() < count) {
                        ids.add(new UUID(high | highSign, (random.nextLong() & Long.MAX_VALUE) | lowSign));
                    }
                }
            }
        }
        Collections.shuffle(ids, random);
        return ids;
    }

    /**
     * A fully populated organisational customer: organisation present with every optional field
     * set, several contact points, postal addresses, attributes, consents and owners, in an order
     * that is not sorted by any column.
     *
     * @param tenant the tenant; not null
     * @return a new record with a fresh id and version 1; never null
     */
    public static CustomerRecord customer(String tenant) {
        return aCustomer(tenant).build();
    }

    /**
     * A private person: organisation absent, every nullable field of every list element null.
     *
     * @param tenant the tenant; not null
     * @return a new record with a fresh id and version 1; never null
     */
    public static CustomerRecord person(String tenant) {
        return aCustomer(tenant)
                .type("B2C")
                .name("Ada Lovelace")
                .organisation(null)
                .contactPoints(List.of(
                        new ContactPointRecord(ContactPointRecord.PHONE, "+447700900123", null, false),
                        new ContactPointRecord(ContactPointRecord.EMAIL, "ada@example.org", null, true)))
                .postalAddresses(List.of(
                        new PostalAddressRecord(null, false, "12 St James's Square", "London", null, null, "GB")))
                .attributes(List.of(new AttributeRecord("INTERNAL", "note", "TEXT", "")))
                .consents(List.of(new ConsentRecord("EMAIL", "SERVICE", "GRANTED", BASE_TIME.minusSeconds(3600),
                        "web-form-7")))
                .ownerHistory(List.of(new OwnershipRecord("s-17", BASE_TIME.minusSeconds(86_400), null, "system", null)))
                .build();
    }

    /**
     * A customer with every list empty and organisation absent.
     *
     * @param tenant the tenant; not null
     * @return a new record with a fresh id and version 1; never null
     */
    public static CustomerRecord minimalCustomer(String tenant) {
        return aCustomer(tenant)
                .type("B2C")
                .name("M")
                .organisation(null)
                .contactPoints(List.of())
                .postalAddresses(List.of())
                .attributes(List.of())
                .consents(List.of())
                .ownerHistory(List.of())
                .build();
    }

    /**
     * A customer whose text is in many scripts: Chinese, Japanese, Arabic and Hebrew (right to
     * left), accented and combining Latin, emoji (characters outside the Basic Multilingual Plane,
     * including a zero-width-joiner sequence), line breaks, tabs, and leading and trailing spaces.
     *
     * @param tenant the tenant; not null
     * @return a new record with a fresh id and version 1; never null
     */
    public static CustomerRecord unicodeCustomer(String tenant) {
        return aCustomer(tenant)
                .name("北京星辰科技有限公司 🚀 Crème Brûlée & Søn — שלום עולם — شركة الاتصالات")
                .organisation(new OrganisationRecord("北京星辰科技有限公司", "91110105MA01ABCD2X",
                        "ÆØÅ-øæå-ß-ǅ", "Ingeniería y diseño ✨", "https://例子.测试/路径?q=ü"))
                .relationshipLevel("PROACTIVE")
                .ownerId("staff-é́-17")
                .contactPoints(List.of(
                        new ContactPointRecord(ContactPointRecord.EMAIL, "用户@例子.广告", "工作 💼", true),
                        new ContactPointRecord(ContactPointRecord.PHONE, "+8613800138000", "手机", false),
                        new ContactPointRecord(ContactPointRecord.EMAIL, "josé.müller@exämple.de", " trailing ", false)))
                .postalAddresses(List.of(
                        new PostalAddressRecord("总部", true, "朝阳区建国路88号\nSOHO现代城 A座\t1801室", "北京", "北京市",
                                "100022", "CN"),
                        new PostalAddressRecord("مكتب", false, "شارع الملك فهد 123", "الرياض", null, "12211", "SA"),
                        new PostalAddressRecord("משרד", false, "רחוב הרצל 1", "תל אביב", "מחוז תל אביב", null, "IL")))
                .attributes(List.of(
                        new AttributeRecord("EXTERNAL", "口号", "TEXT", "天天向上 👩‍💻👨‍👩‍👧‍👦 e\u0301 ñ"),
                        new AttributeRecord("INTERNAL", "ملاحظة", "TEXT", "عميل مهم جدا"),
                        new AttributeRecord("CONSUMPTION", "日本語", "TEXT", "こんにちは、世界")))
                .consents(List.of(
                        new ConsentRecord("EMAIL", "MARKETING", "GRANTED", BASE_TIME.minusSeconds(100), "表单-42 ✅")))
                .ownerHistory(List.of(
                        new OwnershipRecord("staff-é́-17", BASE_TIME.minusSeconds(500), null, "管理员", "区域调整 🔄")))
                .build();
    }

    /**
     * A customer with large values: a name of {@value #LARGE_NAME_LENGTH} characters and several
     * attributes of {@value #LARGE_ATTRIBUTE_LENGTH} characters each, mixing ASCII, accented and
     * Chinese text (every character in the Basic Multilingual Plane, so characters and code points
     * agree).
     *
     * @param tenant the tenant; not null
     * @return a new record with a fresh id and version 1; never null
     */
    public static CustomerRecord largeCustomer(String tenant) {
        return aCustomer(tenant)
                .name(text("Große Handelsgesellschaft 大型贸易公司 ", LARGE_NAME_LENGTH))
                .attributes(List.of(
                        new AttributeRecord("EXTERNAL", "profile", "TEXT", text("Lorem ipsum dolor sit amet. ", LARGE_ATTRIBUTE_LENGTH)),
                        new AttributeRecord("INTERNAL", "history", "TEXT", text("历史记录，客户拜访。", LARGE_ATTRIBUTE_LENGTH)),
                        new AttributeRecord("CONSUMPTION", "basket", "TEXT", text("café, crème, brûlée; ", LARGE_ATTRIBUTE_LENGTH))))
                .build();
    }

    /**
     * A builder holding a fully populated customer of {@code tenant} (the same as
     * {@link #customer(String)}), to change before {@link CustomerBuilder#build() building}.
     *
     * @param tenant the tenant; not null
     * @return a new builder; never null
     */
    public static CustomerBuilder aCustomer(String tenant) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        return new CustomerBuilder(tenant);
    }

    /**
     * A builder holding every component of {@code record}, to derive a changed copy, for example
     * the next version: {@code Records.from(stored).version(stored.version() + 1).name("New").build()}.
     *
     * @param record the record to copy; not null
     * @return a new builder; never null
     */
    public static CustomerBuilder from(CustomerRecord record) {
        Objects.requireNonNull(record, "record must not be null");
        return new CustomerBuilder(record);
    }

    /**
     * The record that replaces {@code record} in an update: the same data with the version one
     * higher and {@code updatedAt} one second later.
     *
     * @param record the stored record; not null
     * @return the next version; never null
     */
    public static CustomerRecord nextVersion(CustomerRecord record) {
        return record.withVersion(record.version() + 1, record.updatedAt().plusSeconds(1));
    }

    /**
     * A fully populated timeline entry: every nullable field set.
     *
     * @param tenant     the tenant; not null
     * @param customerId the customer; not null
     * @param occurredAt when it happened; not null
     * @return a new entry with a fresh id; never null
     */
    public static TimelineEntryRecord timelineEntry(String tenant, UUID customerId, Instant occurredAt) {
        return timelineEntry(newId(), tenant, customerId, occurredAt);
    }

    /**
     * Same as {@link #timelineEntry(String, UUID, Instant)} with a given id.
     *
     * @param id         the entry's id; not null
     * @param tenant     the tenant; not null
     * @param customerId the customer; not null
     * @param occurredAt when it happened; not null
     * @return a new entry; never null
     */
    public static TimelineEntryRecord timelineEntry(UUID id, String tenant, UUID customerId, Instant occurredAt) {
        return new TimelineEntryRecord(id, tenant, customerId, occurredAt, "INTERACTION", "PHONE", "s-17",
                "SALES", "Called about the renewal; 客户同意续约。", "follow-up booked");
    }

    /**
     * A timeline entry with every nullable field null.
     *
     * @param tenant     the tenant; not null
     * @param customerId the customer; not null
     * @param occurredAt when it happened; not null
     * @return a new entry with a fresh id; never null
     */
    public static TimelineEntryRecord minimalTimelineEntry(String tenant, UUID customerId, Instant occurredAt) {
        return new TimelineEntryRecord(newId(), tenant, customerId, occurredAt, "NOTE", null, null, null, "n", null);
    }

    /**
     * A timeline entry with a summary of {@value #LARGE_SUMMARY_LENGTH} characters mixing ASCII,
     * Chinese and emoji, and Unicode in its other text fields.
     *
     * @param tenant     the tenant; not null
     * @param customerId the customer; not null
     * @param occurredAt when it happened; not null
     * @return a new entry with a fresh id; never null
     */
    public static TimelineEntryRecord largeTimelineEntry(String tenant, UUID customerId, Instant occurredAt) {
        return new TimelineEntryRecord(newId(), tenant, customerId, occurredAt, "INTERACTION", "EMAIL", "员工-9",
                "Service après-vente", text("Kunde rief an. 客户来电投诉，已处理。 😀 ", LARGE_SUMMARY_LENGTH),
                "résolu ✅");
    }

    /**
     * Repeats {@code unit} and cuts the result to exactly {@code length} UTF-16 characters, never
     * splitting a surrogate pair (a character outside the BMP at the cut is replaced by {@code '.'}).
     */
    static String text(String unit, int length) {
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        text.setLength(length);
        if (Character.isHighSurrogate(text.charAt(length - 1))) {
            text.setCharAt(length - 1, '.');
        }
        return text.toString();
    }

    /**
     * A mutable builder of {@link CustomerRecord}s, starting from a fully populated customer or a
     * copy of a record. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class CustomerBuilder {
        private UUID id;
        private String tenant;
        private long version;
        private String type;
        private String name;
        private OrganisationRecord organisation;
        private String relationshipLevel;
        private String lifecycleStage;
        private String ownerId;
        private List<ContactPointRecord> contactPoints;
        private List<PostalAddressRecord> postalAddresses;
        private List<AttributeRecord> attributes;
        private List<ConsentRecord> consents;
        private List<OwnershipRecord> ownerHistory;
        private Instant createdAt;
        private Instant updatedAt;

        private CustomerBuilder(String tenant) {
            this.id = newId();
            this.tenant = tenant;
            this.version = 1;
            this.type = "B2B";
            this.name = "Acme Trading GmbH";
            this.organisation = new OrganisationRecord("Acme Trading Gesellschaft mbH", "HRB 123456",
                    "DE123456789", "Wholesale", "https://acme.example");
            this.relationshipLevel = "PROACTIVE";
            this.lifecycleStage = "EXPLORATION";
            this.ownerId = "s-17";
            this.contactPoints = List.of(
                    new ContactPointRecord(ContactPointRecord.PHONE, "+493012345678", "office", false),
                    new ContactPointRecord(ContactPointRecord.EMAIL, "zoe@acme.example", "work", true),
                    new ContactPointRecord(ContactPointRecord.EMAIL, "accounts@acme.example", null, false),
                    new ContactPointRecord(ContactPointRecord.PHONE, "+491701234567", "mobile", true));
            this.postalAddresses = List.of(
                    new PostalAddressRecord("shipping", false, "Lagerstraße 5\nTor 3", "Hamburg", "HH", "20095", "DE"),
                    new PostalAddressRecord("billing", true, "Unter den Linden 1", "Berlin", null, "10117", "DE"),
                    new PostalAddressRecord(null, false, "1 Infinite Loop", "Cupertino", "CA", "95014", "US"));
            this.attributes = List.of(
                    new AttributeRecord("INTERNAL", "segment", "TEXT", "gold"),
                    new AttributeRecord("EXTERNAL", "employees", "NUMBER", "1200.50"),
                    new AttributeRecord("CONSUMPTION", "lastPurchase", "DATE", "2024-02-29"),
                    new AttributeRecord("EXTERNAL", "listed", "BOOLEAN", "true"),
                    new AttributeRecord("INTERNAL", "comment", "TEXT", ""),
                    new AttributeRecord("CONSUMPTION", "firstSeen", "TIMESTAMP", "2019-01-01T00:00:00.000001Z"));
            // Chronological, as the domain keeps them, with ties whose order no column explains.
            this.consents = List.of(
                    new ConsentRecord("SMS", "MARKETING", "GRANTED", BASE_TIME.minus(30, ChronoUnit.DAYS), "call-991"),
                    new ConsentRecord("SMS", "SERVICE", "GRANTED", BASE_TIME.minus(20, ChronoUnit.DAYS), "form-12"),
                    new ConsentRecord("EMAIL", "MARKETING", "GRANTED", BASE_TIME.minus(20, ChronoUnit.DAYS), "form-12"),
                    new ConsentRecord("SMS", "MARKETING", "WITHDRAWN", BASE_TIME.minus(2, ChronoUnit.DAYS), "sms-stop"));
            this.ownerHistory = List.of(
                    new OwnershipRecord("s-99", BASE_TIME.minus(400, ChronoUnit.DAYS).plusNanos(1_000),
                            BASE_TIME.minus(100, ChronoUnit.DAYS), "m-1", "initial assignment"),
                    new OwnershipRecord("s-03", BASE_TIME.minus(100, ChronoUnit.DAYS),
                            BASE_TIME.minus(10, ChronoUnit.DAYS), "m-2", null),
                    new OwnershipRecord("s-17", BASE_TIME.minus(10, ChronoUnit.DAYS), null, "m-1", "territory change"));
            this.createdAt = BASE_TIME.minus(400, ChronoUnit.DAYS);
            this.updatedAt = BASE_TIME;
        }

        private CustomerBuilder(CustomerRecord r) {
            this.id = r.id();
            this.tenant = r.tenant();
            this.version = r.version();
            this.type = r.type();
            this.name = r.name();
            this.organisation = r.organisation();
            this.relationshipLevel = r.relationshipLevel();
            this.lifecycleStage = r.lifecycleStage();
            this.ownerId = r.ownerId();
            this.contactPoints = r.contactPoints();
            this.postalAddresses = r.postalAddresses();
            this.attributes = r.attributes();
            this.consents = r.consents();
            this.ownerHistory = r.ownerHistory();
            this.createdAt = r.createdAt();
            this.updatedAt = r.updatedAt();
        }

        /**
         * Sets the id.
         *
         * @param value the id
         * @return this builder
         */
        public CustomerBuilder id(UUID value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the tenant.
         *
         * @param value the tenant
         * @return this builder
         */
        public CustomerBuilder tenant(String value) {
            this.tenant = value;
            return this;
        }

        /**
         * Sets the version.
         *
         * @param value the version
         * @return this builder
         */
        public CustomerBuilder version(long value) {
            this.version = value;
            return this;
        }

        /**
         * Sets the customer type code.
         *
         * @param value the customer type code
         * @return this builder
         */
        public CustomerBuilder type(String value) {
            this.type = value;
            return this;
        }

        /**
         * Sets the display name.
         *
         * @param value the display name
         * @return this builder
         */
        public CustomerBuilder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the organisation's details, or null for a person.
         *
         * @param value the organisation's details, or null for a person
         * @return this builder
         */
        public CustomerBuilder organisation(OrganisationRecord value) {
            this.organisation = value;
            return this;
        }

        /**
         * Sets the relationship level code.
         *
         * @param value the relationship level code
         * @return this builder
         */
        public CustomerBuilder relationshipLevel(String value) {
            this.relationshipLevel = value;
            return this;
        }

        /**
         * Sets the lifecycle stage code.
         *
         * @param value the lifecycle stage code
         * @return this builder
         */
        public CustomerBuilder lifecycleStage(String value) {
            this.lifecycleStage = value;
            return this;
        }

        /**
         * Sets the current owner's id.
         *
         * @param value the current owner's id
         * @return this builder
         */
        public CustomerBuilder ownerId(String value) {
            this.ownerId = value;
            return this;
        }

        /**
         * Sets the contact points.
         *
         * @param value the contact points
         * @return this builder
         */
        public CustomerBuilder contactPoints(List<ContactPointRecord> value) {
            this.contactPoints = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Sets the postal addresses.
         *
         * @param value the postal addresses
         * @return this builder
         */
        public CustomerBuilder postalAddresses(List<PostalAddressRecord> value) {
            this.postalAddresses = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Sets the attributes.
         *
         * @param value the attributes
         * @return this builder
         */
        public CustomerBuilder attributes(List<AttributeRecord> value) {
            this.attributes = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Sets the consent history.
         *
         * @param value the consent history
         * @return this builder
         */
        public CustomerBuilder consents(List<ConsentRecord> value) {
            this.consents = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Sets the owner history.
         *
         * @param value the owner history
         * @return this builder
         */
        public CustomerBuilder ownerHistory(List<OwnershipRecord> value) {
            this.ownerHistory = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param value the creation time
         * @return this builder
         */
        public CustomerBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /**
         * Sets the update time.
         *
         * @param value the update time
         * @return this builder
         */
        public CustomerBuilder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        /**
         * @return a record of the current values, validated by its constructor; never null
         * @throws org.crmkit.spi.ValidationException if a value is invalid
         */
        public CustomerRecord build() {
            return new CustomerRecord(id, tenant, version, type, name, organisation, relationshipLevel,
                    lifecycleStage, ownerId, contactPoints, postalAddresses, attributes, consents, ownerHistory,
                    createdAt, updatedAt);
        }
    }
}
