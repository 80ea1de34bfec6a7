package org.crmkit.core.satisfaction.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ResponseAnswerRecord;
import org.crmkit.spi.service.SubjectRecord;
import org.crmkit.spi.service.SurveyResponseRecord;

/**
 * A customer's submitted answers to one published questionnaire revision (domain §7), linked to
 * the customer, to what was surveyed ({@link Subject}s) and to the channel it came in on.
 *
 * <p>Immutable once submitted: it has no verbs, and storage writes it once (version 1) and never
 * updates it. Thread-safe. Obtain responses through {@link Questionnaires}.
 *
 * @since 0.1
 */
public final class SurveyResponse {

    static final String AGGREGATE = "survey response";

    private final ResponseId id;
    private final TenantId tenant;
    private final long version;
    private final QuestionnaireId questionnaireId;
    private final String questionnaireKey;
    private final int revision;
    private final CustomerId customerId;
    private final List<Subject> subjects;
    private final Channel channel;
    private final Instant submittedAt;
    private final List<Answer> answers;

    private SurveyResponse(ResponseId id, TenantId tenant, long version, QuestionnaireId questionnaireId,
                           String questionnaireKey, int revision, CustomerId customerId, List<Subject> subjects,
                           Channel channel, Instant submittedAt, List<Answer> answers) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.questionnaireId = questionnaireId;
        this.questionnaireKey = questionnaireKey;
        this.revision = revision;
        this.customerId = customerId;
        this.subjects = List.copyOf(subjects);
        this.channel = channel;
        this.submittedAt = submittedAt;
        this.answers = List.copyOf(answers);
    }

    /**
     * Submits a response to a questionnaire revision, checked against it.
     *
     * @param questionnaire the revision the command names; not null
     * @return the response at version 0, not yet stored
     * @throws ValidationException naming the field: {@code questionnaireId} if the revision is not
     *                             published or is not the one the command names, {@code answers[i].question}
     *                             for an unknown or repeated question, {@code answers[i].score} (or
     *                             {@code expectation}, {@code perception}, {@code yes}, {@code text}) for
     *                             an answer off the question's scale, {@code answers} for a missing
     *                             required answer
     */
    static SurveyResponse submit(ResponseId id, TenantId tenant, Questionnaire questionnaire, SubmitResponse command,
                                 Instant at) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(questionnaire, "questionnaire must not be null");
        Objects.requireNonNull(command, "command must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (!questionnaire.id().equals(command.questionnaireId())) {
            throw new ValidationException("questionnaireId", "must name the questionnaire answered",
                    command.questionnaireId());
        }
        questionnaire.checkAnswers(command.answers());
        return new SurveyResponse(id, tenant, 0, questionnaire.id(), questionnaire.key(), questionnaire.revision(),
                command.customerId(), command.subjects(), command.channel(), at, command.answers());
    }

    /** Rebuilds a stored response. @throws ValidationException if the record breaks a rule of the model */
    public static SurveyResponse restore(SurveyResponseRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        return new SurveyResponse(ResponseId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                QuestionnaireId.of(r.questionnaireId()), r.questionnaireKey(), r.revision(),
                CustomerId.of(r.customerId()),
                r.subjects().stream().map(s -> Subject.parse(s.kind(), s.id())).toList(),
                Channel.parse(r.channel(), "channel"), r.submittedAt(),
                r.answers().stream().map(a -> new Answer(a.question(), a.score(), a.expectation(), a.perception(),
                        a.yes(), a.text())).toList());
    }

    /** @return the record of this response at version 1, for storing it once */
    public SurveyResponseRecord toRecord() {
        return new SurveyResponseRecord(id.value(), tenant.value(), 1, questionnaireId.value(), questionnaireKey,
                revision, customerId.value(),
                subjects.stream().map(s -> new SubjectRecord(s.kind().name(), s.id())).toList(), channel.name(),
                submittedAt, answers.stream().map(a -> new ResponseAnswerRecord(a.question(), a.score(),
                        a.expectation(), a.perception(), a.yes(), a.text())).toList());
    }

    /** @return the answer to the question with that code, if it was answered */
    public Optional<Answer> answer(String questionCode) {
        return answers.stream().filter(a -> a.question().equals(questionCode)).findFirst();
    }

    /** @return whether the response is about {@code subject} */
    public boolean isAbout(Subject subject) {
        return subjects.contains(subject);
    }

    /** @return the id */
    public ResponseId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version: 1 once stored, 0 before */
    public long version() {
        return version;
    }

    /** @return the questionnaire revision answered */
    public QuestionnaireId questionnaireId() {
        return questionnaireId;
    }

    /** @return that revision's key */
    public String questionnaireKey() {
        return questionnaireKey;
    }

    /** @return that revision's number */
    public int revision() {
        return revision;
    }

    /** @return the customer who answered */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return what it is about; unmodifiable, may be empty */
    public List<Subject> subjects() {
        return subjects;
    }

    /** @return the channel it came in on */
    public Channel channel() {
        return channel;
    }

    /** @return when it was submitted */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** @return the answers, in the order given; unmodifiable */
    public List<Answer> answers() {
        return answers;
    }

    @Override
    public String toString() {
        return "SurveyResponse[" + id + ", " + questionnaireKey + " r" + revision + ", " + customerId + "]";
    }

    /** @return the same response as stored, at version 1 */
    SurveyResponse stored() {
        return new SurveyResponse(id, tenant, 1, questionnaireId, questionnaireKey, revision, customerId, subjects,
                channel, submittedAt, answers);
    }
}
