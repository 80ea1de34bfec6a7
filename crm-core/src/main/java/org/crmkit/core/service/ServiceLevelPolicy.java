package org.crmkit.core.service;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.spi.ValidationException;

/**
 * The service levels of a tenant (domain §6: "different segments get different service levels"):
 * response and resolution targets for every combination of the customer's
 * {@link RelationshipLevel} and the work order's {@link WorkOrderPriority}. A work order gets its
 * due times from this table when it is opened: opened at + target.
 *
 * <p>The customer's relationship level stands for its grade: customers carry no other grade
 * (price-list grades live on quotes only).
 *
 * <p>{@link #defaults()}, chosen for this library (the digest names no figures): by priority, the base
 * targets are
 * <table>
 * <caption>base targets</caption>
 * <tr><th>priority</th><th>response</th><th>resolution</th></tr>
 * <tr><td>URGENT</td><td>1 h</td><td>8 h</td></tr>
 * <tr><td>HIGH</td><td>4 h</td><td>24 h</td></tr>
 * <tr><td>NORMAL</td><td>8 h</td><td>72 h</td></tr>
 * <tr><td>LOW</td><td>24 h</td><td>120 h</td></tr>
 * </table>
 * and the more involved the relationship, the shorter: {@code BASIC} and {@code REACTIVE} get the
 * base targets, {@code ACCOUNTABLE} 75 % of them, {@code PROACTIVE} 50 % and {@code PARTNERSHIP} 25 %
 * (so an urgent partnership work order is due a response in 15 minutes).
 *
 * <p><b>Club tiers.</b> A tier's benefits name a service level code (domain §8: member-only services;
 * the standard tiers give {@code GOLD} members {@code PRIORITY}). {@link #memberServiceLevels()} maps such
 * a code to the relationship level whose targets its members get; a member is served at the higher of
 * that level and their own relationship level. {@link #defaults()} maps {@code PRIORITY} to
 * {@code PROACTIVE} (half the base targets); {@link #withMemberServiceLevel} changes the map.
 *
 * <p>Immutable and thread-safe.
 *
 * @param targets             a target for every level and every priority; not null
 * @param memberServiceLevels the relationship level whose targets the members of a tier with that
 *                            service level code get; not null, may be empty
 * @since 0.1
 */
