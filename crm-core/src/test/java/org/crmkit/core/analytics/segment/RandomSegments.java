package org.crmkit.core.analytics.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.crmkit.core.customer.AttributeValue;

/**
 * A small seeded generator of rules, definitions and facts for the property tests. Fields and values
 * come from small pools so that random rules often hold, often fail and sometimes meet a fact of
 * another type (unknown).
 */
final class RandomSegments {

    static final List<String> FIELDS = List.of("external.region", "internal.income", "consumption.orders",
            "score.rfm.segment", "external.vip", "external.since", "customer.createdAt");

    private final Random random;

    RandomSegments(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A value of the field's usual type, or now and then of another type. */
    AttributeValue valueFor(String field) {
        if (random.nextInt(12) == 0) {
            return anyValue();
        }
        return switch (field) {
            case "external.region" -> AttributeValue.of(pick("East", "West", "north", "North", "Süd", "😀x", ""));
            case "score.rfm.segment" -> AttributeValue.of(pick("Champions", "Loyal", "At risk", "champions"));
            case "internal.income", "consumption.orders" -> number();
            case "external.vip" -> AttributeValue.of(random.nextBoolean());
            case "external.since" -> AttributeValue.of(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)));
            default -> AttributeValue.of(Instant.parse("2024-01-01T00:00:00Z").plusMillis(random.nextLong() % 1_000_000_000_000L)
                    .plusNanos(random.nextInt(1000) * 1000L));
        };
    }

    AttributeValue anyValue() {
        return switch (random.nextInt(5)) {
            case 0 -> AttributeValue.of(pick("East", "a\"b\\c", "line\nbreak", "\u0001", "\uD800", "x"));
            case 1 -> number();
            case 2 -> AttributeValue.of(random.nextBoolean());
            case 3 -> AttributeValue.of(LocalDate.ofEpochDay(random.nextInt(40_000) - 20_000));
            default -> AttributeValue.of(Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000) * 1000L));
        };
    }

    private AttributeValue number() {
        return switch (random.nextInt(4)) {
            case 0 -> AttributeValue.of(random.nextInt(10));
            case 1 -> AttributeValue.of(BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, random.nextInt(4)));
            case 2 -> AttributeValue.of(new BigDecimal("1E+" + random.nextInt(60)));
            default -> AttributeValue.of(new BigDecimal("-0.000" + random.nextInt(1000)));
        };
    }

    String field() {
        return FIELDS.get(random.nextInt(FIELDS.size()));
    }

    SegmentRule rule(int depth) {
        int kind = random.nextInt(depth <= 0 ? 4 : 7);
        String field = field();
        switch (kind) {
            case 0 -> {
                AttributeValue v = valueFor(field);
                ComparisonOperator op = v instanceof AttributeValue.Flag
                        ? (random.nextBoolean() ? ComparisonOperator.EQ : ComparisonOperator.NE)
                        : ComparisonOperator.values()[random.nextInt(6)];
                return new SegmentRule.Compare(field, op, v, v instanceof AttributeValue.Text && random.nextBoolean());
            }
            case 1 -> {
                AttributeValue a = valueFor(field);
                AttributeValue b = valueFor(field);
                if (!Values.ordered(a) || !Values.sameType(a, b)) {
                    return new SegmentRule.Has(field);
                }
                if (Values.compare(a, b, false) > 0) {
                    AttributeValue t = a;
                    a = b;
                    b = t;
                }
                boolean equal = Values.compare(a, b, false) == 0;
                return new SegmentRule.Between(field, a, equal || random.nextBoolean(), b, equal || random.nextBoolean());
            }
            case 2 -> {
                AttributeValue first = valueFor(field);
                List<AttributeValue> values = new ArrayList<>(List.of(first));
                for (int i = random.nextInt(4); i > 0; i--) {
                    AttributeValue v = valueFor(field);
                    if (Values.sameType(v, first)) {
                        values.add(v);
                    }
                }
                return new SegmentRule.In(field, values, first instanceof AttributeValue.Text && random.nextBoolean());
            }
            case 3 -> {
                return new SegmentRule.Has(field);
            }
            case 4 -> {
                return new SegmentRule.Not(rule(depth - 1));
            }
            default -> {
                List<SegmentRule> parts = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    parts.add(rule(depth - 1));
                }
                return kind == 5 ? new SegmentRule.And(parts) : new SegmentRule.Or(parts);
            }
        }
    }

    SegmentDefinition definition(String id) {
        return new SegmentDefinition(id, pick("Champions", "Name with \"quotes\"", "东部客户"),
                pick("", "for the spring campaign", "tab\there"), rule(4), 1 + random.nextInt(5));
    }

    SegmentFacts facts(String customerId) {
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        for (String f : FIELDS) {
            if (random.nextInt(10) < 7) {
                v.put(f, valueFor(f));
            }
        }
        return new SegmentFacts(customerId, v);
    }

    /** The facts with one to three fields changed, added or removed. */
    SegmentFacts change(SegmentFacts facts) {
        SegmentFacts out = facts;
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String f = field();
            out = random.nextInt(4) == 0 ? out.without(f) : out.with(f, valueFor(f));
        }
        return out;
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
