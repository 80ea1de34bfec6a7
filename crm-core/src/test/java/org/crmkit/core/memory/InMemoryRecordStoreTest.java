package org.crmkit.core.memory;

import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.tck.storage.RecordStoreContract;

/** Runs the record-store contract against one {@link InMemoryStorage} shared by every test, as a database would be. */
class InMemoryRecordStoreTest extends RecordStoreContract {

    private static final InMemoryStorage STORAGE = InMemoryStorage.create();

    @Override
    protected CrmStorage storage() {
        return STORAGE;
    }
}
