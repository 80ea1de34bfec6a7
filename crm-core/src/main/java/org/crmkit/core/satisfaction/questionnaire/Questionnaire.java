package org.crmkit.core.satisfaction.questionnaire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.QuestionRecord;
import org.crmkit.spi.service.QuestionnaireRecord;

/**
 * One revision of a survey definition (domain §7: surveys on the website and after each service):
 * a key shared by all revisions, a revision number, a title and the questions, each with its
 * {@link QuestionScale scale} and the {@link Measure} it feeds.
 *
 * <p>Its {@link QuestionnaireStatus} moves {@code DRAFT → PUBLISHED → RETIRED} (a draft may also be
 * retired). Only a draft's questions may change, and only a published revision accepts responses;
 * a refused move throws {@link IllegalTransitionException} and changes nothing. To change a
 * published questionnaire, draft its next revision ({@link Questionnaires#revise}).
 *
 * <p>Not thread-safe: a working copy for one unit of work. Obtain revisions through {@link Questionnaires}.
 *
 * @since 0.1
 */
public final class Questionnaire {

    static final String AGGREGATE = "questionnaire";

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final QuestionnaireId id;
    private final TenantId tenant;
    private long version;
    private final String key;
    private final int revision;
    private String title;
    private QuestionnaireStatus status;
    private List<Question> questions;
    private final Instant createdAt;
    private Instant publishedAt;
    private Instant retiredAt;
    private final List<QuestionnaireEvent> events = new ArrayList<>();

