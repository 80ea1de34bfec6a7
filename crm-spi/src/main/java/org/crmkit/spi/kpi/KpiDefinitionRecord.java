package org.crmkit.spi.kpi;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A SMART KPI definition (domain §11) as storage keeps it: plain data, already validated by the
 * domain. Codes ({@code measure}, {@code direction}, {@code recurrence}, {@code ownerKind},
 * {@code status}) are the names of the domain's enums; a store treats them as opaque text and
 * keeps {@code target} with the scale given.
 *
 * @param id          the KPI's id; not null
 * @param tenant      the tenant; a valid tenant id
 * @param version     at least 1
 * @param name        the KPI's name; not blank
 * @param description what is measured; not blank
 * @param measure     the measure's code, for example {@code "DELIVERED_REVENUE"}; not blank
 * @param target      the target value; not null
 * @param direction   {@code HIGHER_IS_BETTER} or {@code LOWER_IS_BETTER}; not blank
 * @param currency    the ISO 4217 code of money measures; may be null
 * @param parentGoal  the goal it ties to; may be null
 * @param recurrence  {@code FIXED}, {@code MONTHLY}, {@code QUARTERLY} or {@code YEARLY}; not blank
 * @param periodFrom  the first day of a fixed period; null for recurring ones
 * @param periodTo    the last day of a fixed period; null for recurring ones
 * @param ownerKind   {@code STAFF}, {@code TEAM} or {@code COMPANY}; not blank
 * @param owner       the staff id or the team's name; null for the company
 * @param teamMembers the staff ids of a team, sorted; not null, empty unless a team
 * @param status      {@code ACTIVE} or {@code RETIRED}; not blank
 * @param definedBy   the staff member who defined it; not blank
 * @param createdAt   when it was defined; not null
 * @param updatedAt   when this version was written; not null
 * @since 0.1
 */
public record KpiDefinitionRecord(
        UUID id, String tenant, long version, String name, String description, String measure, BigDecimal target,
        String direction, String currency, String parentGoal, String recurrence, LocalDate periodFrom,
        LocalDate periodTo, String ownerKind, String owner, List<String> teamMembers, String status,
        String definedBy, Instant createdAt, Instant updatedAt) implements StoredRecord {

    /** The kind, queryable by measure, owner and status. */
    public static final RecordKind<KpiDefinitionRecord> KIND = RecordKind.of("kpi_definition",
            KpiDefinitionRecord.class, List.of("measure", "owner", "status"),
            r -> Arrays.asList(IndexKey.ofNullable("measure", r.measure()), IndexKey.ofNullable("owner", r.owner()),
                    IndexKey.ofNullable("status", r.status())));

    public KpiDefinitionRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(name, "name");
        notBlank(description, "description");
        notBlank(measure, "measure");
        notNull(target, "target");
        notBlank(direction, "direction");
        nullOrNotBlank(currency, "currency");
        nullOrNotBlank(parentGoal, "parentGoal");
        notBlank(recurrence, "recurrence");
        if ((periodFrom == null) != (periodTo == null)) {
            throw new ValidationException("periodTo", "must be given exactly when periodFrom is", periodTo);
        }
        if (periodFrom != null && periodTo.isBefore(periodFrom)) {
            throw new ValidationException("periodTo", "must not be before periodFrom", periodTo);
        }
        notBlank(ownerKind, "ownerKind");
        nullOrNotBlank(owner, "owner");
        if (owner != null && owner.length() > IndexKey.MAX_VALUE_LENGTH) {
            throw new ValidationException("owner", "must be at most " + IndexKey.MAX_VALUE_LENGTH + " characters",
                    owner);
        }
        teamMembers = copy(teamMembers, "teamMembers");
        notBlank(status, "status");
        notBlank(definedBy, "definedBy");
        createdAt = micros(notNull(createdAt, "createdAt"));
        updatedAt = micros(notNull(updatedAt, "updatedAt"));
    }
}
