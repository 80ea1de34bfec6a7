package org.crmkit.core.memory;

import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.tck.storage.StorageContract;

/**
 * Runs the storage contract against one {@link InMemoryStorage} shared by every test, as a
 * database would be, which also shows that the contract's tests do not depend on an empty store.
 */
class InMemoryStorageTest extends StorageContract {

    private static final InMemoryStorage STORAGE = InMemoryStorage.create();

    @Override
    protected CrmStorage storage() {
        return STORAGE;
    }
}
