package org.crmkit.core.service;

import java.util.Optional;

/**
 * The recorded outcome of a self-service session: the session, and the work order opened for it
 * when the article did not solve the problem.
 *
 * @param session   the session, as stored; not null
 * @param workOrder the work order it was escalated to; empty when the article solved the problem
 * @since 0.1
 */
public record SelfServiceOutcome(SelfServiceSession session, Optional<WorkOrder> workOrder) {

    public SelfServiceOutcome {
        Args.notNull(session, "session");
        Args.notNull(workOrder, "workOrder");
    }

    /** @return whether the article solved the problem (a deflected work order) */
    public boolean solved() {
        return session.status() == SelfServiceStatus.SOLVED;
    }
}
