package org.crmkit.tck.storage;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

import org.crmkit.spi.storage.StoredRecord;

/**
 * Copies a stored record of any kind with some components replaced (its id, tenant or version),
 * through its canonical constructor, so that the record-store contract can make many records of
 * a kind from one sample. Not API.
 */
final class SampleRecords {

    private SampleRecords() {
    }

    /**
     * @param record      a record whose class is a public record class with a public canonical constructor
     * @param replacement new values by component name, for example {@code Map.of("version", 2L)}
     * @return a copy of the record with those components replaced
     * @throws IllegalArgumentException if the record has no component of a given name
     */
    @SuppressWarnings("unchecked")
    static <R extends StoredRecord> R with(R record, Map<String, Object> replacement) {
        Class<?> type = record.getClass();
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record class; the contract cannot copy it");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int replaced = 0;
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                if (replacement.containsKey(component.getName())) {
                    values[i] = replacement.get(component.getName());
                    replaced++;
                } else {
                    values[i] = component.getAccessor().invoke(record);
                }
            }
            if (replaced != replacement.size()) {
                throw new IllegalArgumentException(type.getName() + " lacks one of the components "
                        + replacement.keySet());
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return (R) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot copy a " + type.getName(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot copy a " + type.getName()
                    + " (it must be a public record with a public canonical constructor)", e);
        }
    }

    static <R extends StoredRecord> R withVersion(R record, long version) {
        return with(record, Map.of("version", version));
    }
}
