package org.crmkit.spi.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;

/**
 * A kind of stored record (an aggregate type such as a lead or a quote): its name, its record
 * class and the {@link IndexKey keys} a record of that kind can be queried by.
 *
 * <p>A store keeps records of every kind it is given through
 * {@link StorageSession#records(RecordKind)}. It may keep each kind in a table of its own or
 * all kinds as documents in one place (the JDBC adapter does the latter); either way it must
 * give a record back {@linkplain Object#equals equal} to the one stored, and find it by exactly
 * the keys {@link #keysOf} names at the time it was last written.
 *
 * <p>Kinds are compared by name. Instances are immutable and thread-safe.
 *
 * @param <R> the record type
 * @since 0.1
 */
public final class RecordKind<R extends StoredRecord> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final String name;
    private final Class<R> type;
    private final Set<String> keyNames;
    private final Function<R, List<IndexKey>> keys;

    private RecordKind(String name, Class<R> type, Set<String> keyNames, Function<R, List<IndexKey>> keys) {
        this.name = name;
        this.type = type;
        this.keyNames = keyNames;
        this.keys = keys;
    }

    /**
     * @param name     the kind's name: lower-case letters, digits and underscores, starting with a
     *                 letter, at most 40 characters; stable, because stores persist it
     * @param type     the record class; a record class whose components a store can map
     * @param keyNames every key name {@code keys} may produce; queries may use only these
     * @param keys     the keys of one record; it may return null elements for keys that are not set
     * @param <R>      the record type
     * @return the kind
     */
    public static <R extends StoredRecord> RecordKind<R> of(
            String name, Class<R> type, List<String> keyNames, Function<R, List<IndexKey>> keys) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("kind", "must be lower-case letters, digits or '_', starting with a letter, "
                    + "at most 40 characters", name);
        }
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(keys, "keys must not be null");
        Set<String> names = new LinkedHashSet<>();
        for (String key : Objects.requireNonNull(keyNames, "keyNames must not be null")) {
            names.add(new IndexKey(key, "x").name());
        }
        return new RecordKind<>(name, type, Collections.unmodifiableSet(names), keys);
    }

    /** @return the kind's name, for example {@code "lead"} */
    public String name() {
        return name;
    }

    /** @return the record class */
    public Class<R> type() {
        return type;
    }

    /** @return the names of every key records of this kind can be queried by */
    public Set<String> keyNames() {
        return keyNames;
    }

    /**
     * @param record a record of this kind; not null
     * @return its keys, without duplicates, in the order the kind gives them; never null
     * @throws ValidationException if the kind produces a key it did not declare
     */
    public List<IndexKey> keysOf(R record) {
        Objects.requireNonNull(record, "record must not be null");
        List<IndexKey> out = new ArrayList<>();
        List<IndexKey> produced = keys.apply(record);
        if (produced != null) {
            for (IndexKey key : produced) {
                if (key == null || out.contains(key)) {
                    continue;
                }
                if (!keyNames.contains(key.name())) {
                    throw new ValidationException("indexKey.name", "must be one of " + keyNames + " for kind " + name,
                            key.name());
                }
                out.add(key);
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param record any stored record
     * @return the record as this kind's type
     * @throws ValidationException if it is not of this kind's type
     */
    public R cast(StoredRecord record) {
        if (!type.isInstance(record)) {
            throw new ValidationException("record", "must be a " + type.getSimpleName() + " for kind " + name,
                    record == null ? null : record.getClass().getSimpleName());
        }
        return type.cast(record);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordKind<?> other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "RecordKind[" + name + "]";
    }
}
