package org.crmkit.core.satisfaction.questionnaire;

import java.util.Objects;
import java.util.UUID;

import org.crmkit.core.common.Enums;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.spi.ValidationException;

/**
 * A typed reference to what a survey response is about: an order, a work order, a staff member or a
 * product. crmkit keeps the reference as given; it does not read the order, work order or catalogue.
 * Immutable and thread-safe.
 *
 * @param kind the kind; not null
 * @param id   the id as text: a UUID for an order or work order, a valid {@link StaffId} for staff,
 *             the catalogue's product id (not blank, at most 200 characters) for a product
 * @since 0.1
 */
public record Subject(SubjectKind kind, String id) {

    /** @throws ValidationException on {@code subject} when the id does not fit the kind */
    public Subject {
        if (kind == null) {
            throw new ValidationException("subject", "kind must not be null");
        }
        if (id == null || id.isBlank() || id.length() > 200 || !id.strip().equals(id)) {
            throw new ValidationException("subject", "id must be 1 to 200 characters without surrounding blanks",
                    id);
        }
        switch (kind) {
            case ORDER, WORK_ORDER -> {
                try {
                    UUID.fromString(id);
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("subject", "id of " + kind + " must be a UUID", id);
                }
            }
            case STAFF -> StaffId.of(id);
            case PRODUCT -> {
            }
        }
    }

    /** @return a reference to an order */
    public static Subject order(OrderId order) {
        return new Subject(SubjectKind.ORDER, Objects.requireNonNull(order, "order must not be null").toString());
    }

    /** @return a reference to a work order */
    public static Subject workOrder(WorkOrderId workOrder) {
        return new Subject(SubjectKind.WORK_ORDER,
                Objects.requireNonNull(workOrder, "workOrder must not be null").toString());
    }

    /** @return a reference to the staff member who served */
    public static Subject staff(StaffId staff) {
        return new Subject(SubjectKind.STAFF, Objects.requireNonNull(staff, "staff must not be null").value());
    }

    /** @return a reference to a product by the catalogue's id */
    public static Subject product(String productId) {
        return new Subject(SubjectKind.PRODUCT, productId);
    }

    /** @return the reference read from storage */
    static Subject parse(String kind, String id) {
        return new Subject(Enums.parse(SubjectKind.class, kind, "subject"), id);
    }

    /** @return {@code KIND:id}, as indexed in storage */
    String key() {
        return kind.name() + ":" + id;
    }

    @Override
    public String toString() {
        return key();
    }
}
