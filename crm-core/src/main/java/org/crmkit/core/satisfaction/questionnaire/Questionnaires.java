package org.crmkit.core.satisfaction.questionnaire;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore;
import org.crmkit.core.satisfaction.scoring.ExpectationPerception;
import org.crmkit.core.satisfaction.scoring.NetPromoterScore;
import org.crmkit.core.satisfaction.scoring.Servqual;
import org.crmkit.core.satisfaction.scoring.ServqualWeights;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.QuestionnaireRecord;
import org.crmkit.spi.service.SurveyResponseRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;

/**
 * Survey definitions, responses, scores and trends of one tenant (domain §7).
 *
 * <p>A questionnaire has a key and numbered revisions. A revision is drafted, published (it then
 * accepts responses, and the key's revision published before it is retired in the same unit of
 * work) and retired. A published revision never changes; {@link #revise} drafts the next one.
 * Responses are checked against the revision they answer, written once and never changed.
 * Scores of stored responses are computed by the classes of
 * {@code org.crmkit.core.satisfaction.scoring} (see {@link Metric}); {@link #trends()} buckets them
 * by period.
 *
 * <p>A revision's id is derived from the tenant, the key and the revision number, so two units of
 * work that draft the same revision at once cannot both store it: the second fails with
 * {@link org.crmkit.spi.storage.DuplicateRecordException}. Responses and events get ids from the
 * {@link IdGenerator}.
 *
 * <p>Every method is one unit of work confined to the tenant; events are published only after the
 * commit. Changes use optimistic locking ({@link StaleWriteException}). Thread-safe.
 *
 * @since 0.1
 */
public final class Questionnaires {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;

    /**
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where everything is kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     */
    public Questionnaires(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                          DomainEventListener publisher) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    // ------------------------------------------------------------------ definitions

    /**
     * Drafts revision 1 of a new questionnaire.
     *
     * @param key       the new key (see {@link Questionnaire#draft}); not used by the tenant yet
     * @param title     not blank
     * @param questions the questions; codes unique; may be empty while a draft
     * @return the stored draft, version 1
     * @throws ValidationException on {@code key} if the tenant has a questionnaire with that key, or
     *                             naming the field that breaks a rule; nothing is stored
     */
    public Questionnaire draft(String key, String title, List<Question> questions) {
        QuestionnaireId id = revisionId(key, 1);
        Instant now = clock.instant();
        Questionnaire q = Questionnaire.draft(id, tenant, key, 1, title, questions, now);
        Questionnaire stored = storage.inTransaction(tenant.value(), s -> {
            if (!revisions(s, key).isEmpty()) {
                throw new ValidationException("key", "must not name an existing questionnaire of tenant '" + tenant
                        + "'; draft its next revision with revise", key);
            }
            s.records(QuestionnaireRecord.KIND).insert(q.toRecord());
            return q;
        });
        return committed(List.of(stored)).get(0);
    }

    /**
     * Drafts the next revision of a questionnaire, copying the title and questions of {@code from}.
     *
     * @param from any revision of the questionnaire; not null
     * @return the stored draft, numbered one more than the key's highest revision
     * @throws ValidationException on {@code questionnaireId} if the tenant has no such revision, or the
     *                             key has a draft already; nothing is stored
     */
    public Questionnaire revise(QuestionnaireId from) {
        Objects.requireNonNull(from, "from must not be null");
        Instant now = clock.instant();
        Questionnaire draft = storage.inTransaction(tenant.value(), s -> {
            Questionnaire source = require(s, from);
            List<Questionnaire> all = revisions(s, source.key());
            Optional<Questionnaire> open = all.stream()
                    .filter(q -> q.status() == QuestionnaireStatus.DRAFT).findFirst();
            if (open.isPresent()) {
                throw new ValidationException("questionnaireId", "must belong to a questionnaire without a draft; '"
                        + source.key() + "' has draft revision " + open.get().revision(), from);
            }
            int next = all.stream().mapToInt(Questionnaire::revision).max().orElse(0) + 1;
            Questionnaire q = Questionnaire.draft(revisionId(source.key(), next), tenant, source.key(), next,
                    source.title(), source.questions(), now);
            s.records(QuestionnaireRecord.KIND).insert(q.toRecord());
            return q;
        });
        return committed(List.of(draft)).get(0);
    }

    /**
     * Replaces a draft's title and questions.
     *
     * @throws IllegalTransitionException if it is not a draft; nothing is written
     * @throws ValidationException        naming the field that breaks a rule; nothing is written
     */
    public Questionnaire change(QuestionnaireId id, String title, List<Question> questions) {
        Instant now = clock.instant();
        return change(id, q -> q.change(title, questions, now));
    }

