package org.crmkit.core.service;

/**
 * What a tracked step of a work order did.
 *
 * @since 0.1
 */
public enum WorkOrderStepKind {
    /** The work order was opened. */
    OPENED,
    /** Someone was made responsible for it. */
    ASSIGNED,
    /** Work started (or started again after a reopen). */
    STARTED,
    /** The problem was solved. */
    RESOLVED,
    /** The work order was closed. */
    CLOSED,
    /** The customer said the problem is back; work goes on. */
    REOPENED,
    /** The work order was dispatched automatically; the note is the {@link DispatchDecision#summary()}. */
    DISPATCHED,
    /** A service-level target was missed; the note names the target, when it was due and how late. */
    SERVICE_LEVEL_BREACHED,
    /** The assignee was released from the work order, which waits for dispatch again; the note says why. */
    RELEASED
}
