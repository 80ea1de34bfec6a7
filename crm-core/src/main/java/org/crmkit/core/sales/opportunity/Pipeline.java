package org.crmkit.core.sales.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.PipelineRecord;
import org.crmkit.spi.sales.PipelineStageRecord;

/**
 * A sales pipeline: an ordered list of stages an opportunity moves through, each with a default
 * win probability. A tenant may have several pipelines (one per product line or sales channel,
 * say). Winning and losing are not stages: they are an opportunity's {@link OpportunityStatus}.
 *
 * <p>Stage codes and stage names are unique in a pipeline (names compared ignoring case);
 * probabilities need not grow from stage to stage. A pipeline does not change once defined, so
 * instances are immutable and thread-safe (apart from {@link #recordedEvents()}, which only the
 * factory fills).
 *
 * @since 0.1
 */
public final class Pipeline {

    /** The most stages a pipeline may have. */
    public static final int MAX_STAGES = 50;

    private final PipelineId id;
    private final TenantId tenant;
    private final long version;
    private final String name;
    private final List<PipelineStage> stages;
    private final Instant createdAt;
    private final List<PipelineEvent> events;

    private Pipeline(PipelineId id, TenantId tenant, long version, String name, List<PipelineStage> stages,
                     Instant createdAt, List<PipelineEvent> events) {
        this.id = Texts.notNull(id, "pipelineId");
        this.tenant = Texts.notNull(tenant, "tenant");
        this.version = version;
        this.name = Texts.required(name, "name", 200);
        this.stages = checkStages(stages);
        this.createdAt = Texts.notNull(createdAt, "createdAt");
        this.events = List.copyOf(events);
    }

    /**
     * Defines a new pipeline and records {@link PipelineEvent.Defined}. It is not stored yet (its
     * version is 0; {@link #toRecord()} gives version 1).
     *
     * @param id     the new pipeline's id; not null
     * @param tenant its tenant; not null
     * @param name   its name; not blank, at most 200 characters
     * @param stages its stages in order; 1 to {@value #MAX_STAGES}, codes and names unique
     * @param clock  the source of time; not null
     * @return the pipeline
     * @throws ValidationException naming the field, for example {@code stages[2].name}
     */
    public static Pipeline define(PipelineId id, TenantId tenant, String name, List<PipelineStage> stages,
                                  Clock clock) {
        Texts.notNull(clock, "clock");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Pipeline draft = new Pipeline(id, tenant, 0, name, stages, now, List.of());
        return new Pipeline(id, tenant, 0, draft.name, draft.stages, now,
                List.of(new PipelineEvent.Defined(tenant, id, now, draft.name, draft.stages)));
    }

    /**
     * Rebuilds a stored pipeline.
     *
     * @param record the stored pipeline; not null
     * @return the pipeline at the record's version, with no recorded events
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static Pipeline restore(PipelineRecord record) {
        Objects.requireNonNull(record, "record must not be null");
        List<PipelineStage> stages = new ArrayList<>();
        for (PipelineStageRecord s : record.stages()) {
            stages.add(new PipelineStage(s.code(), s.name(), s.defaultProbability()));
        }
        return new Pipeline(PipelineId.of(record.id()), TenantId.of(record.tenant()), record.version(), record.name(),
                stages, record.createdAt(), List.of());
    }

    /** @return the record to store: this pipeline at its next version (1 for a new pipeline) */
    public PipelineRecord toRecord() {
        return new PipelineRecord(id.value(), tenant.value(), version + 1, name, stages.stream()
                .map(s -> new PipelineStageRecord(s.code(), s.name(), s.defaultProbability())).toList(), createdAt);
    }

    private static List<PipelineStage> checkStages(List<PipelineStage> stages) {
        Texts.notNull(stages, "stages");
        if (stages.isEmpty()) {
            throw new ValidationException("stages", "must hold at least one stage");
        }
        if (stages.size() > MAX_STAGES) {
            throw new ValidationException("stages", "must hold at most " + MAX_STAGES + " stages", stages.size());
        }
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            PipelineStage s = stages.get(i);
            if (s == null) {
                throw new ValidationException("stages[" + i + "]", "must not be null");
            }
            if (!codes.add(s.code())) {
                throw new ValidationException("stages[" + i + "].code", "must be unique in the pipeline", s.code());
            }
            if (!names.add(s.name().toLowerCase(Locale.ROOT))) {
                throw new ValidationException("stages[" + i + "].name", "must be unique in the pipeline", s.name());
            }
        }
        return List.copyOf(stages);
    }

    /** @return the id */
    public PipelineId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version; 0 if not stored yet */
    public long version() {
        return version;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the stages in order; unmodifiable, never empty */
    public List<PipelineStage> stages() {
        return stages;
    }

    /** @return the stage new opportunities start in */
    public PipelineStage firstStage() {
        return stages.get(0);
    }

    /**
     * @param code a stage code, in any case; may be null
     * @return the stage with that code, or empty
     */
    public Optional<PipelineStage> stage(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        return stages.stream().filter(s -> s.code().equals(c)).findFirst();
    }

    /**
     * @param code a stage code, in any case
     * @return the stage with that code
     * @throws ValidationException on {@code stageCode} if the pipeline has no such stage
     */
    public PipelineStage requireStage(String code) {
        return stage(code).orElseThrow(() -> new ValidationException("stageCode", "must be one of "
                + stages.stream().map(PipelineStage::code).toList() + " of pipeline '" + name + "'", code));
    }

    /** @return when it was defined */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the events recorded since this instance was made; unmodifiable */
    public List<PipelineEvent> recordedEvents() {
        return events;
    }

    @Override
    public String toString() {
        return "Pipeline[" + id + ", " + name + ", " + stages.stream().map(PipelineStage::code).toList() + "]";
    }
}
