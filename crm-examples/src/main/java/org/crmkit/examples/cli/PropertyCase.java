package org.crmkit.examples.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.Organisation;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.satisfaction.SatisfactionSurvey;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.core.satisfaction.questionnaire.Answer;
import org.crmkit.core.satisfaction.questionnaire.Measure;
import org.crmkit.core.satisfaction.questionnaire.Question;
import org.crmkit.core.satisfaction.questionnaire.QuestionScale;
import org.crmkit.core.satisfaction.questionnaire.Questionnaire;
import org.crmkit.core.satisfaction.questionnaire.Questionnaires;
import org.crmkit.core.satisfaction.questionnaire.ResponseSelection;
import org.crmkit.core.satisfaction.questionnaire.SubmitResponse;
import org.crmkit.core.satisfaction.questionnaire.SurveyResponse;
import org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore;
import org.crmkit.core.satisfaction.scoring.NetPromoterScore;
import org.crmkit.core.satisfaction.scoring.ServiceQualityCriterion;
import org.crmkit.core.satisfaction.scoring.Servqual;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderOrigin;
import org.crmkit.core.service.WorkOrderPriority;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The property management case of domain §14: the owners and the tenants of a residential estate
 * are the customers, the owners' committee is an organised channel between them and the company,
 * and the quality of the service is judged on the ten criteria of domain §7 (SERVQUAL).
 */
final class PropertyCase extends CaseExample {

    static final String NAME = "property";
    static final String TENANT = "case-property";
    static final String CURRENCY = "CNY";

    private static final StaffId ESTATE_MANAGER = StaffId.of("estate.manager");
    private static final StaffId SERVICE_DESK = StaffId.of("service.desk");
    private static final StaffId PLUMBER = StaffId.of("plumber.wu");
    private static final StaffId ELECTRICIAN = StaffId.of("electrician.lin");

    /** The ten criteria of domain §7, each with the item residents rated. */
    private static final Map<ServiceQualityCriterion, String> ITEMS = items();

    /**
     * Expectation and perception (1 to 7) of four residents, per criterion in the order of
     * {@link ServiceQualityCriterion}: {e1, p1, e2, p2, e3, p3, e4, p4}. Invented for the case.
     */
    private static final int[][] RATINGS = {
            {6, 5, 6, 6, 5, 5, 6, 5},   // tangibles
            {7, 4, 7, 5, 6, 4, 7, 5},   // reliability
            {7, 3, 6, 4, 7, 4, 6, 3},   // responsiveness
            {6, 5, 6, 5, 6, 6, 5, 5},   // competence
            {6, 6, 5, 6, 6, 5, 6, 6},   // courtesy
            {6, 4, 7, 4, 6, 5, 6, 4},   // credibility
            {7, 6, 7, 6, 7, 5, 6, 6},   // security
            {6, 4, 6, 5, 6, 3, 5, 4},   // access
            {6, 3, 6, 4, 5, 4, 6, 3},   // communication
            {5, 4, 5, 5, 5, 4, 5, 4}};  // understanding the customer

    /** The key of the stored survey definition. */
    private static final String SURVEY_KEY = "service-quality";

    /** Answers of eight residents to "would you recommend ...?", 0 to 10. Invented for the case. */
    private static final List<Integer> RECOMMEND = List.of(9, 10, 7, 6, 8, 9, 4, 10);

    private final Map<String, Customer> residents = new LinkedHashMap<>();
    private Customer committee;
    private final List<WorkOrder> workOrders = new ArrayList<>();
    private CustomerSatisfactionScore csat;
    private Servqual servqual;
    private NetPromoterScore nps;

    PropertyCase() {
        super(NAME, "A property management company",
                "The company manages Garden Court, an estate of 320 flats: the owners and their tenants are its"
                        + " customers, and the owners' committee speaks for the owners.",
                TENANT, CURRENCY, InMemoryProductCatalog.empty(), List.of("§14", "§2", "§7", "§10"));
    }