    /**
     * Publishes a draft. The revision of the same key published before it, if any, is retired in
     * the same unit of work, so a key has at most one published revision.
     *
     * @return the published revision
     * @throws IllegalTransitionException if it is not a draft; nothing is written
     * @throws ValidationException        on {@code questions} if it has none; nothing is written
     */
    public Questionnaire publish(QuestionnaireId id) {
        Objects.requireNonNull(id, "id must not be null");
        Instant now = clock.instant();
        List<Questionnaire> changed = storage.inTransaction(tenant.value(), s -> {
            Questionnaire q = require(s, id);
            q.publish(now);
            List<Questionnaire> out = new ArrayList<>();
            out.add(q);
            for (Questionnaire other : revisions(s, q.key())) {
                if (other.status() == QuestionnaireStatus.PUBLISHED && !other.id().equals(id)) {
                    other.retire(now);
                    out.add(other);
                }
            }
            for (Questionnaire c : out) {
                s.records(QuestionnaireRecord.KIND).update(c.toRecord());
            }
            return out;
        });
        return committed(changed).get(0);
    }

    /**
     * Retires a revision: it accepts no more responses; its responses stay and are scored.
     *
     * @throws IllegalTransitionException if it is retired already; nothing is written
     */
    public Questionnaire retire(QuestionnaireId id) {
        Instant now = clock.instant();
        return change(id, q -> q.retire(now));
    }

