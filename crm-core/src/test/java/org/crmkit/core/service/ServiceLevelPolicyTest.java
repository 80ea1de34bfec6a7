package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class ServiceLevelPolicyTest {

    private static final ServiceLevelPolicy DEFAULTS = ServiceLevelPolicy.defaults();

    @Test
    void defaultBaseTargetsApplyToBasicAndReactiveCustomers() {
        for (RelationshipLevel level : new RelationshipLevel[] {RelationshipLevel.BASIC, RelationshipLevel.REACTIVE}) {
            assertThat(DEFAULTS.targetsFor(level, WorkOrderPriority.URGENT))
                    .isEqualTo(ServiceLevelTargets.of(Duration.ofHours(1), Duration.ofHours(8)));
            assertThat(DEFAULTS.targetsFor(level, WorkOrderPriority.HIGH))
                    .isEqualTo(ServiceLevelTargets.of(Duration.ofHours(4), Duration.ofHours(24)));
            assertThat(DEFAULTS.targetsFor(level, WorkOrderPriority.NORMAL))
                    .isEqualTo(ServiceLevelTargets.of(Duration.ofHours(8), Duration.ofHours(72)));
            assertThat(DEFAULTS.targetsFor(level, WorkOrderPriority.LOW))
                    .isEqualTo(ServiceLevelTargets.of(Duration.ofHours(24), Duration.ofHours(120)));
        }
    }

    @Test
    void closerRelationshipsGetShorterTargets() {
        assertThat(DEFAULTS.targetsFor(RelationshipLevel.ACCOUNTABLE, WorkOrderPriority.NORMAL))
                .isEqualTo(ServiceLevelTargets.of(Duration.ofHours(6), Duration.ofHours(54)));
        assertThat(DEFAULTS.targetsFor(RelationshipLevel.PROACTIVE, WorkOrderPriority.NORMAL))
                .isEqualTo(ServiceLevelTargets.of(Duration.ofHours(4), Duration.ofHours(36)));
        assertThat(DEFAULTS.targetsFor(RelationshipLevel.PARTNERSHIP, WorkOrderPriority.URGENT))
                .isEqualTo(ServiceLevelTargets.of(Duration.ofMinutes(15), Duration.ofHours(2)));
        for (WorkOrderPriority p : WorkOrderPriority.values()) {
            Duration previous = null;
            for (RelationshipLevel level : RelationshipLevel.values()) {
                Duration r = DEFAULTS.targetsFor(level, p).resolution();
                if (previous != null) {
                    assertThat(r).isLessThanOrEqualTo(previous);
                }
                previous = r;
            }
        }
    }

    @Test
    void morUrgentWorkOrdersAreDueSoonerAtEveryLevel() {
        for (RelationshipLevel level : RelationshipLevel.values()) {
            assertThat(DEFAULTS.targetsFor(level, WorkOrderPriority.URGENT).response())
                    .isLessThan(DEFAULTS.targetsFor(level, WorkOrderPriority.HIGH).response());
            assertThat(DEFAULTS.targetsFor(level, WorkOrderPriority.HIGH).response())
                    .isLessThan(DEFAULTS.targetsFor(level, WorkOrderPriority.NORMAL).response());
            assertThat(DEFAULTS.targetsFor(level, WorkOrderPriority.NORMAL).response())
                    .isLessThan(DEFAULTS.targetsFor(level, WorkOrderPriority.LOW).response());
        }
    }

    @Test
    void withReplacesOneCellAndLeavesTheRest() {
        ServiceLevelTargets two = ServiceLevelTargets.of(Duration.ofMinutes(2), Duration.ofMinutes(30));
        ServiceLevelPolicy p = DEFAULTS.with(RelationshipLevel.BASIC, WorkOrderPriority.LOW, two);
        assertThat(p.targetsFor(RelationshipLevel.BASIC, WorkOrderPriority.LOW)).isEqualTo(two);
        assertThat(p.targetsFor(RelationshipLevel.REACTIVE, WorkOrderPriority.LOW))
                .isEqualTo(DEFAULTS.targetsFor(RelationshipLevel.REACTIVE, WorkOrderPriority.LOW));
        assertThat(DEFAULTS.targetsFor(RelationshipLevel.BASIC, WorkOrderPriority.LOW)).isNotEqualTo(two);
    }

    @Test
    void uniformTreatsEveryLevelAlike() {
        Map<WorkOrderPriority, ServiceLevelTargets> row = new EnumMap<>(WorkOrderPriority.class);
        for (WorkOrderPriority p : WorkOrderPriority.values()) {
            row.put(p, ServiceLevelTargets.of(Duration.ofHours(1), Duration.ofHours(2)));
        }
        ServiceLevelPolicy p = ServiceLevelPolicy.uniform(row);
        assertThat(p.targetsFor(RelationshipLevel.PARTNERSHIP, WorkOrderPriority.LOW))
                .isEqualTo(p.targetsFor(RelationshipLevel.BASIC, WorkOrderPriority.LOW));
    }

    @Test
    void anIncompleteTableIsRefused() {
        Map<WorkOrderPriority, ServiceLevelTargets> row = new EnumMap<>(WorkOrderPriority.class);
        row.put(WorkOrderPriority.LOW, ServiceLevelTargets.of(Duration.ofHours(1), Duration.ofHours(2)));
        assertThatThrownBy(() -> ServiceLevelPolicy.uniform(row)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("targets");
        assertThatThrownBy(() -> new ServiceLevelPolicy(Map.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("BASIC");
    }

    @Test
    void targetsMustBePositiveAndTheResolutionNoShorterThanTheResponse() {
        assertThatThrownBy(() -> ServiceLevelTargets.of(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("response");
        assertThatThrownBy(() -> ServiceLevelTargets.of(Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("resolution");
        assertThatThrownBy(() -> ServiceLevelTargets.of(null, Duration.ofHours(1)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("response");
    }
}
