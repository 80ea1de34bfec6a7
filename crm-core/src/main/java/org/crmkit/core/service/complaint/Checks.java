package org.crmkit.core.service.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StoredRecord;

/** Argument checks and storage helpers of complaint handling. Not API. */
final class Checks {

    /** The longest text a complaint keeps in one field. */
    static final int TEXT_MAX = 4000;

    private Checks() {
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }

    /** Strips surrounding whitespace; refuses null, blank, or longer than {@code max} characters. */
    static String required(String value, String field, int max) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        String s = value.strip();
        if (s.isEmpty()) {
            throw new ValidationException(field, "must not be blank", value);
        }
        if (s.codePointCount(0, s.length()) > max) {
            throw new ValidationException(field, "must be at most " + max + " characters", value);
        }
        return s;
    }

    /** Like {@link #required}, but null stays null. */
    static String optional(String value, String field, int max) {
        return value == null ? null : required(value, field, max);
    }

    /** Refuses a time before {@code earliest}: the steps of a complaint never go back in time. */
    static Instant notBefore(Instant at, Instant earliest, String field) {
        notNull(at, field);
        if (at.isBefore(earliest)) {
            throw new ValidationException(field, "must not be before " + earliest, at);
        }
        return at;
    }

    /** @return the refusal of an id that names nothing of the tenant (it may exist in another tenant) */
    static ValidationException notFound(String field, String what, TenantId tenant, Object id) {
        return new ValidationException(field, "must name " + what + " of tenant '" + tenant + "'", id);
    }

    /** Rebuilds a stored record; a record that breaks a rule of the model is a storage failure. */
    static <R extends StoredRecord, A> A restore(R record, Function<R, A> restore, String what) {
        try {
            return restore.apply(record);
        } catch (ValidationException e) {
            throw new StorageException(what + " " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }

    /** @return every record matching {@code query}, reading page after page, in id order */
    static <R extends StoredRecord> List<R> all(RecordStore<R> store, RecordQuery query) {
        List<R> out = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<R> p = store.query(query, page.get());
            out.addAll(p.items());
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return out;
    }
}
