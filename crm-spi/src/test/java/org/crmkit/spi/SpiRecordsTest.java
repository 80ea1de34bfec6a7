package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.OwnershipRecord;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.StaleWriteException;
import org.junit.jupiter.api.Test;

class SpiRecordsTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05.123456789Z");

    private static CustomerRecord record(String tenant, long version, List<ContactPointRecord> points) {
        return new CustomerRecord(UUID.randomUUID(), tenant, version, "B2C", "Li", null, "BASIC", "EXPLORATION", "s1",
                points, List.of(), List.of(), List.of(), List.of(new OwnershipRecord("s1", T, null, "s1", null)), T, T);
    }

    @Test
    void recordsTruncateInstantsToMicroseconds() {
        assertThat(record("acme", 1, List.of()).createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    @Test
    void recordsCopyTheirListsSoLaterChangesDoNotLeakIn() {
        List<ContactPointRecord> points = new ArrayList<>(List.of(new ContactPointRecord("EMAIL", "a@b.cn", null, true)));
        CustomerRecord r = record("acme", 1, points);
        points.clear();
        assertThat(r.contactPoints()).hasSize(1);
        assertThatThrownBy(() -> r.contactPoints().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidRecordsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> record("acme corp", 1, List.of()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("tenant");
        assertThatThrownBy(() -> record("acme", 0, List.of()))
                .isInstanceOf(ValidationException.class).hasMessage("version: must be at least 1 (was '0')");
        assertThatThrownBy(() -> new ContactPointRecord("FAX", "1", null, false))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("contactPoint.kind");
        assertThatThrownBy(() -> PageRequest.first(0))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("size");
        assertThatThrownBy(() -> CustomerQuery.all().withEmail(" "))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("email");
    }

    @Test
    void aStaleWriteIsAValidationErrorOnTheVersion() {
        UUID id = UUID.randomUUID();
        StaleWriteException e = new StaleWriteException("customer", id, 3, 4);
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(e.field()).isEqualTo("version");
        assertThat(e.getMessage()).contains("customer " + id).contains("expected stored version 3 but found 4");
        assertThat(new StaleWriteException("customer", id, 3, 0).getMessage()).contains("does not exist");
    }
}
