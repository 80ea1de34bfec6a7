package org.crmkit.core.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.analytics.TransactionRecord;
import org.crmkit.spi.storage.RecordQuery;
import org.junit.jupiter.api.Test;

class PurchaseLedgerTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final Crm crm = Crm.inMemory(clock);
    private final PurchaseLedger ledger = crm.purchaseLedger("acme");
    private final CustomerId ann = register("acme", "Ann");
    private final CustomerId bob = register("acme", "Bob");

    private CustomerId register(String tenant, String name) {
        return crm.customers(tenant).register(RegisterCustomer.builder(CustomerType.B2C, name, "sam").build()).id();
    }

    private static PurchaseEntry entry(CustomerId c, String day, String amount, String key) {
        return PurchaseEntry.of(c, LocalDate.parse(day), Money.of(amount, "EUR"), key);
    }

    private long stored() {
        return crm.storage().inTransaction("acme", s -> s.records(TransactionRecord.KIND).count(RecordQuery.all()));
    }

    @Test
    void recordedPurchasesAreReadBackAsABatchKeyedByCustomerIdWithEveryColumn() {
        ledger.recordAll(List.of(
                entry(ann, "2026-01-05", "120.00", "pos:1").withMargin(Money.of("30.00", "EUR"))
                        .withProduct("chair", "furniture", "STORE"),
                entry(ann, "2026-02-01", "-20.00", "pos:2"),
                entry(bob, "2026-01-10", "7.5", "pos:3")));

        Transactions batch = ledger.read(EUR);

        assertThat(batch.size()).isEqualTo(3);
        assertThat(batch.customerIds()).containsExactlyInAnyOrder(ann.toString(), bob.toString());
        int a = batch.customerIds().indexOf(ann.toString());
        int first = batch.start(a);
        assertThat(batch.date(first)).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(batch.amount(first)).isEqualByComparingTo("120.00");
        assertThat(batch.margin(first)).contains(new BigDecimal("30.00"));
        assertThat(batch.product(first)).contains("chair");
        assertThat(batch.category(first)).contains("furniture");
        assertThat(batch.channel(first)).contains("STORE");
        assertThat(batch.amount(first + 1)).isEqualByComparingTo("-20.00");
        assertThat(batch.summaries()).hasSize(2);
    }

    @Test
    void anEntryTheAnalyticsCannotHoldIsRefusedSoThatOneRecordCannotBreakEveryRead() {
        // 10^20 EUR does not fit in 64-bit cents, and LocalDate.MAX is beyond the batch's int day column:
        // stored, either made read(EUR) fail for the whole tenant ever after
        assertThatThrownBy(() -> entry(ann, "2026-01-05", "100000000000000000000.00", "pos:big"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> entry(ann, "2026-01-05", "1.00", "pos:m").withMargin(
                Money.of("100000000000000000000.00", "EUR")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("margin"));
        assertThatThrownBy(() -> PurchaseEntry.of(ann, LocalDate.MAX, Money.of("1.00", "EUR"), "pos:late"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("day"));
        ledger.record(entry(ann, "2026-01-05", "9999999999999999.99", "pos:largest"));
        assertThat(ledger.read(EUR).size()).isEqualTo(1);
    }

    @Test
    void theSameSourceKeyIsRecordedOnceEvenWithinOneCall() {
        PurchaseEntry e = entry(ann, "2026-01-05", "10.00", "pos:1");

        assertThat(ledger.recordAll(List.of(e, e))).isEqualTo(new LedgerPosting(1, 1));
        assertThat(ledger.record(e)).isFalse();
        assertThat(ledger.recordAll(List.of(e, entry(bob, "2026-01-05", "3.00", "pos:2"))))
                .isEqualTo(new LedgerPosting(1, 1));
        assertThat(stored()).isEqualTo(2);
        assertThat(ledger.find("pos:1")).contains(e);
    }

    @Test
    void aSourceKeyRecordedForAnotherPurchaseIsRefusedAndTheWholeCallWritesNothing() {
        ledger.record(entry(ann, "2026-01-05", "10.00", "pos:1"));

        assertThatThrownBy(() -> ledger.recordAll(List.of(entry(bob, "2026-01-06", "5.00", "pos:2"),
                entry(ann, "2026-01-05", "10.01", "pos:1"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("sourceKey");
                    assertThat(e.getMessage()).contains("already recorded for another purchase");
                });
        assertThat(stored()).isEqualTo(1);
        assertThat(ledger.find("pos:2")).isEmpty();
    }

    @Test
    void aCustomerOfAnotherTenantIsRefused() {
        CustomerId stranger = register("other", "Eve");

        assertThatThrownBy(() -> ledger.record(entry(stranger, "2026-01-05", "10.00", "pos:1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("customer"));
        assertThatThrownBy(() -> ledger.record(entry(CustomerId.of(UUID.randomUUID()), "2026-01-05", "1.00", "x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("customer"));
        assertThat(stored()).isZero();
    }

    @Test
    void theSameSourceKeyInTwoTenantsIsTwoPurchasesAndEachTenantReadsOnlyItsOwn() {
        CustomerId eve = register("other", "Eve");
        PurchaseLedger other = crm.purchaseLedger("other");

        assertThat(ledger.record(entry(ann, "2026-01-05", "10.00", "pos:1"))).isTrue();
        assertThat(other.record(entry(eve, "2026-01-05", "99.00", "pos:1"))).isTrue();

        assertThat(ledger.read(EUR).customerIds()).containsExactly(ann.toString());
        assertThat(other.read(EUR).customerIds()).containsExactly(eve.toString());
    }

    @Test
    void aBatchHoldsOneCurrencyAndTheOthersAreCounted() {
        ledger.recordAll(List.of(entry(ann, "2026-01-05", "10.00", "a"),
                PurchaseEntry.of(ann, LocalDate.of(2026, 1, 6), Money.of("1200", "JPY"), "b"),
                PurchaseEntry.of(bob, LocalDate.of(2026, 1, 7), Money.of("300", "JPY"), "c")));

        assertThat(ledger.read(EUR).size()).isEqualTo(1);
        assertThat(ledger.read(Currency.getInstance("JPY")).size()).isEqualTo(2);
        assertThat(ledger.count()).containsExactly(Map.entry("JPY", 2L), Map.entry("EUR", 1L));
    }

    @Test
    void aDateRangeIncludesBothEndsAndCrossesMonthsAndYears() {
        ledger.recordAll(List.of(
                entry(ann, "2025-12-14", "1.00", "before"),
                entry(ann, "2025-12-15", "2.00", "first-day"),
                entry(ann, "2026-01-31", "3.00", "january"),
                entry(bob, "2026-02-10", "4.00", "last-day"),
                entry(bob, "2026-02-11", "5.00", "after")));

        Transactions range = ledger.read(EUR, LocalDate.of(2025, 12, 15), LocalDate.of(2026, 2, 10));

        assertThat(range.size()).isEqualTo(3);
        assertThat(range.stream().map(t -> t.amount().toPlainString()))
                .containsExactlyInAnyOrder("2.00", "3.00", "4.00");
        assertThatThrownBy(() -> ledger.read(EUR, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 9)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void aCustomersEntriesComeBackByDayInEveryCurrency() {
        PurchaseEntry late = entry(ann, "2026-02-01", "2.00", "z");
        PurchaseEntry early = PurchaseEntry.of(ann, LocalDate.of(2026, 1, 1), Money.of("100", "JPY"), "y");
        ledger.recordAll(List.of(late, early, entry(bob, "2026-01-15", "1.00", "x")));

        assertThat(ledger.entriesOf(ann)).containsExactly(early, late);
    }

    @Test
    void entriesAreValidatedNamingTheField() {
        assertThatThrownBy(() -> entry(ann, "2026-01-01", "1.00", " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("sourceKey"));
        assertThatThrownBy(() -> entry(ann, "2026-01-01", "1.00", "k").withMargin(Money.of("1", "JPY")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("margin"));
        assertThatThrownBy(() -> entry(ann, "2026-01-01", "1.00", "k".repeat(401)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("sourceKey"));
        assertThat(entry(ann, "2026-01-01", "1.00", "k").withProduct(" ", "", null).product()).isNull();
    }
}