    /** @return the revision with that id in this tenant, or empty */
    public Optional<Questionnaire> find(QuestionnaireId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> load(s, id));
    }

    /**
     * @return the revision with that id
     * @throws ValidationException on {@code questionnaireId} if the tenant has no such revision
     */
    public Questionnaire get(QuestionnaireId id) {
        return find(id).orElseThrow(() -> Stores.notFound("questionnaireId", "a questionnaire", tenant, id));
    }

    /** @return every revision of a key, by revision number; empty if the key is unknown */
    public List<Questionnaire> revisions(String key) {
        Objects.requireNonNull(key, "key must not be null");
        return storage.inTransaction(tenant.value(), s -> revisions(s, key));
    }

    /** @return the published revision of a key, if it has one */
    public Optional<Questionnaire> published(String key) {
        return revisions(key).stream().filter(q -> q.status() == QuestionnaireStatus.PUBLISHED).findFirst();
    }

    // ------------------------------------------------------------------ responses

    /**
     * Submits a customer's response to a published revision. Nothing is stored unless every check holds.
     *
     * @return the stored response, version 1
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     * @throws ValidationException     on {@code questionnaireId} if the tenant has no such revision or it is
     *                                 a draft or retired; on {@code answers[i].question} for an answer to an
     *                                 unknown question or a second answer to one; on {@code answers[i].score}
     *                                 ({@code .expectation}, {@code .perception}, {@code .yes}, {@code .text})
     *                                 for an answer off the question's scale; on {@code answers} for a
     *                                 missing required answer
     */
    public SurveyResponse submit(SubmitResponse command) {
        Objects.requireNonNull(command, "command must not be null");
        ResponseId id = new ResponseId(ids.next());
        Instant now = clock.instant();
        SurveyResponse response = storage.inTransaction(tenant.value(), s -> {
            Questionnaire q = require(s, command.questionnaireId());
            SurveyResponse r = SurveyResponse.submit(id, tenant, q, command, now);
            if (s.customers().find(command.customerId().value()).isEmpty()) {
                throw new NoSuchCustomerException(tenant, command.customerId());
            }
            s.records(SurveyResponseRecord.KIND).insert(r.toRecord());
            return r;
        });
        publisher.on(new QuestionnaireEvent.ResponseSubmitted(tenant, response.id(), response.submittedAt(),
                response.questionnaireId(), response.customerId(), response.subjects(), response.channel(),
                response.answers().size()));
        return response.stored();
    }

    /** @return the response with that id in this tenant, or empty */
    public Optional<SurveyResponse> findResponse(ResponseId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> s.records(SurveyResponseRecord.KIND).find(id.value())
                .map(r -> Stores.restore(r, SurveyResponse::restore, SurveyResponse.AGGREGATE)));
    }

    /**
     * @return the response with that id
     * @throws ValidationException on {@code responseId} if the tenant has no such response
     */
    public SurveyResponse getResponse(ResponseId id) {
        return findResponse(id).orElseThrow(() -> Stores.notFound("responseId", "a survey response", tenant, id));
    }

    /** @return the selected responses, in id order (for time-ordered ids, the order submitted) */
    public List<SurveyResponse> responses(ResponseSelection selection) {
        return read(selection).responses();
    }

    // ------------------------------------------------------------------ scores

    /**
     * Scores the selected responses.
     *
     * @return the score, or empty when no selected response answered a question that feeds the metric
     */
    public <S> Optional<S> score(Metric<S> metric, ResponseSelection selection) {
        Objects.requireNonNull(metric, "metric must not be null");
        Selected selected = read(selection);
        return metric.score(ScoreInputs.of(selected.responses(), selected.definitions()));
    }

    /** @return the CSAT of the selected responses' CSAT answers, or empty when there are none */
    public Optional<CustomerSatisfactionScore> csat(ResponseSelection selection) {
        return score(Metric.CSAT, selection);
    }

    /** @return the NPS of the selected responses' recommendation answers, or empty when there are none */
    public Optional<NetPromoterScore> nps(ResponseSelection selection) {
        return score(Metric.NPS, selection);
    }

    /** @return perception minus expectation of the selected responses' pairs, or empty when there are none */
    public Optional<ExpectationPerception> expectationPerception(ResponseSelection selection) {
        return score(Metric.EXPECTATION_PERCEPTION, selection);
    }

    /** @return the SERVQUAL gaps of the selected responses, or empty when none rated a dimension or criterion */
    public Optional<Servqual> servqual(ResponseSelection selection) {
        return score(Metric.SERVQUAL, selection);
    }

    /**
     * @return the SERVQUAL gaps with the weighted gap, or empty when none rated a dimension or criterion
     * @throws ValidationException on {@code weights} when no dimension rated has a weight
     */
    public Optional<Servqual> servqual(ResponseSelection selection, ServqualWeights weights) {
        return score(Metric.servqual(weights), selection);
    }

    /** @return trends of this tenant's scores, with days in UTC */
    public SatisfactionTrends trends() {
        return new SatisfactionTrends(this, ZoneOffset.UTC);
    }

    /** @return trends of this tenant's scores, with days in {@code zone} */
    public SatisfactionTrends trends(ZoneId zone) {
        return new SatisfactionTrends(this, zone);
    }

    // ------------------------------------------------------------------ internals

    /** Selected responses and the revisions they answered. */
    record Selected(List<SurveyResponse> responses, Map<QuestionnaireId, Questionnaire> definitions) {
    }

    /** Reads the selected responses and their revisions in one unit of work. */
    Selected read(ResponseSelection selection) {
        Objects.requireNonNull(selection, "selection must not be null");
        return storage.inTransaction(tenant.value(), s -> {
            List<SurveyResponse> responses = Stores.all(s.records(SurveyResponseRecord.KIND), selection.query())
                    .stream().map(r -> Stores.restore(r, SurveyResponse::restore, SurveyResponse.AGGREGATE))
                    .filter(selection::matches).toList();
            Map<QuestionnaireId, Questionnaire> definitions = new HashMap<>();
            for (SurveyResponse r : responses) {
                definitions.computeIfAbsent(r.questionnaireId(), id -> load(s, id).orElseThrow(() ->
                        new StorageException("survey response " + r.id()
                                + " answers questionnaire " + id + ", which is not stored", null)));
            }
            return new Selected(responses, Map.copyOf(definitions));
        });
    }

    /**
     * The id of a key's revision, derived from tenant, key and number (a name-based UUID), so that two
     * units of work drafting the same revision at once cannot both store it: the second insert fails.
     */
    private QuestionnaireId revisionId(String key, int revision) {
        String name = "questionnaire/" + tenant.value() + "/" + key + "/" + revision;
        return QuestionnaireId.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    private Questionnaire change(QuestionnaireId id, Consumer<Questionnaire> verb) {
        Objects.requireNonNull(id, "id must not be null");
        Questionnaire changed = storage.inTransaction(tenant.value(), s -> {
            Questionnaire q = require(s, id);
            verb.accept(q);
            if (q.hasChanges()) {
                s.records(QuestionnaireRecord.KIND).update(q.toRecord());
            }
            return q;
        });
        return committed(List.of(changed)).get(0);
    }

    private List<Questionnaire> revisions(StorageSession s, String key) {
        return Stores.all(s.records(QuestionnaireRecord.KIND), RecordQuery.all().where("key", key)).stream()
                .map(r -> Stores.restore(r, Questionnaire::restore, Questionnaire.AGGREGATE))
                .sorted(Comparator.comparingInt(Questionnaire::revision)).toList();
    }

    private Questionnaire require(StorageSession s, QuestionnaireId id) {
        return load(s, id).orElseThrow(() -> Stores.notFound("questionnaireId", "a questionnaire", tenant, id));
    }

    private Optional<Questionnaire> load(StorageSession s, QuestionnaireId id) {
        return s.records(QuestionnaireRecord.KIND).find(id.value())
                .map(r -> Stores.restore(r, Questionnaire::restore, Questionnaire.AGGREGATE));
    }

    private List<Questionnaire> committed(List<Questionnaire> changed) {
        List<QuestionnaireEvent> events = new ArrayList<>();
        for (Questionnaire q : changed) {
            events.addAll(q.recordedEvents());
            if (q.hasChanges()) {
                q.markStored();
            }
        }
        events.forEach(publisher::on);
        return changed;
    }
}
