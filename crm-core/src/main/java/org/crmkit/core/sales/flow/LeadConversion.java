package org.crmkit.core.sales.flow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.core.sales.LeadId;
import org.crmkit.core.sales.lead.CustomerMatch;
import org.crmkit.core.sales.lead.CustomerMatcher;
import org.crmkit.core.sales.lead.Lead;
import org.crmkit.core.sales.lead.LeadStatus;
import org.crmkit.core.sales.lead.Leads;
import org.crmkit.core.sales.lead.NoSuchLeadException;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.common.Channel;
import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.storage.CrmStorage;

/**
 * Converts qualified leads into a customer and an opportunity: one step of domain §9 that touches
 * three aggregates, done in one unit of work.
 *
 * <p>{@link #matches} offers the existing customers with the lead's normalised e-mail address,
 * phone number or organisation name; the caller then {@linkplain #convert converts} the lead,
 * choosing to link it to one of them or to register a new customer. Conversion writes the
 * customer (or an interaction on the linked customer's timeline), opens the opportunity in the
 * chosen pipeline, attributed to the lead's campaign, and records the lead as converted: all of it
 * commits together, or nothing does. A lead converts once: a second conversion is refused and
 * changes nothing. Events are published only after the commit.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LeadConversion {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final DomainEventListener publisher;
    private final Customers customers;
    private final Leads leads;
    private final Opportunities opportunities;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where leads, customers and opportunities are kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     * @param customers the customers of the same tenant and storage; not null
     */
    public LeadConversion(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                          DomainEventListener publisher, Customers customers) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.customers = Objects.requireNonNull(customers, "customers must not be null");
        if (!customers.tenant().equals(tenant)) {
            throw new IllegalArgumentException("customers must belong to tenant " + tenant + ", not "
                    + customers.tenant());
        }
        this.leads = new Leads(tenant, storage, clock, ids, publisher);
        this.opportunities = new Opportunities(tenant, storage, clock, ids, publisher);
    }

    /**
     * @param lead the lead; not null
     * @return the existing customers that match the lead, best first (most reasons, then by id);
     *         empty if none does
     * @throws NoSuchLeadException if this tenant has no such lead
     */
    public List<CustomerMatch> matches(LeadId lead) {
        Objects.requireNonNull(lead, "lead must not be null");
        return storage.inTransaction(tenant.value(), session -> CustomerMatcher.find(session,
                leads.findWithin(session, lead).orElseThrow(() -> new NoSuchLeadException(tenant, lead))));
    }

    /**
     * Converts the lead, atomically: the customer (registered or linked), the opportunity and the
     * converted lead are written together, or none of them is.
     *
     * @param command what to convert and how; not null
     * @return what the conversion made
     * @throws NoSuchLeadException     if this tenant has no such lead
     * @throws NoSuchCustomerException if the command links to a customer this tenant does not have
     * @throws IllegalTransitionException naming the lead, its id and its status if the lead is not
     *         qualified (for example, already converted), checked before anything else about the
     *         command; nothing changes
     * @throws org.crmkit.core.sales.opportunity.NoSuchPipelineException if the pipeline does not exist
     * @throws org.crmkit.spi.ValidationException naming the field, if part of the command breaks a rule
     */
    public Conversion convert(ConvertLead command) {
        Objects.requireNonNull(command, "command must not be null");
        List<DomainEvent> events = new ArrayList<>();
        Conversion conversion = storage.inTransaction(tenant.value(), session -> {
            events.clear();
            Lead lead = leads.findWithin(session, command.lead())
                    .orElseThrow(() -> new NoSuchLeadException(tenant, command.lead()));
            // Check the lead first: a lead that cannot convert (a second conversion above all) is
            // refused for what it is, before the customer or the opportunity is even looked at.
            if (!lead.status().canTransitionTo(LeadStatus.CONVERTED)) {
                throw new IllegalTransitionException("lead", lead.id().value(), lead.status().name(),
                        "to " + LeadStatus.CONVERTED);
            }
            List<CustomerMatch> offered = CustomerMatcher.find(session, lead);
            CustomerId customerId;
            boolean created;
            if (command.customer() instanceof CustomerChoice.LinkTo link) {
                customerId = link.customer();
                customers.findWithin(session, customerId)
                        .orElseThrow(() -> new NoSuchCustomerException(tenant, customerId));
                created = false;
            } else {
                Customer c = customers.registerWithin(session, lead.toRegisterCustomer(command.by()));
                customerId = c.id();
                created = true;
                events.addAll(c.recordedEvents());
            }
            Opportunity o = opportunities.openWithin(session, customerId,
                    command.owner() == null ? lead.owner() : command.owner(), command.opportunityName(),
                    command.amount(), command.expectedClose(), command.pipeline(), lead.campaignId().orElse(null),
                    lead.id());
            lead.convert(customerId, o.id(), command.by(), clock);
            session.records(LeadRecord.KIND).update(lead.toRecord());
            if (!created) {
                TimelineEntry entry = customers.recordInteractionWithin(session, customerId,
                        Interaction.now(Channel.IN_PERSON, command.by(), "Lead " + lead.id()
                                        + " converted: opportunity '" + command.opportunityName() + "' opened")
                                .inDepartment("sales"));
                // recordInteractionWithin keeps the customer's working copy to itself: announce the entry as
                // Customers#recordInteraction would.
                events.add(new CustomerEvent.InteractionRecorded(tenant, customerId, entry.occurredAt(), entry.id(),
                        entry.channel(), entry.staff(), entry.department()));
            }
            events.addAll(o.recordedEvents());
            events.addAll(lead.recordedEvents());
            return new Conversion(lead.id(), customerId, created, o.id(), offered);
        });
        events.forEach(publisher::on);
        return conversion;
    }
}
