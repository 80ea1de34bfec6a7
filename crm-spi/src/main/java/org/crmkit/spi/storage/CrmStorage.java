package org.crmkit.spi.storage;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Storage for every aggregate crmkit keeps: the entry point of the storage SPI.
 *
 * <p>All access goes through a unit of work bound to one tenant:
 * <pre>{@code
 * storage.inTransaction("acme", session -> {
 *     session.customers().insert(customer);
 *     session.timeline().append(entry);
 *     return null;
 * });
 * }</pre>
 * Everything written through the session commits together when {@code work} returns normally,
 * and nothing of it remains when {@code work} throws: the exception is rethrown unchanged after
 * the rollback. Nothing inside the session can read or write another tenant's rows.
 *
 * <p>A store method that throws has written nothing; the unit of work may catch the exception
 * and go on (the JDBC adapter wraps each write in a savepoint). Whether the unit of work then
 * commits is up to {@code work}: it commits when {@code work} returns normally.
 *
 * <p>Implementations are thread-safe: many threads may run units of work at once, each with
 * its own session. A session must not be used outside its {@code work} callback or shared
 * between threads. Units of work do not nest: calling {@code inTransaction} from inside
 * {@code work} opens a separate, independent unit of work.
 *
 * <p>Conflicts between concurrent units of work are detected by optimistic locking (see
 * {@link CustomerStore#update(CustomerRecord)}), never by silently overwriting.
 *
 * @since 0.1
 */
public interface CrmStorage {

    /**
     * Runs {@code work} as one unit of work for {@code tenant}, commits it if it returns
     * normally and rolls it back if it throws.
     *
     * @param tenant the tenant every read and write is confined to; not null
     * @param work   the work; not null
     * @param <T>    what the work returns
     * @return what {@code work} returned (may be null if the work returns null)
     * @throws org.crmkit.spi.ValidationException if {@code tenant} is not a valid tenant id
     * @throws StorageException                   if the storage fails, including at commit
     */
    <T> T inTransaction(String tenant, Function<StorageSession, T> work);

    /** Same as {@link #inTransaction(String, Function)} for work that returns nothing. */
    default void useTransaction(String tenant, Consumer<StorageSession> work) {
        inTransaction(tenant, session -> {
            work.accept(session);
            return null;
        });
    }
}
