package org.crmkit.core.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.crmkit.core.customer.AttributeValue;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class SegmentJsonTest {

    /** The example of docs/analytics.md, "Attribute segments". */
    static final String EXAMPLE = """
            {
              "format": "crmkit.segment/1",
              "id": "east-champions",
              "name": "Champions in the East",
              "description": "Best customers of the eastern region, for the spring campaign",
              "version": 3,
              "rule": {
                "and": [
                  {"field": "external.region", "op": "in", "values": ["East China", "Shanghai"]},
                  {"or": [
                    {"field": "score.rfm.segment", "op": "eq", "value": "champions", "ignoreCase": true},
                    {"field": "score.abc.class", "op": "eq", "value": "A"}
                  ]},
                  {"field": "internal.income", "op": "between",
                   "low": 50000, "lowInclusive": true, "high": 200000, "highInclusive": false},
                  {"field": "external.vip", "op": "has"},
                  {"not": {"field": "consumption.lastComplaint", "op": "ge", "value": {"date": "2026-01-01"}}}
                ]
              }
            }
            """;

    @Test
    void readsTheDocumentedExample() {
        SegmentDefinition d = SegmentJson.read(EXAMPLE);
        assertThat(d.id()).isEqualTo("east-champions");
        assertThat(d.version()).isEqualTo(3);
        assertThat(d.fields()).containsExactly("external.region", "score.rfm.segment", "score.abc.class",
                "internal.income", "external.vip", "consumption.lastComplaint");
        SegmentRule.And and = (SegmentRule.And) d.rule();
        assertThat(and.rules().get(2)).isEqualTo(new SegmentRule.Between("internal.income",
                AttributeValue.of(50000), true, AttributeValue.of(200000), false));
        assertThat(and.rules().get(4)).isEqualTo(SegmentRule.not(SegmentRule.compare("consumption.lastComplaint",
                ComparisonOperator.GE, AttributeValue.of(LocalDate.of(2026, 1, 1)))));

        SegmentFacts f = SegmentFacts.of("c1").with("external.region", AttributeValue.of("Shanghai"))
                .with("score.rfm.segment", AttributeValue.of("Champions"))
                .with("internal.income", AttributeValue.of(new BigDecimal("199999.99")))
                .with("external.vip", AttributeValue.of(false))
                .with("consumption.lastComplaint", AttributeValue.of(LocalDate.of(2025, 12, 31)));
        assertThat(d.matches(f)).isTrue();
        assertThat(SegmentJson.read(SegmentJson.write(d))).isEqualTo(d);
    }

    @Test
    void writesAStableReadableForm() {
        SegmentDefinition d = new SegmentDefinition("vip", "VIP", "", SegmentRule.and(
                SegmentRule.in("external.region", AttributeValue.of("East"), AttributeValue.of("West")),
                SegmentRule.compare("customer.createdAt", ComparisonOperator.LT,
                        AttributeValue.of(java.time.Instant.parse("2024-01-01T00:00:00Z")))), 1);
        assertThat(SegmentJson.write(d)).isEqualTo("""
                {
                  "format": "crmkit.segment/1",
                  "id": "vip",
                  "name": "VIP",
                  "description": "",
                  "version": 1,
                  "rule": {
                    "and": [
                      {
                        "field": "external.region",
                        "op": "in",
                        "values": ["East", "West"]
                      },
                      {
                        "field": "customer.createdAt",
                        "op": "lt",
                        "value": {
                          "timestamp": "2024-01-01T00:00:00Z"
                        }
                      }
                    ]
                  }
                }
                """);
    }

    @Test
    void refusalsNameThePathOfTheProblem() {
        String bad = EXAMPLE.replace("\"op\": \"between\"", "\"op\": \"within\"");
        assertRefused(bad, "rule.and[2].op",
                "rule.and[2].op: must be one of eq, ne, lt, le, gt, ge, between, in, has (was 'within')");
        assertRefused(EXAMPLE.replace("\"highInclusive\": false", "\"highInclusive\": 0"),
                "rule.and[2].highInclusive", "rule.and[2].highInclusive: must be true or false, not a number");
        assertRefused(EXAMPLE.replace(", \"lowInclusive\": true", ""), "rule.and[2].lowInclusive",
                "rule.and[2].lowInclusive: is required");
        assertRefused(EXAMPLE.replace("\"op\": \"has\"", "\"op\": \"has\", \"value\": 1"), "rule.and[3].value",
                "rule.and[3].value: is not a known member here");
        assertRefused(EXAMPLE.replace("{\"date\": \"2026-01-01\"}", "{\"date\": \"2026-02-30\"}"),
                "rule.and[4].not.value.date", "rule.and[4].not.value.date: must be a date like 2026-01-31 (was '2026-02-30')");
        assertRefused(EXAMPLE.replace("\"value\": \"A\"", "\"value\": null"), "rule.and[1].or[1].value",
                "rule.and[1].or[1].value: must be a string, number, boolean, date or timestamp, not null");
        assertRefused(EXAMPLE.replace("\"external.vip\"", "\"vip\""), "rule.and[3].field",
                "rule.and[3].field: must start with one of external, internal, consumption, customer, score and a dot (was 'vip')");
        assertRefused(EXAMPLE.replace("\"version\": 3", "\"version\": 0"), "version", "version: must be at least 1 (was '0')");
        assertRefused(EXAMPLE.replace("\"version\": 3", "\"version\": 3.5"), "version",
                "version: must be a whole number (was '3.5')");
        assertRefused(EXAMPLE.replace("crmkit.segment/1", "crmkit.segment/2"), "format",
                "format: must be \"crmkit.segment/1\" (was 'crmkit.segment/2')");
        assertRefused(EXAMPLE.replace("\"East China\", \"Shanghai\"", ""), "rule.and[0].values",
                "rule.and[0].values: must not be empty");
        assertRefused(EXAMPLE.replace("\"East China\", \"Shanghai\"", "\"East\", 1"), "rule.and[0].values[1]",
                "rule.and[0].values[1]: must be a TEXT like the first value, not a NUMBER (was '1')");
        assertRefused("{\"format\":\"crmkit.segment/1\",\"id\":\"a\",\"name\":\"a\",\"version\":1,\"rule\":{\"and\":[]}}",
                "rule.and", "rule.and: must have at least one rule");
        assertRefused("{\"format\":\"crmkit.segment/1\",\"id\":\"a\",\"name\":\"a\",\"version\":1,"
                + "\"rule\":{\"not\":{\"field\":\"external.a\",\"op\":\"has\"},\"and\":[]}}",
                "rule.not", "rule.not: must not appear beside \"and\"");
        assertRefused("{\"format\":\"crmkit.segment/1\",\"id\":\"a\",\"name\":\"a\",\"version\":1,"
                + "\"rule\":{\"field\":\"external.a\",\"op\":\"gt\",\"value\":true}}", "rule.op",
                "rule.op: must be eq or ne for a BOOLEAN value (was 'gt')");
        assertRefused("{\"format\":\"crmkit.segment/1\",\"id\":\"a\",\"name\":\"a\",\"version\":1,"
                + "\"rule\":{\"field\":\"external.a\",\"op\":\"gt\",\"value\":1e200}}", "rule.value",
                "rule.value: must have at most 100 digits before and after the decimal point");
    }

    @Test
    void aVersionWithAHugeExponentIsRefusedWithoutSpellingItOut() {
        // toPlainString() of 1e-999999999 would be a billion characters: an OutOfMemoryError, not a refusal
        assertRefused(EXAMPLE.replace("\"version\": 3", "\"version\": 1e-999999999"), "version",
                "version: must be a whole number (was '1E-999999999')");
        assertRefused(EXAMPLE.replace("\"version\": 3", "\"version\": 1e999999999"), "version",
                "version: must be a whole number (was '1E+999999999')");
    }

    @Test
    void textThatIsNotStrictJsonIsRefusedWithItsPosition() {
        assertRefused("{\"a\": 1,}", "json", "json: expected a member name in double quotes at line 1, column 9 (offset 8)");
        assertRefused("{\n  \"a\": 01\n}", "json", "json: a number must not have a leading zero at line 2, column 8 (offset 9)");
        assertRefused("[1, 2", "json", "json: expected ',' or ']' in an array at the end (line 1, column 6)");
        assertRefused("{\"a\": 1, \"a\": 2}", "json", "json: duplicate member name \"a\" at line 1, column 10 (offset 9)");
        assertRefused("\"tab\there\"", "json", "json: control character U+0009 must be escaped in a string at line 1, column 5 (offset 4)");
        assertRefused("{} // comment", "json", "json: expected the end of the text after the value at line 1, column 4 (offset 3)");
        assertRefused("[".repeat(101), "json", "json: nesting deeper than 100 at line 1, column 101 (offset 100)");
        assertRefused("\"\\x\"", "json", "json: unknown escape \\x at line 1, column 2 (offset 1)");
        assertRefused("NaN", "json", "json: expected a value but found 'N' at line 1, column 1 (offset 0)");
        assertRefused("", "json", "json: expected a value but the text ended at the end (line 1, column 1)");
    }

    @Test
    void escapesSurviveAndUnpairedSurrogatesAreWrittenEscaped() {
        Object v = Json.read("[\"\\u00e9\\uD83D\\uDE00\\/\\b\\f\\n\\r\\t\\\"\\\\\", \"\\ud800\"]");
        assertThat(v).isEqualTo(List.of("é😀/\b\f\n\r\t\"\\", "\ud800"));
        assertThat(Json.write(v)).isEqualTo("[\"é😀/\\b\\f\\n\\r\\t\\\"\\\\\", \"\\uD800\"]");
        assertThat(Json.read(Json.write(v))).isEqualTo(v);
    }

    @Test
    void anyDefinitionSurvivesWriteThenRead() {
        qt().withExamples(1500).withFixedSeed(41L)
                .forAll(longs().all())
                .checkAssert(seed -> {
                    SegmentDefinition d = new RandomSegments(seed).definition("seg-" + (seed & 0xff));
                    String json = SegmentJson.write(d);
                    assertThat(SegmentJson.read(json)).isEqualTo(d);
                    assertThat(SegmentJson.readRule(SegmentJson.writeRule(d.rule()))).isEqualTo(d.rule());
                    assertThat(SegmentJson.write(SegmentJson.read(json))).isEqualTo(json);
                });
    }

    /** The parser's contract, on random text and on valid definitions with random damage. */
    @Test
    void anyTextIsEitherRefusedWithAValidationExceptionOrReadIntoADefinitionThatRoundTrips() {
        qt().withExamples(4000).withFixedSeed(43L)
                .forAll(longs().all(), integers().between(0, 3))
                .checkAssert((seed, mode) -> {
                    java.util.Random r = new java.util.Random(seed);
                    String json = SegmentJson.write(new RandomSegments(seed).definition("s"));
                    String text = switch (mode) {
                        case 0 -> damage(json, r);
                        case 1 -> damage(damage(damage(json, r), r), r);
                        case 2 -> json.substring(0, r.nextInt(json.length() + 1));
                        default -> randomText(r);
                    };
                    checkParserContract(text);
                });
    }

    /** What every input must do: parse into a definition that round-trips, or be refused with a path. */
    static void checkParserContract(String text) {
        SegmentDefinition d;
        try {
            d = SegmentJson.read(text);
        } catch (ValidationException refused) {
            assertThat(refused.field()).isNotBlank();
            assertThat(refused.getMessage()).startsWith(refused.field() + ": ");
            return;
        }
        assertThat(SegmentJson.read(SegmentJson.write(d))).isEqualTo(d);
    }

    private static final String ALPHABET = "{}[]:,\"\\ -0123456789.eE+truefalsnl\u00e9\u0001\ud800x";

    private static String damage(String json, java.util.Random r) {
        StringBuilder sb = new StringBuilder(json);
        int at = r.nextInt(sb.length() + 1);
        switch (r.nextInt(3)) {
            case 0 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            case 1 -> {
                if (at < sb.length()) {
                    sb.deleteCharAt(at);
                }
            }
            default -> {
                if (at < sb.length()) {
                    sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
            }
        }
        return sb.toString();
    }

    private static String randomText(java.util.Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(60); i > 0; i--) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static void assertRefused(String json, String field, String message) {
        assertThatThrownBy(() -> SegmentJson.read(json))
                .isInstanceOf(ValidationException.class)
                .hasMessage(message)
                .extracting("field").isEqualTo(field);
    }
}