    private static String code(ServiceQualityCriterion c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    private static Map<ServiceQualityCriterion, String> items() {
        Map<ServiceQualityCriterion, String> m = new LinkedHashMap<>();
        m.put(ServiceQualityCriterion.TANGIBLES, "The lobby, gardens and lifts are clean and well kept");
        m.put(ServiceQualityCriterion.RELIABILITY, "Repairs are done right the first time");
        m.put(ServiceQualityCriterion.RESPONSIVENESS, "Staff come quickly when called");
        m.put(ServiceQualityCriterion.COMPETENCE, "Technicians know how to fix the problem");
        m.put(ServiceQualityCriterion.COURTESY, "Staff are polite to residents");
        m.put(ServiceQualityCriterion.CREDIBILITY, "The service charge is explained honestly");
        m.put(ServiceQualityCriterion.SECURITY, "Residents feel safe: gates, guards and cameras");
        m.put(ServiceQualityCriterion.ACCESS, "The service desk is easy to reach, also at night");
        m.put(ServiceQualityCriterion.COMMUNICATION, "Notices of works come in time and are clear");
        m.put(ServiceQualityCriterion.UNDERSTANDING_THE_CUSTOMER, "Staff know the residents and their needs");
        return m;
    }

    @Override
    protected List<Runnable> steps() {
        return List.of(this::residents, this::ownersCommittee, this::repairs, this::servqual, this::recommend);
    }

    // ------------------------------------------------------------------ residents

    private void residents() {
        Customers customers = crm.customers(TENANT);
        clock.at(0, "09:00");
        resident(customers, "Liu Yang", "owner", "3-1202", "liu.yang@example.cn", "+86 138 2100 0001");
        resident(customers, "Sun Mei", "owner", "5-0801", "sun.mei@example.cn", "+86 138 2100 0002");
        resident(customers, "Peter Brown", "tenant", "3-1202", "peter.brown@example.com", "+86 138 2100 0003");
        resident(customers, "Gao Lin", "tenant", "5-0801", "gao.lin@example.cn", "+86 138 2100 0004");

        ObjectNode e = trace.step("residents", "Owners and tenants are the customers", clock.instant());
        ArrayNode a = e.putArray("residents");
        for (Customer c : residents.values()) {
            ObjectNode n = a.addObject();
            n.put("customerId", c.id().toString());
            n.put("name", c.name());
            n.put("type", c.type().name());
            n.put("role", attribute(c, "role"));
            n.put("unit", attribute(c, "unit"));
            trace.say(c.name() + ", " + attribute(c, "role") + " of flat " + attribute(c, "unit") + " (" + c.type()
                    + " customer; Customers.register, recordAttribute).");
        }
    }

    private void resident(Customers customers, String name, String role, String unit, String email, String phone) {
        Customer c = customers.register(RegisterCustomer.builder(CustomerType.B2C, name, ESTATE_MANAGER.value())
                .email(email).phone(phone).build());
        c = customers.change(c.id(), x -> {
            x.recordAttribute(AttributeCategory.EXTERNAL, "role", AttributeValue.of(role));
            x.recordAttribute(AttributeCategory.EXTERNAL, "unit", AttributeValue.of(unit));
        });
        clock.advance(Duration.ofMinutes(10));
        residents.put(name, c);
    }

    private static String attribute(Customer c, String name) {
        return c.attribute(AttributeCategory.EXTERNAL, name).map(AttributeValue::canonical).orElse(null);
    }

    // ------------------------------------------------------------------ owners' committee

    private void ownersCommittee() {
        Customers customers = crm.customers(TENANT);
        clock.at(1, "10:00");
        committee = customers.register(RegisterCustomer.builder(CustomerType.CHANNEL, "Garden Court Owners' Committee",
                        ESTATE_MANAGER.value())
                .organisation(new Organisation("Garden Court Owners' Committee", null, null,
                        "homeowners' association", null))
                .email("committee@garden-court.example")
                .relationshipLevel(RelationshipLevel.PARTNERSHIP)
                .build());
        committee = customers.change(committee.id(), x -> x.recordAttribute(AttributeCategory.EXTERNAL,
                "representsFlats", AttributeValue.of(320)));
        clock.at(7, "19:00");
        customers.recordInteraction(committee.id(), new Interaction(null, Channel.IN_PERSON, ESTATE_MANAGER,
                "management", "Monthly meeting: the committee passed on 14 owners' complaints about slow lift repairs",
                "lift maintenance contract to be reviewed"));
        clock.at(9, "11:00");
        customers.recordInteraction(committee.id(), new Interaction(null, Channel.LETTER, ESTATE_MANAGER,
                "management", "Letter to the committee: the new lift contract promises a technician within 2 hours",
                "committee informs the owners"));
        committee = customers.get(committee.id());

        ObjectNode e = trace.step("owners_committee", "The owners' committee: an organised channel", clock.instant());
        e.put("customerId", committee.id().toString());
        e.put("name", committee.name());
        e.put("type", committee.type().name());
        e.put("relationshipLevel", committee.relationshipLevel().name());
        e.put("representsFlats", committee.attribute(AttributeCategory.EXTERNAL, "representsFlats")
                .map(AttributeValue::canonical).orElse(null));
        e.put("timelineEntries", customers.timeline(committee.id()).size());
        trace.say(committee.name() + " is a " + committee.type() + " customer (an organised channel that speaks for"
                + " the owners of " + attribute(committee, "representsFlats") + " flats), at relationship level "
                + committee.relationshipLevel() + " (Customers.register with CustomerType.CHANNEL).");
        trace.say("The monthly meeting and the answering letter are on its timeline, "
                + customers.timeline(committee.id()).size() + " entries (Customers.recordInteraction).");
    }

    // ------------------------------------------------------------------ repairs

    private void repairs() {
        ServiceDesk desk = crm.serviceDesk(TENANT);
        Surveys surveys = crm.surveys(TENANT);
        clock.at(10, "07:40");
        workOrders.add(repair(desk, "Gao Lin", "Water leaking from the bathroom ceiling", WorkOrderPriority.HIGH,
                PLUMBER, "leaking pipe in flat 5-0901 replaced"));
        clock.at(11, "18:30");
        workOrders.add(repair(desk, "Liu Yang", "Lift in building 3 stops between floors", WorkOrderPriority.HIGH,
                ELECTRICIAN, "door sensor replaced; lift company informed"));
        clock.at(12, "09:15");
        workOrders.add(repair(desk, "Peter Brown", "Entrance card does not open the garage", WorkOrderPriority.NORMAL,
                ELECTRICIAN, "card re-registered"));
        int[] scores = {5, 2, 4};
        List<Integer> answers = new ArrayList<>();
        clock.at(13, "10:00");
        List<SatisfactionSurvey> answered = new ArrayList<>();
        for (int i = 0; i < workOrders.size(); i++) {
            SatisfactionSurvey s = surveys.sendAfterService(workOrders.get(i).id(), Channel.SMS);
            clock.advance(Duration.ofHours(2));
            s = surveys.answer(s.id(), scores[i], null);
            answered.add(s);
            answers.add(s.answer().orElseThrow().score());
        }
        csat = CustomerSatisfactionScore.of(answers);

        ObjectNode e = trace.step("repairs", "Repairs by work order, each followed by a survey", clock.instant());
        ArrayNode a = e.putArray("workOrders");
        for (int i = 0; i < workOrders.size(); i++) {
            WorkOrder w = workOrders.get(i);
            ObjectNode n = a.addObject();
            n.put("id", w.id().toString());
            n.put("subject", w.subject());
            n.put("priority", w.priority().name());
            n.put("assignee", w.assignee().map(StaffId::value).orElse(null));
            n.put("status", w.status().name());
            n.put("score", answered.get(i).answer().orElseThrow().score());
            trace.say("\"" + w.subject() + "\" (" + w.priority() + "), " + w.status() + " by "
                    + w.assignee().map(StaffId::value).orElse("-") + "; the resident rated it "
                    + answered.get(i).answer().orElseThrow().score() + "/5 (ServiceDesk, Surveys.sendAfterService).");
        }
        e.put("csat", csat.csat());
        trace.say("CSAT " + csat.satisfied() + " of " + csat.responses() + " = "
                + String.format(Locale.ROOT, "%.1f", csat.csat()) + "% (CustomerSatisfactionScore).");
    }

    private WorkOrder repair(ServiceDesk desk, String resident, String subject, WorkOrderPriority priority,
                             StaffId technician, String resolution) {
        WorkOrder w = desk.openWorkOrder(residents.get(resident).id(), WorkOrderOrigin.CALL, subject, null, priority,
                SERVICE_DESK);
        desk.assign(w.id(), technician, SERVICE_DESK);
        clock.advance(Duration.ofMinutes(50));
        desk.start(w.id(), technician);
        clock.advance(Duration.ofHours(2));
        desk.resolve(w.id(), technician, resolution);
        clock.advance(Duration.ofHours(1));
        return desk.close(w.id(), SERVICE_DESK);
    }

    // ------------------------------------------------------------------ SERVQUAL

    private void servqual() {
        Questionnaires questionnaires = crm.questionnaires(TENANT);
        clock.at(20, "09:00");
        List<Question> questions = new ArrayList<>();
        ServiceQualityCriterion[] criteria = ServiceQualityCriterion.values();
        for (ServiceQualityCriterion c : criteria) {
            questions.add(Question.required(code(c), ITEMS.get(c), QuestionScale.SERVQUAL_1_7, Measure.of(c)));
        }
        Questionnaire definition = questionnaires.draft(SURVEY_KEY, "Garden Court: what you expect and what you get",
                questions);
        definition = questionnaires.publish(definition.id());
        List<String> respondents = List.copyOf(residents.keySet());
        for (int r = 0; r < respondents.size(); r++) {
            clock.advance(Duration.ofMinutes(40));
            List<Answer> answers = new ArrayList<>();
            for (int c = 0; c < criteria.length; c++) {
                answers.add(Answer.pair(code(criteria[c]), RATINGS[c][2 * r], RATINGS[c][2 * r + 1]));
            }
            questionnaires.submit(new SubmitResponse(definition.id(), residents.get(respondents.get(r)).id(),
                    List.of(), Channel.WEB, answers));
        }
        clock.at(20, "12:00");
        ResponseSelection selection = ResponseSelection.all().questionnaire(SURVEY_KEY);
        List<SurveyResponse> stored = questionnaires.responses(selection);
        int responses = stored.size();
        int ratings = stored.stream().mapToInt(x -> x.answers().size()).sum();
        servqual = questionnaires.servqual(selection).orElseThrow();

        ObjectNode e = trace.step("servqual", "Service quality on the ten criteria (SERVQUAL)", clock.instant());
        e.put("respondents", respondents.size());
        e.put("ratings", ratings);
        e.put("questionnaire", definition.key());
        e.put("revision", definition.revision());
        e.put("questionnaireStatus", definition.status().name());
        e.put("responses", responses);
        trace.say("The survey \"" + definition.title() + "\" (" + definition.key() + ", revision "
                + definition.revision() + ", " + definition.status() + ") asks one SERVQUAL question for each of the"
                + " ten criteria of domain §7 (Questionnaires.draft, publish).");
        trace.say(responses + " residents answered it on the web, expectation and perception from 1 to 7; the"
                + " library scored the stored responses (Questionnaires.submit, servqual):");
        ArrayNode cs = e.putArray("criteria");
        for (Servqual.CriterionGap g : servqual.criteria()) {
            ObjectNode n = cs.addObject();
            n.put("criterion", g.criterion().name());
            n.put("dimension", g.criterion().dimension().name());
            n.put("item", ITEMS.get(g.criterion()));
            n.put("expectation", g.expectation());
            n.put("perception", g.perception());
            n.put("gap", g.gap());
            trace.say(String.format(Locale.ROOT, "  %-27s E %.2f  P %.2f  gap %+.2f", g.criterion().displayName(),
                    g.expectation(), g.perception(), g.gap()));
        }
        ArrayNode ds = e.putArray("dimensions");
        for (Servqual.DimensionGap g : servqual.dimensions()) {
            ObjectNode n = ds.addObject();
            n.put("dimension", g.dimension().name());
            n.put("expectation", g.expectation());
            n.put("perception", g.perception());
            n.put("gap", g.gap());
        }
        trace.say("Folded into SERVQUAL's five dimensions: " + servqual.dimensions().stream()
                .map(g -> String.format(Locale.ROOT, "%s %+.2f", g.dimension().displayName(), g.gap()))
                .collect(Collectors.joining(", ")) + "; overall gap "
                + String.format(Locale.ROOT, "%+.2f", servqual.overallGap()) + ".");
        Servqual.CriterionGap worst = worst();
        e.put("overallGap", servqual.overallGap());
        e.put("largestGapCriterion", worst.criterion().name());
        trace.say("The largest gap is " + worst.criterion().displayName() + " ("
                + String.format(Locale.ROOT, "%+.2f", worst.gap()) + "): the committee's complaint about slow"
                + " repairs shows in the figures.");
    }

    private Servqual.CriterionGap worst() {
        return servqual.criteria().stream().min(Comparator.comparingDouble(Servqual.CriterionGap::gap)).orElseThrow();
    }

    // ------------------------------------------------------------------ recommend

    private void recommend() {
        clock.at(20, "12:30");
        nps = NetPromoterScore.of(RECOMMEND);
        ObjectNode e = trace.step("recommend", "Would residents recommend the company? (NPS)", clock.instant());
        ArrayNode a = e.putArray("answers");
        RECOMMEND.forEach(a::add);
        e.put("promoters", nps.promoters());
        e.put("passives", nps.passives());
        e.put("detractors", nps.detractors());
        e.put("nps", nps.nps());
        trace.say(nps.responses() + " residents answered 0 to 10: " + nps.promoters() + " promoters, " + nps.passives()
                + " passives, " + nps.detractors() + " detractors; NPS " + String.format(Locale.ROOT, "%+.1f", nps.nps())
                + " (NetPromoterScore.of).");
    }

    // ------------------------------------------------------------------ figures

    @Override
    protected void figures() {
        ObjectNode f = trace.figures();
        f.put("residents", residents.size());
        f.put("committeeType", committee.type().name());
        f.put("csat", csat.csat());
        f.put("servqualOverallGap", servqual.overallGap());
        f.put("largestGapCriterion", worst().criterion().name());
        f.put("largestGap", worst().gap());
        f.put("nps", nps.nps());
        trace.sayFigure(residents.size() + " residents and the owners' committee (" + committee.type()
                + ") on the books.");
        trace.sayFigure(String.format(Locale.ROOT, "CSAT after repairs %.1f%%; SERVQUAL overall gap %+.2f, largest on"
                + " %s (%+.2f); NPS %+.1f.", csat.csat(), servqual.overallGap(), worst().criterion().displayName(),
                worst().gap(), nps.nps()));
    }
}
