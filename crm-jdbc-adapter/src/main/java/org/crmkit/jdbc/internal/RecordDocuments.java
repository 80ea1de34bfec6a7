package org.crmkit.jdbc.internal;

import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.crmkit.spi.storage.StoredRecord;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns stored records into JSON documents and back, for the {@code body} column of
 * {@code crm_record}. A record read back is {@linkplain Object#equals equal} to the one written.
 *
 * <p>How the one shared mapper is configured, and why:
 * <ul>
 * <li><b>Record components only.</b> A record's document holds exactly its components, in
 *     declaration order, nulls included; a method that merely looks like a getter
 *     ({@code getTotal()}, {@code isOverdue()}) is not written, since it is derived data that the
 *     canonical constructor could not take back. Reading goes through the canonical constructor, so the
 *     record validates what it is given as it always does.</li>
 * <li><b>Decimals as JSON strings</b> ({@link BigDecimal#toString()}), read back with
 *     {@code new BigDecimal(text)}: the scale survives ({@code 1.50} stays {@code 1.50},
 *     {@code 1E+3} stays scale -3), no value passes through a double, and PostgreSQL's JSONB, which
 *     keeps numbers as {@code numeric} and rewrites {@code 1E+3} as {@code 1000}, cannot change it.</li>
 * <li><b>Instants and dates as ISO-8601 strings</b> ({@code 2024-05-17T08:30:15.123456Z},
 *     {@code 2024-05-17}), never as numeric timestamps; UUIDs as their canonical string.</li>
 * <li><b>Strict reading: nothing is dropped or invented silently.</b> A property that the record
 *     type does not have fails the read ({@code FAIL_ON_UNKNOWN_PROPERTIES} stays on): ignoring it would
 *     lose that data for good at the next update, which writes the record back without it. A missing
 *     or null primitive component fails too ({@code FAIL_ON_NULL_FOR_PRIMITIVES}) instead of becoming
 *     0 or false. A missing reference component is passed to the constructor as null, so a nullable
 *     component added to a record type reads as absent in older documents, and a required one
 *     fails the record's own validation. A read that fails is a
 *     {@link org.crmkit.spi.storage.StorageException} naming the kind and id: renaming or removing a
 *     component of a stored kind needs a data migration.</li>
 * <li><b>No polymorphic typing</b>: a document is always read as the type its kind names, never as
 *     a type named in the data.</li>
 * <li><b>No access overrides</b>: the mapper uses only public constructors and accessors and never
 *     calls {@code setAccessible}, so it works on exported packages of named modules; a record type must
 *     be public, in a package its module exports (or opens) to {@code com.fasterxml.jackson.databind}.</li>
 * <li>Strings of any length are read back (Jackson's default limit of 20 million characters per
 *     string is lifted), so nothing can be written that cannot be read.</li>
 * </ul>
 *
 * <p>Thread-safe: the mapper is configured once and only used afterwards.
 */
final class RecordDocuments {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("crmkit-records")
                    .addSerializer(BigDecimal.class, ToStringSerializer.instance)
                    .setSerializerModifier(new RecordComponentsOnly()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
            .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
            .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
            .build();

    private RecordDocuments() {
    }

    /**
     * @return the record as a JSON document
     * @throws IllegalArgumentException if the record cannot be written (a component of a type the
     *                                  mapper cannot write)
     */
    static String write(StoredRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a " + record.getClass().getSimpleName()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @return the record the document holds
     * @throws JsonProcessingException  if the document does not fit the type (see the class comment)
     * @throws IllegalArgumentException if the record's constructor refuses the values
     */
    static <R> R read(String document, Class<R> type) throws JsonProcessingException {
        return MAPPER.readValue(document, type);
    }

    /**
     * Keeps, of the properties Jackson finds on a record class, only its components, in
     * declaration order; other classes are left as Jackson sees them.
     */
    private static final class RecordComponentsOnly extends BeanSerializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                List<BeanPropertyWriter> writers) {
            Class<?> type = description.getBeanClass();
            if (!type.isRecord()) {
                return writers;
            }
            List<String> components = Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList();
            Set<String> found = writers.stream().map(BeanPropertyWriter::getName).collect(Collectors.toSet());
            if (!found.containsAll(components)) {
                throw new IllegalArgumentException("Cannot see every component of " + type.getName() + " "
                        + components + "; visible: " + found);
            }
            List<BeanPropertyWriter> kept = new ArrayList<>(components.size());
            for (String component : components) {
                for (BeanPropertyWriter writer : writers) {
                    if (writer.getName().equals(component)) {
                        kept.add(writer);
                    }
                }
            }
            return kept;
        }
    }
}
