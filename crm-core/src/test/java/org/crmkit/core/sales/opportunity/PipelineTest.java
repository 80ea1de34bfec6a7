package org.crmkit.core.sales.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.PipelineRecord;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00.123456Z"), ZoneOffset.UTC);
    private static final PipelineId ID = PipelineId.of(UUID.randomUUID());
    private static final TenantId TENANT = TenantId.of("tiandi");

    private static Pipeline define(List<PipelineStage> stages) {
        return Pipeline.define(ID, TENANT, "Hardware", stages, CLOCK);
    }

    @Test
    void definesAPipelineWhoseFirstStageIsWhereOpportunitiesStart() {
        Pipeline p = define(Fixture.standardStages());

        assertThat(p.version()).isZero();
        assertThat(p.firstStage().code()).isEqualTo("QUALIFY");
        assertThat(p.stages()).extracting(PipelineStage::defaultProbability)
                .containsExactly(new BigDecimal("0.10"), new BigDecimal("0.40"), new BigDecimal("0.75"));
        assertThat(p.recordedEvents()).singleElement().isInstanceOfSatisfying(PipelineEvent.Defined.class,
                e -> assertThat(e.stages()).hasSize(3));
    }

    @Test
    void findsStagesByCodeInAnyCase() {
        Pipeline p = define(Fixture.standardStages());

        assertThat(p.stage(" proposal ")).map(PipelineStage::name).contains("Proposal");
        assertThat(p.stage("WON")).isEmpty();
        assertThatThrownBy(() -> p.requireStage("WON")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("stageCode: must be one of [QUALIFY, PROPOSAL, NEGOTIATE]");
    }

    @Test
    void probabilitiesNeedNotGrowFromStageToStage() {
        Pipeline p = define(List.of(PipelineStage.of("A", "Alpha", "0.60"), PipelineStage.of("B", "Beta", "0.20")));

        assertThat(p.stages()).hasSize(2);
    }

    @Test
    void refusesAPipelineWithoutStages() {
        assertThatThrownBy(() -> define(List.of())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("stages");
    }

    @Test
    void refusesDuplicateStageCodesAndNamesNamingTheStage() {
        assertThatThrownBy(() -> define(List.of(PipelineStage.of("A", "Alpha", "0.1"),
                PipelineStage.of("a", "Other", "0.2"))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("stages[1].code");
        assertThatThrownBy(() -> define(List.of(PipelineStage.of("A", "Alpha", "0.1"),
                PipelineStage.of("B", "ALPHA", "0.2"))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("stages[1].name");
    }

    @Test
    void refusesMoreThanFiftyStages() {
        List<PipelineStage> stages = new ArrayList<>();
        for (int i = 0; i <= Pipeline.MAX_STAGES; i++) {
            stages.add(PipelineStage.of("S" + i, "Stage " + i, "0.5"));
        }
        assertThatThrownBy(() -> define(stages)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("stages: must hold at most 50 stages");
    }

    @Test
    void refusesProbabilitiesOutsideZeroToOneOrFinerThanAPercent() {
        assertThatThrownBy(() -> PipelineStage.of("A", "Alpha", "1.01")).isInstanceOf(ValidationException.class)
                .hasMessage("defaultProbability: must be between 0 and 1 (was '1.01')");
        assertThatThrownBy(() -> PipelineStage.of("A", "Alpha", "-0.1")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("defaultProbability");
        assertThatThrownBy(() -> PipelineStage.of("A", "Alpha", "0.125")).isInstanceOf(ValidationException.class)
                .extracting("rule").asString().contains("at most 2 fraction digits");
        assertThatThrownBy(() -> PipelineStage.of("A", "Alpha", "ten")).isInstanceOf(ValidationException.class)
                .extracting("rule").isEqualTo("must be a decimal number");
        assertThat(PipelineStage.of("a", "Alpha", "0.5000").defaultProbability()).isEqualTo(new BigDecimal("0.50"));
    }

    @Test
    void refusesStageCodesWithSpacesOrPunctuation() {
        assertThatThrownBy(() -> PipelineStage.of("two words", "Alpha", "0.5"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("code");
        assertThatThrownBy(() -> PipelineStage.of("_x", "Alpha", "0.5"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("code");
    }

    @Test
    void survivesARoundTripThroughItsRecord() {
        Pipeline p = define(Fixture.standardStages());

        PipelineRecord record = p.toRecord();
        Pipeline restored = Pipeline.restore(record);

        assertThat(record.version()).isEqualTo(1);
        assertThat(restored.version()).isEqualTo(1);
        assertThat(restored.stages()).isEqualTo(p.stages());
        assertThat(restored.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123Z"));
        assertThat(restored.recordedEvents()).isEmpty();
        assertThat(restored.toRecord()).isEqualTo(new PipelineRecord(record.id(), record.tenant(), 2, record.name(),
                record.stages(), record.createdAt()));
    }
}
