package org.crmkit.core.common;

/**
 * Receives domain events after the change that recorded them has been committed. Registered on
 * the {@code Crm} builder. Called on the thread that made the change, in the order the events
 * were recorded. An exception thrown by a listener is logged and does not undo the change.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DomainEventListener {

    /** @param event the committed event; never null */
    void on(DomainEvent event);
}
