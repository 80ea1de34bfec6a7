package org.crmkit.core.satisfaction.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** A {@link Subject} whose id does not fit its kind is refused on {@code subject}, whatever the kind. */
class SubjectTest {

    @Test
    void aStaffSubjectWhoseIdIsNoValidStaffIdIsRefusedOnSubject() {
        String tooLongForAStaffId = "a".repeat(65);
        assertThatThrownBy(() -> new Subject(SubjectKind.STAFF, tooLongForAStaffId))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    }

    @Test
    void aStoredStaffSubjectWithABadIdIsRefusedOnSubjectToo() {
        assertThatThrownBy(() -> Subject.parse("STAFF", "b".repeat(65)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    }

    @Test
    void aValidStaffIdIsKeptAsGiven() {
        assertThat(new Subject(SubjectKind.STAFF, "agent-7").id()).isEqualTo("agent-7");
    }
}
