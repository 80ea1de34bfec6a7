package org.crmkit.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.ContactDecision;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.customer.Purpose;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.core.customer.TimelineKind;
import org.crmkit.core.memory.InMemoryChannel;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.channel.ChannelException;
import org.crmkit.spi.channel.ChannelType;
import org.crmkit.spi.channel.DeliveryStatus;
import org.junit.jupiter.api.Test;

class MessagingTest {
    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final InMemoryChannel channel = InMemoryChannel.create(clock);
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).channel(channel).build();
    private final Customers customers = crm.customers("acme");
    private final Messaging messaging = crm.messaging("acme");
    private static final StaffId MARKETER = StaffId.of("marketing-bot");

    private Customer li() {
        return customers.register(RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice")
                .email("li.wei@example.com").phone("+8613812345678").build());
    }

    private SendMessage newsletter(Customer c, Channel on) {
        return new SendMessage(c.id(), on, Purpose.MARKETING, "Spring offers", "20% off air conditioners", MARKETER);
    }

    @Test
    void withoutConsentNothingIsSentAndTheRefusalIsOnTheTimeline() {
        Customer li = li();
        SendResult result = messaging.send(newsletter(li, Channel.EMAIL));
        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(ContactDecision.Reason.NO_CONSENT));
        assertThat(channel.sent()).isEmpty();
        TimelineEntry last = customers.timeline(li.id()).get(customers.timeline(li.id()).size() - 1);
        assertThat(last.kind()).isEqualTo(TimelineKind.MESSAGE_REFUSED);
        assertThat(last.outcome()).isEqualTo("NO_CONSENT");
        assertThat(last.staff()).isEqualTo(MARKETER);
    }

    @Test
    void withConsentTheMessageGoesToThePrimaryAddressAndIsRecorded() {
        Customer li = li();
        customers.change(li.id(), c -> c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "web form 17"));
        SendResult result = messaging.send(newsletter(li, Channel.EMAIL));
        assertThat(result.sent()).isTrue();
        SendResult.Sent sent = (SendResult.Sent) result;
        assertThat(sent.receipt().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.address()).isEqualTo("li.wei@example.com");
            assertThat(m.channel()).isEqualTo(ChannelType.EMAIL);
            assertThat(m.purpose()).isEqualTo("MARKETING");
            assertThat(m.messageId()).isEqualTo(sent.messageId());
        });
        assertThat(customers.timeline(li.id())).extracting(TimelineEntry::kind).endsWith(TimelineKind.MESSAGE_SENT);
    }

    @Test
    void aWithdrawnConsentStopsTheNextMessage() {
        Customer li = li();
        customers.change(li.id(), c -> c.grantConsent(Channel.SMS, Purpose.MARKETING, "shop counter"));
        assertThat(messaging.send(newsletter(li, Channel.SMS)).sent()).isTrue();
        customers.change(li.id(), c -> c.withdrawConsent(Channel.SMS, Purpose.MARKETING, "replied STOP"));
        SendResult second = messaging.send(newsletter(li, Channel.SMS));
        assertThat(second).isInstanceOfSatisfying(SendResult.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(ContactDecision.Reason.CONSENT_WITHDRAWN));
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void consentForOnePurposeDoesNotCoverAnother() {
        Customer li = li();
        customers.change(li.id(), c -> c.grantConsent(Channel.EMAIL, Purpose.SERVICE, "contract clause 4"));
        assertThat(messaging.send(newsletter(li, Channel.EMAIL)).sent()).isFalse();
        assertThat(messaging.send(new SendMessage(li.id(), Channel.EMAIL, Purpose.SERVICE, "Your repair",
                "The technician comes on Monday", MARKETER)).sent()).isTrue();
    }

    @Test
    void aChannelWithNoRegisteredProviderIsAConfigurationError() {
        Crm smsOnly = Crm.builder().storage(InMemoryStorage.create()).clock(clock)
                .channel(InMemoryChannel.create(clock, java.util.Set.of(ChannelType.SMS))).build();
        Customer c = smsOnly.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, "X", "alice")
                .email("x@example.com").build());
        assertThatThrownBy(() -> smsOnly.messaging("acme").send(newsletter(c, Channel.EMAIL)))
                .isInstanceOf(ChannelException.class).hasMessageContaining("no MessageChannel is registered for EMAIL");
    }

    @Test
    void sendingToAnUnknownCustomerIsRefused() {
        Customer li = li();
        assertThatThrownBy(() -> crm.messaging("globex").send(newsletter(li, Channel.EMAIL)))
                .isInstanceOf(NoSuchCustomerException.class);
    }

    @Test
    void anOverlongSubjectIsRefusedBeforeAnythingIsSent() {
        Customer li = li();
        customers.change(li.id(), c -> c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "web form 17"));
        long version = customers.get(li.id()).version();
        assertThatThrownBy(() -> messaging.send(new SendMessage(li.id(), Channel.EMAIL, Purpose.MARKETING,
                "x".repeat(SendMessage.MAX_SUBJECT + 1), "body", MARKETER)))
                .isInstanceOf(org.crmkit.spi.ValidationException.class).hasMessageStartingWith("subject: must be at most");
        assertThat(channel.sent()).isEmpty();
        assertThat(customers.get(li.id()).version()).isEqualTo(version);
    }

    @Test
    void aStorageFailureAfterSendingIsReportedInTheResultNotThrown() {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        InMemoryStorage memory = InMemoryStorage.create();
        org.crmkit.spi.storage.CrmStorage failingAfterSend = new org.crmkit.spi.storage.CrmStorage() {
            @Override
            public <T> T inTransaction(String tenant, java.util.function.Function<org.crmkit.spi.storage.StorageSession, T> work) {
                if (broken.get()) {
                    throw new org.crmkit.spi.storage.StorageException("database went away", "08006", null);
                }
                return memory.inTransaction(tenant, work);
            }
        };
        org.crmkit.spi.channel.MessageChannel breakingChannel = new org.crmkit.spi.channel.MessageChannel() {
            @Override
            public java.util.Set<ChannelType> supportedTypes() {
                return channel.supportedTypes();
            }

            @Override
            public org.crmkit.spi.channel.DeliveryReceipt send(org.crmkit.spi.channel.OutboundMessage message) {
                org.crmkit.spi.channel.DeliveryReceipt receipt = channel.send(message);
                broken.set(true);
                return receipt;
            }
        };
        Crm fragile = Crm.builder().storage(failingAfterSend).clock(clock).channel(breakingChannel).build();
        Customers fragileCustomers = fragile.customers("acme");
        Customer li = fragileCustomers.register(RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice")
                .email("li.wei@example.com").build());
        fragileCustomers.change(li.id(), c -> c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "web form 17"));

        SendResult result = fragile.messaging("acme").send(newsletter(li, Channel.EMAIL));

        assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class, sent -> {
            assertThat(sent.recorded()).isFalse();
            assertThat(sent.receipt().status()).isEqualTo(DeliveryStatus.DELIVERED);
        });
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void aSentMessageIsRecordedWithoutANewVersion() {
        Customer li = li();
        Customer consented = customers.change(li.id(), c -> c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "form"));
        SendResult result = messaging.send(newsletter(li, Channel.EMAIL));
        assertThat(((SendResult.Sent) result).recorded()).isTrue();
        assertThat(customers.get(li.id()).version()).isEqualTo(consented.version());
    }
}
