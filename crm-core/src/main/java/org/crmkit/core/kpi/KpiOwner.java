package org.crmkit.core.kpi;

import java.util.Set;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * Who a KPI belongs to: one staff member, a named team, or the whole company. A record counts
 * towards the owner when the staff member it is attributed to (see {@link Measure}) is
 * {@linkplain #covers covered}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface KpiOwner {

    /** @return the owner's name as shown in results */
    String name();

    /**
     * @param staffId the staff id a record is attributed to; may be null (nobody)
     * @return whether the record counts for this owner; only the company covers records of nobody
     */
    boolean covers(String staffId);

    /** @return one staff member as owner */
    static KpiOwner staff(StaffId staff) {
        return new Staff(staff);
    }

    /** @return a team of staff as owner */
    static KpiOwner team(String name, Set<StaffId> members) {
        return new Team(name, members);
    }

    /** @return the whole company (every record of the tenant) as owner */
    static KpiOwner company() {
        return new Company();
    }

    /**
     * One staff member.
     *
     * @param staff the staff member; not null
     */
    record Staff(StaffId staff) implements KpiOwner {
        /** Validates the components as described above. */
        public Staff {
            if (staff == null) {
                throw new ValidationException("owner.staff", "must not be null");
            }
        }

        @Override
        public String name() {
            return staff.value();
        }

        @Override
        public boolean covers(String staffId) {
            return staff.value().equals(staffId);
        }
    }

    /**
     * A named team.
     *
     * @param name    the team's name; not blank, at most 200 characters
     * @param members its members; not null, not empty
     */
    record Team(String name, Set<StaffId> members) implements KpiOwner {
        /** Validates the components as described above. */
        public Team {
            if (name == null || name.isBlank()) {
                throw new ValidationException("owner.name", "must not be blank", name);
            }
            if (name.length() > 200) {
                throw new ValidationException("owner.name", "must be at most 200 characters", name);
            }
            if (members == null || members.isEmpty()) {
                throw new ValidationException("owner.members", "must not be empty");
            }
            if (members.stream().anyMatch(java.util.Objects::isNull)) {
                throw new ValidationException("owner.members", "must not contain null");
            }
            members = Set.copyOf(members);
        }

        @Override
        public boolean covers(String staffId) {
            return staffId != null && members.stream().anyMatch(m -> m.value().equals(staffId));
        }
    }

    /** The whole company: every record of the tenant, attributed to anyone or to nobody. */
    record Company() implements KpiOwner {
        @Override
        public String name() {
            return "company";
        }

        @Override
        public boolean covers(String staffId) {
            return true;
        }
    }
}
