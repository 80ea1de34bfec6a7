package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the customer's value types and of the mapping to storage records. */
class ValuePropertiesTest {

    @Test
    void parsingAnyTextEitherRefusesItWithAValidationErrorOrYieldsAFixedPoint() {
        qt().withExamples(2000).withFixedSeed(7L)
                .forAll(strings().allPossible().ofLengthBetween(0, 40))
                .checkAssert(text -> {
                    try {
                        EmailAddress e = EmailAddress.parse(text);
                        assertThat(EmailAddress.parse(e.value())).isEqualTo(e);
                    } catch (ValidationException expected) {
                        assertThat(expected.field()).isEqualTo("email");
                    }
                    try {
                        PhoneNumber p = PhoneNumber.parse(text);
                        assertThat(PhoneNumber.parse(p.value())).isEqualTo(p);
                    } catch (ValidationException expected) {
                        assertThat(expected.field()).isEqualTo("phone");
                    }
                });
    }

    @Test
    void wellFormedAddressesSurviveNormalisationWithTheirDomainLowerCased() {
        Gen<String> word = strings().basicLatinAlphabet().ofLengthBetween(1, 12)
                .map(s -> s.replaceAll("[^A-Za-z0-9]", "x"));
        qt().withExamples(500).withFixedSeed(11L)
                .forAll(word, word, word)
                .checkAssert((local, host, tld) -> {
                    EmailAddress e = EmailAddress.parse("  " + local + "@" + host + "." + tld + " ");
                    assertThat(e.localPart()).isEqualTo(local);
                    assertThat(e.domain()).isEqualTo((host + "." + tld).toLowerCase(java.util.Locale.ROOT));
                });
    }

    @Test
    void phoneNumbersAreTheSameWhateverTheSeparatorsTyped() {
        qt().withExamples(500).withFixedSeed(13L)
                .forAll(strings().numericBetween(1_000_000, 999_999_999), integers().between(1, 999),
                        arbitrary().pick(" ", "-", ".", "", "  "))
                .checkAssert((national, country, sep) -> {
                    PhoneNumber plain = PhoneNumber.parse("+" + country + national);
                    String spaced = "+" + country + sep + national.substring(0, 3) + sep + national.substring(3);
                    assertThat(PhoneNumber.parse(spaced)).isEqualTo(plain);
                    assertThat(PhoneNumber.parse("00" + country + national)).isEqualTo(plain);
                });
    }

    @Test
    void attributeValuesSurviveTheirCanonicalForm() {
        qt().withExamples(500).withFixedSeed(17L)
                .forAll(integers().all(), integers().between(0, 6), strings().allPossible().ofLengthBetween(0, 30))
                .checkAssert((n, scale, text) -> {
                    List<AttributeValue> values = List.of(AttributeValue.of(BigDecimal.valueOf(n, scale)),
                            AttributeValue.of(text), AttributeValue.of(n % 2 == 0),
                            AttributeValue.of(java.time.LocalDate.ofEpochDay(n % 100_000)),
                            AttributeValue.of(Instant.ofEpochSecond(n, Math.abs(n % 1_000_000) * 1000L)));
                    for (AttributeValue v : values) {
                        assertThat(AttributeValue.parse(v.typeCode(), v.canonical())).isEqualTo(v);
                    }
                });
    }

    @Test
    void aCustomerMapsToItsStorageRecordAndBackUnchanged() {
        qt().withExamples(200).withFixedSeed(19L)
                .forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 15))
                .checkAssert(codes -> {
                    CustomerState state = randomState(codes);
                    assertThat(CustomerMapper.INSTANCE.toState(CustomerMapper.INSTANCE.toRecord(state)))
                            .isEqualTo(state);
                });
    }

    private static CustomerState randomState(List<Integer> codes) {
        Instant t0 = Instant.parse("2025-06-01T08:00:00.123456Z");
        List<ContactPoint> points = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        List<Consent> consents = new ArrayList<>();
        List<OwnerAssignment> owners = new ArrayList<>();
        Instant from = t0;
        for (int i = 0; i < codes.size(); i++) {
            int c = codes.get(i);
            points.add(new ContactPoint(c % 2 == 0 ? ContactKind.EMAIL : ContactKind.PHONE,
                    c % 2 == 0 ? "u" + i + "@example.com" : "+86138" + (10_000_000 + c),
                    c % 3 == 0 ? null : "label " + i, false));
            attributes.add(new Attribute(AttributeCategory.values()[c % 3], "a" + i,
                    c % 4 == 0 ? AttributeValue.of("文本 " + c) : AttributeValue.of(c)));
            consents.add(new Consent(Channel.values()[c % 5], List.of(Purpose.MARKETING, Purpose.SERVICE, Purpose.SURVEY, Purpose.TRANSACTIONAL).get(c % 4),
                    c % 2 == 0 ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN, t0.plusSeconds(c), "ev " + c));
            Instant until = from.plusSeconds(60 + c);
            owners.add(new OwnerAssignment(StaffId.of("s" + c), from, until, StaffId.of("mgr"), c % 2 == 0 ? null : "r"));
            from = until;
        }
        owners.add(new OwnerAssignment(StaffId.of("current"), from, null, StaffId.of("mgr"), null));
        return new CustomerState(new CustomerId(UUID.nameUUIDFromBytes(codes.toString().getBytes())),
                TenantId.of("t1"), 1 + codes.size(), CustomerType.values()[codes.size() % 4], "Name " + codes.size(),
                CustomerType.values()[codes.size() % 4].requiresOrganisation()
                        ? new Organisation("Org", "91310000", null, "retail", null) : null,
                RelationshipLevel.values()[codes.size() % 5], LifecycleStage.values()[codes.size() % 5], points,
                codes.isEmpty() ? List.of()
                        : List.of(new PostalAddress("home", true, "1 Road", "Shanghai", null, "200000", "CN")),
                attributes, consents, owners, t0, t0.plusSeconds(codes.size()));
    }
}