    private Questionnaire(QuestionnaireId id, TenantId tenant, long version, String key, int revision, String title,
                          QuestionnaireStatus status, List<Question> questions, Instant createdAt,
                          Instant publishedAt, Instant retiredAt) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.key = key;
        this.revision = revision;
        this.title = title;
        this.status = status;
        this.questions = questions;
        this.createdAt = createdAt;
        this.publishedAt = publishedAt;
        this.retiredAt = retiredAt;
    }

    /**
     * A new draft revision.
     *
     * @param key       the questionnaire's key: lower-case letters, digits, {@code _} or {@code -}, starting
     *                  with a letter or digit, at most 64 characters
     * @param revision  at least 1
     * @param title     not blank, at most 200 characters
     * @param questions the questions in the order asked; codes unique; may be empty while a draft
     * @throws ValidationException naming the field ({@code questions[i].code} and so on) that breaks a rule
     */
    public static Questionnaire draft(QuestionnaireId id, TenantId tenant, String key, int revision, String title,
                                      List<Question> questions, Instant at) {
        notNull(id, "questionnaireId");
        notNull(tenant, "tenant");
        notNull(at, "at");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ValidationException("key", "must be lower-case letters, digits, '_' or '-', starting with a "
                    + "letter or digit, at most 64 characters", key);
        }
        if (revision < 1) {
            throw new ValidationException("revision", "must be at least 1", revision);
        }
        Questionnaire q = new Questionnaire(id, tenant, 0, key, revision, checkTitle(title), QuestionnaireStatus.DRAFT,
                checkQuestions(questions), at, null, null);
        q.events.add(new QuestionnaireEvent.Drafted(tenant, id, at, key, revision));
        return q;
    }

    /** Rebuilds a stored revision. @throws ValidationException if the record breaks a rule of the model */
    public static Questionnaire restore(QuestionnaireRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        QuestionnaireStatus status = Enums.parse(QuestionnaireStatus.class, r.status(), "status");
        if ((status == QuestionnaireStatus.DRAFT) == (r.publishedAt() != null) && status != QuestionnaireStatus.RETIRED) {
            throw new ValidationException("publishedAt", "must be set exactly when published", r.publishedAt());
        }
        if ((status == QuestionnaireStatus.RETIRED) != (r.retiredAt() != null)) {
            throw new ValidationException("retiredAt", "must be set exactly when retired", r.retiredAt());
        }
        List<Question> questions = new ArrayList<>();
        for (QuestionRecord qr : r.questions()) {
            questions.add(new Question(qr.code(), qr.text(), Enums.parse(QuestionScale.class, qr.scale(), "scale"),
                    Measure.parse(qr.measure(), qr.measureName()), qr.required()));
        }
        Questionnaire q = draft(QuestionnaireId.of(r.id()), TenantId.of(r.tenant()), r.key(), r.revision(), r.title(),
                questions, r.createdAt());
        q.events.clear();
        q.version = r.version();
        q.status = status;
        q.publishedAt = r.publishedAt();
        q.retiredAt = r.retiredAt();
        return q;
    }

    /** @return the record of this revision at its next version, for storing */
    public QuestionnaireRecord toRecord() {
        return new QuestionnaireRecord(id.value(), tenant.value(), version + 1, key, revision, title, status.name(),
                questions.stream().map(q -> new QuestionRecord(q.code(), q.text(), q.scale().name(),
                        q.measure().kind().name(), q.measure().name().orElse(null), q.required())).toList(),
                createdAt, publishedAt, retiredAt);
    }

    /**
     * Replaces a draft's title and questions.
     *
     * @throws IllegalTransitionException if it is not a draft; nothing changes
     * @throws ValidationException        naming the field that breaks a rule; nothing changes
     */
    public void change(String newTitle, List<Question> newQuestions, Instant at) {
        notNull(at, "at");
        if (status != QuestionnaireStatus.DRAFT) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                    "change questions (only a DRAFT may change; draft the next revision instead)");
        }
        String t = checkTitle(newTitle);
        List<Question> qs = checkQuestions(newQuestions);
        title = t;
        questions = qs;
        events.add(new QuestionnaireEvent.Changed(tenant, id, at, qs.size()));
    }

    /**
     * Publishes the draft: {@code DRAFT → PUBLISHED}; it accepts responses from now on.
     *
     * @throws IllegalTransitionException if it is not a draft
     * @throws ValidationException        on {@code questions} if it has none
     */
    public void publish(Instant at) {
        notNull(at, "at");
        check(QuestionnaireStatus.PUBLISHED, "publish");
        if (questions.isEmpty()) {
            throw new ValidationException("questions", "must not be empty to publish");
        }
        status = QuestionnaireStatus.PUBLISHED;
        publishedAt = at;
        events.add(new QuestionnaireEvent.Published(tenant, id, at, key, revision));
    }

    /**
     * Retires the revision: it accepts no more responses; those it has stay.
     *
     * @throws IllegalTransitionException if it is retired already
     */
    public void retire(Instant at) {
        notNull(at, "at");
        check(QuestionnaireStatus.RETIRED, "retire");
        status = QuestionnaireStatus.RETIRED;
        retiredAt = at;
        events.add(new QuestionnaireEvent.Retired(tenant, id, at, key, revision));
    }

    /**
     * Checks a response's answers against this revision: it must be published; every answer must name
     * one of its questions, once, and fit that question's scale; every required question must be answered.
     *
     * @throws ValidationException on {@code questionnaireId} if it is not published, on
     *                             {@code answers[i].question}, {@code answers[i].score} (and so on) for
     *                             a wrong answer, on {@code answers} for a missing required answer
     */
    void checkAnswers(List<Answer> answers) {
        if (status != QuestionnaireStatus.PUBLISHED) {
            throw new ValidationException("questionnaireId", "must name a PUBLISHED questionnaire; revision "
                    + revision + " of '" + key + "' is " + status, id);
        }
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            String prefix = "answers[" + i + "].";
            Question q = question(a.question()).orElseThrow(() -> new ValidationException(prefix + "question",
                    "must name a question of '" + key + "' revision " + revision, a.question()));
            if (!answered.add(q.code())) {
                throw new ValidationException(prefix + "question", "must not answer a question twice", q.code());
            }
            try {
                q.check(a);
            } catch (ValidationException e) {
                throw e.withFieldPrefix(prefix);
            }
        }
        for (Question q : questions) {
            if (q.required() && !answered.contains(q.code())) {
                throw new ValidationException("answers", "must answer required question '" + q.code() + "'",
                        q.code());
            }
        }
    }

    /** @return the question with that code, if there is one */
    public Optional<Question> question(String code) {
        return questions.stream().filter(q -> q.code().equals(code)).findFirst();
    }

    /** @return the id */
    public QuestionnaireId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version, 0 before it is first stored */
    public long version() {
        return version;
    }

    /** @return the key shared by all revisions */
    public String key() {
        return key;
    }

    /** @return the revision number, from 1 */
    public int revision() {
        return revision;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the current state */
    public QuestionnaireStatus status() {
        return status;
    }

    /** @return the questions in the order asked; unmodifiable */
    public List<Question> questions() {
        return questions;
    }

    /** @return when it was drafted */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was published, if it was */
    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    /** @return when it was retired, if it was */
    public Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<QuestionnaireEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "Questionnaire[" + key + " r" + revision + ", " + status + ", v" + version + "]";
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private void check(QuestionnaireStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                    move + " (allowed: " + status.successors() + ")");
        }
    }

    private static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new ValidationException("title", "must not be blank", title);
        }
        if (title.length() > 200) {
            throw new ValidationException("title", "must be at most 200 characters", title.length());
        }
        return title;
    }

    private static List<Question> checkQuestions(List<Question> questions) {
        notNull(questions, "questions");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = notNull(questions.get(i), "questions[" + i + "]");
            if (!codes.add(q.code())) {
                throw new ValidationException("questions[" + i + "].code", "must be unique in the questionnaire",
                        q.code());
            }
        }
        return List.copyOf(questions);
    }

    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }
}
