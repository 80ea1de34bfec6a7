package org.crmkit.core.satisfaction.questionnaire;

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

/** Storage helpers of the questionnaire service. Not API. */
final class Stores {
    private Stores() {
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
