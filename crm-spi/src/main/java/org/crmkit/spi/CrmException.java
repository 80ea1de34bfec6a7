package org.crmkit.spi;

/**
 * The root of every exception crmkit throws on purpose.
 *
 * <p>Subclasses say what failed: {@link ValidationException} for bad input,
 * {@link org.crmkit.spi.storage.StaleWriteException} for a lost optimistic-locking race,
 * {@link org.crmkit.spi.storage.StorageException} for a failure of the storage underneath, and
 * so on. Outcomes a caller is expected to handle (a message refused for lack of consent, say)
 * are return values, not exceptions.
 *
 * @since 0.1
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
