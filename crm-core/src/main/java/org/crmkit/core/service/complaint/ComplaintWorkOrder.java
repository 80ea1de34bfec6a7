package org.crmkit.core.service.complaint;

import java.util.Objects;

import org.crmkit.core.service.WorkOrder;

/**
 * A complaint and the work order just opened for it, linked by the complaint's latest
 * {@link ComplaintAction}.
 *
 * @param complaint the complaint as stored; not null
 * @param workOrder the work order as stored (origin {@code COMPLAINT}); not null
 * @since 0.1
 */
public record ComplaintWorkOrder(Complaint complaint, WorkOrder workOrder) {

    public ComplaintWorkOrder {
        Objects.requireNonNull(complaint, "complaint must not be null");
        Objects.requireNonNull(workOrder, "workOrder must not be null");
    }
}
