package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.core.service.complaint.Complaint;
import org.crmkit.core.service.complaint.ComplaintCategory;
import org.crmkit.core.service.complaint.ComplaintEvent;
import org.crmkit.core.service.complaint.ComplaintPolicy;
import org.crmkit.core.service.complaint.ComplaintStatus;
import org.crmkit.core.service.complaint.ComplaintWorkOrder;
import org.crmkit.core.service.complaint.Complaints;
import org.crmkit.core.service.complaint.ExpectedRemedy;
import org.crmkit.core.service.complaint.ReceiveComplaint;
import org.crmkit.core.service.WorkOrderEvent;
import org.junit.jupiter.api.Test;

/** {@code crm.complaints(tenant)} and {@code crm.knowledgeBaseReport(tenant)}: the six steps end to end. */
class CrmComplaintsWiringTest {
    private static final StaffId AGENT = StaffId.of("agent-7");

    private final TestClock clock = TestClock.at("2026-06-01T08:00:00Z");
    private final List<DomainEvent> events = new ArrayList<>();
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).listener(events::add).build();

    @Test
    void theSixStepsRunThroughTheCrmAndPublishOneEventPerStepAfterCommit() {
        CustomerId li = crm.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, "Li", "sam").build())
                .id();
        Complaints complaints = crm.complaints("acme");
        assertThat(complaints.tenant().value()).isEqualTo("acme");
        assertThat(complaints.policy()).isEqualTo(ComplaintPolicy.defaults());

        Complaint c = complaints.receive(ReceiveComplaint.of(li, Channel.PHONE, ComplaintCategory.DELIVERY,
                "Came late, box crushed.", AGENT));
        clock.advance(Duration.ofMinutes(5));
        complaints.recordExpectation(c.id(), ExpectedRemedy.REPLACEMENT, "A new, undamaged one", AGENT);
        ComplaintWorkOrder both = complaints.openWorkOrder(c.id(), "Replace crushed item", WorkOrderPriority.HIGH, AGENT);
        clock.advance(Duration.ofHours(3));
        complaints.answer(c.id(), "A new one goes out today by courier.", AGENT);
        clock.advance(Duration.ofDays(2));
        complaints.followUp(c.id(), 5, "Very kind", null);
        Complaint closed = complaints.close(c.id(), AGENT);

        assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.timeToAnswer()).contains(Duration.ofMinutes(185));
        assertThat(crm.serviceDesk("acme").getWorkOrder(both.workOrder().id()).customerId()).isEqualTo(li);
        assertThat(events.stream().filter(ComplaintEvent.class::isInstance).map(e -> e.getClass().getSimpleName()))
                .containsExactly("Received", "ExpectationRecorded", "ActionTaken", "Answered", "FollowedUp", "Closed");
        assertThat(events).filteredOn(WorkOrderEvent.Opened.class::isInstance).hasSize(1);
        assertThat(complaints.summary(li)).satisfies(s -> {
            assertThat(s.open()).isZero();
            assertThat(s.total()).isEqualTo(1);
            assertThat(s.last()).isEqualTo(Optional.of(c.receivedAt()));
        });
        assertThat(crm.complaints("globex").find(c.id())).isEmpty();
        assertThat(crm.knowledgeBaseReport("acme").deflection().overall().offered()).isZero();
    }
}