public record ServiceLevelPolicy(Map<RelationshipLevel, Map<WorkOrderPriority, ServiceLevelTargets>> targets,
                                 Map<String, RelationshipLevel> memberServiceLevels) {

    /** A policy without tier service levels. */
    public ServiceLevelPolicy(Map<RelationshipLevel, Map<WorkOrderPriority, ServiceLevelTargets>> targets) {
        this(targets, Map.of());
    }

    public ServiceLevelPolicy {
        Args.notNull(targets, "targets");
        EnumMap<RelationshipLevel, Map<WorkOrderPriority, ServiceLevelTargets>> copy = new EnumMap<>(RelationshipLevel.class);
        for (RelationshipLevel level : RelationshipLevel.values()) {
            Map<WorkOrderPriority, ServiceLevelTargets> row = targets.get(level);
            if (row == null) {
                throw new ValidationException("targets", "must have targets for relationship level " + level, targets);
            }
            EnumMap<WorkOrderPriority, ServiceLevelTargets> r = new EnumMap<>(WorkOrderPriority.class);
            for (WorkOrderPriority p : WorkOrderPriority.values()) {
                ServiceLevelTargets t = row.get(p);
                if (t == null) {
                    throw new ValidationException("targets", "must have targets for relationship level " + level
                            + " and priority " + p, row);
                }
                r.put(p, t);
            }
            copy.put(level, Collections.unmodifiableMap(r));
        }
        targets = Collections.unmodifiableMap(copy);
        Args.notNull(memberServiceLevels, "memberServiceLevels");
        Map<String, RelationshipLevel> levels = new java.util.TreeMap<>();
        for (Map.Entry<String, RelationshipLevel> e : memberServiceLevels.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new ValidationException("memberServiceLevels", "must not have a blank service level code",
                        memberServiceLevels);
            }
            levels.put(e.getKey().strip(), Args.notNull(e.getValue(), "memberServiceLevels"));
        }
        memberServiceLevels = Collections.unmodifiableMap(levels);
    }

    /** @return the default table described on the class */
    public static ServiceLevelPolicy defaults() {
        Map<WorkOrderPriority, ServiceLevelTargets> base = new EnumMap<>(WorkOrderPriority.class);
        base.put(WorkOrderPriority.URGENT, ServiceLevelTargets.of(Duration.ofHours(1), Duration.ofHours(8)));
        base.put(WorkOrderPriority.HIGH, ServiceLevelTargets.of(Duration.ofHours(4), Duration.ofHours(24)));
        base.put(WorkOrderPriority.NORMAL, ServiceLevelTargets.of(Duration.ofHours(8), Duration.ofHours(72)));
        base.put(WorkOrderPriority.LOW, ServiceLevelTargets.of(Duration.ofHours(24), Duration.ofHours(120)));
        Map<RelationshipLevel, Map<WorkOrderPriority, ServiceLevelTargets>> table = new EnumMap<>(RelationshipLevel.class);
        for (RelationshipLevel level : RelationshipLevel.values()) {
            int percent = switch (level) {
                case BASIC, REACTIVE -> 100;
                case ACCOUNTABLE -> 75;
                case PROACTIVE -> 50;
                case PARTNERSHIP -> 25;
            };
            Map<WorkOrderPriority, ServiceLevelTargets> row = new EnumMap<>(WorkOrderPriority.class);
            base.forEach((p, t) -> row.put(p, ServiceLevelTargets.of(scale(t.response(), percent),
                    scale(t.resolution(), percent))));
            table.put(level, row);
        }
        return new ServiceLevelPolicy(table, Map.of("PRIORITY", RelationshipLevel.PROACTIVE));
    }

    /**
     * @param byPriority the targets of each priority; not null, every priority present
     * @return a policy that treats every relationship level alike
     */
    public static ServiceLevelPolicy uniform(Map<WorkOrderPriority, ServiceLevelTargets> byPriority) {
        Args.notNull(byPriority, "targets");
        Map<RelationshipLevel, Map<WorkOrderPriority, ServiceLevelTargets>> table = new EnumMap<>(RelationshipLevel.class);
        for (RelationshipLevel level : RelationshipLevel.values()) {
            table.put(level, byPriority);
        }
        return new ServiceLevelPolicy(table);
    }

    /** @return a copy of this policy with one cell replaced */
    public ServiceLevelPolicy with(RelationshipLevel level, WorkOrderPriority priority, ServiceLevelTargets target) {
        Args.notNull(level, "relationshipLevel");
        Args.notNull(priority, "priority");
        Args.notNull(target, "target");
        Map<RelationshipLevel, Map<WorkOrderPriority, ServiceLevelTargets>> table = new EnumMap<>(targets);
        Map<WorkOrderPriority, ServiceLevelTargets> row = new EnumMap<>(table.get(level));
        row.put(priority, target);
        table.put(level, row);
        return new ServiceLevelPolicy(table, memberServiceLevels);
    }

    /**
     * @param serviceLevelCode the code a tier's benefits name, for example {@code PRIORITY}; not blank
     * @param servedAs         the relationship level whose targets that tier's members get at least; not null
     * @return a copy of this policy with that code mapped
     */
    public ServiceLevelPolicy withMemberServiceLevel(String serviceLevelCode, RelationshipLevel servedAs) {
        Map<String, RelationshipLevel> levels = new java.util.TreeMap<>(memberServiceLevels);
        if (serviceLevelCode == null || serviceLevelCode.isBlank()) {
            throw new ValidationException("serviceLevelCode", "must not be blank", serviceLevelCode);
        }
        levels.put(serviceLevelCode.strip(), Args.notNull(servedAs, "servedAs"));
        return new ServiceLevelPolicy(targets, levels);
    }

    /**
     * @param level              the customer's relationship level; not null
     * @param memberServiceLevel the service level code of the customer's club tier, if a member; not null
     * @return the level the customer is served at: the higher of {@code level} and the level the code
     *         maps to (an unmapped code changes nothing)
     */
    public RelationshipLevel servedAs(RelationshipLevel level, java.util.Optional<String> memberServiceLevel) {
        Args.notNull(level, "relationshipLevel");
        Args.notNull(memberServiceLevel, "memberServiceLevel");
        RelationshipLevel member = memberServiceLevel.map(String::strip).map(memberServiceLevels::get).orElse(null);
        return member != null && member.compareTo(level) > 0 ? member : level;
    }

    /** @return the targets for a customer at {@code level} and a work order of {@code priority} */
    public ServiceLevelTargets targetsFor(RelationshipLevel level, WorkOrderPriority priority) {
        Args.notNull(level, "relationshipLevel");
        Args.notNull(priority, "priority");
        return targets.get(level).get(priority);
    }

    private static Duration scale(Duration d, int percent) {
        return d.multipliedBy(percent).dividedBy(100);
    }
}
