package org.crmkit.core.analytics.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmkit.core.customer.AttributeValue;
import org.crmkit.spi.ValidationException;

/**
 * Reads and writes {@link SegmentDefinition}s as JSON, with a small strict JSON codec of crmkit's own
 * (crm-core uses no JSON library). The format, described in {@code docs/analytics.md}:
 * <pre>
 * {
 *   "format": "crmkit.segment/1",
 *   "id": "east-champions",
 *   "name": "Champions in the East",
 *   "description": "",
 *   "version": 1,
 *   "rule": {"and": [
 *     {"field": "external.region", "op": "in", "values": ["East China", "Shanghai"]},
 *     {"field": "score.rfm.segment", "op": "eq", "value": "Champions"},
 *     {"field": "internal.income", "op": "between", "low": 50000, "lowInclusive": true,
 *      "high": 200000, "highInclusive": false},
 *     {"not": {"field": "consumption.lastComplaint", "op": "ge", "value": {"date": "2026-01-01"}}}
 *   ]}
 * }
 * </pre>
 * A rule is an object with exactly one of {@code and}, {@code or} (non-empty arrays of rules),
 * {@code not} (a rule), or a leaf with {@code field} and {@code op}: {@code eq ne lt le gt ge} take
 * {@code value}, {@code between} takes {@code low}, {@code lowInclusive}, {@code high},
 * {@code highInclusive} (both inclusivities required), {@code in} takes {@code values}, {@code has}
 * takes nothing more; {@code ignoreCase} (default false) may be added to text comparisons and
 * {@code in}. Values: a JSON string is a text, a number a number, {@code true}/{@code false} a
 * boolean, {@code {"date": "YYYY-MM-DD"}} a date and {@code {"timestamp": "…Z"}} an instant.
 * Unknown members, missing members, {@code null} and wrong types are refused.
 *
 * <p>Every refusal is a {@link ValidationException} whose field is the JSON path of the problem,
 * such as {@code rule.and[2].op}, or {@code json} for text that is not JSON at all (its rule
 * names line and column). Nothing else is thrown for any input. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class SegmentJson {

    /** The value of the {@code format} member this version writes and reads. */
    public static final String FORMAT = "crmkit.segment/1";

    private SegmentJson() {
    }

    /**
     * Writes a definition.
     *
     * @param definition the definition; not null
     * @return the JSON text, indented, members in a fixed order
     * @throws ValidationException on field {@code definition} if the text would be longer than the
     *                             1,000,000 characters {@link #read} accepts
     */
    public static String write(SegmentDefinition definition) {
        if (definition == null) {
            throw new ValidationException("definition", "must not be null");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("id", definition.id());
        m.put("name", definition.name());
        m.put("description", definition.description());
        m.put("version", BigDecimal.valueOf(definition.version()));
        m.put("rule", ruleToJson(definition.rule()));
        return readable(Json.write(m) + "\n", "definition");
    }

    /**
     * Writes a rule alone, in the format of the {@code rule} member.
     *
     * @param rule the rule; not null
     * @return the JSON text
     * @throws ValidationException on field {@code rule} if the text would be longer than the
     *                             1,000,000 characters {@link #readRule} accepts
     */
    public static String writeRule(SegmentRule rule) {
        if (rule == null) {
            throw new ValidationException("rule", "must not be null");
        }
        return readable(Json.write(ruleToJson(rule)), "rule");
    }

    /** Refuses a text {@link #read} would refuse for its length, so that what is written can be read back. */
    private static String readable(String json, String field) {
        if (json.length() > Json.MAX_LENGTH) {
            throw new ValidationException(field, "must be at most " + Json.MAX_LENGTH
                    + " characters as JSON, the most that can be read back", json.length());
        }
        return json;
    }

    /**
     * Reads a definition.
     *
     * @param json the JSON text; not null
     * @return the definition
     * @throws ValidationException naming the path of the first problem
     */
    public static SegmentDefinition read(String json) {
        Object root = Json.read(json);
        Map<String, Object> m = object(root, "$");
        members(m, "", Set.of("format", "id", "name", "description", "version", "rule"),
                Set.of("format", "id", "name", "version", "rule"));
        String format = string(m.get("format"), "format");
        if (!FORMAT.equals(format)) {
            throw new ValidationException("format", "must be \"" + FORMAT + "\"", format);
        }
        String id = string(m.get("id"), "id");
        String name = string(m.get("name"), "name");
        String description = m.containsKey("description") ? string(m.get("description"), "description") : "";
        long version = longValue(m.get("version"), "version");
        SegmentRule rule = rule(m.get("rule"), "rule", 1);
        return new SegmentDefinition(id, name, description, rule, version);
    }

    /**
     * Reads a rule alone, as {@link #writeRule} writes it; paths in errors start with {@code rule}.
     *
     * @param json the JSON text; not null
     * @return the rule
     * @throws ValidationException naming the path of the first problem
     */
    public static SegmentRule readRule(String json) {
        return rule(Json.read(json), "rule", 1);
    }

    // ------------------------------------------------------------------------------------------ to JSON

    private static Object ruleToJson(SegmentRule rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (rule instanceof SegmentRule.And a) {
            m.put("and", a.rules().stream().map(SegmentJson::ruleToJson).toList());
        } else if (rule instanceof SegmentRule.Or o) {
            m.put("or", o.rules().stream().map(SegmentJson::ruleToJson).toList());
        } else if (rule instanceof SegmentRule.Not n) {
            m.put("not", ruleToJson(n.rule()));
        } else if (rule instanceof SegmentRule.Compare c) {
            m.put("field", c.field());
            m.put("op", c.op().code());
            m.put("value", valueToJson(c.value()));
            if (c.ignoreCase()) {
                m.put("ignoreCase", Boolean.TRUE);
            }
        } else if (rule instanceof SegmentRule.Between b) {
            m.put("field", b.field());
            m.put("op", "between");
            m.put("low", valueToJson(b.low()));
            m.put("lowInclusive", b.lowInclusive());
            m.put("high", valueToJson(b.high()));
            m.put("highInclusive", b.highInclusive());
        } else if (rule instanceof SegmentRule.In in) {
            m.put("field", in.field());
            m.put("op", "in");
            m.put("values", in.values().stream().map(SegmentJson::valueToJson).toList());
            if (in.ignoreCase()) {
                m.put("ignoreCase", Boolean.TRUE);
            }
        } else if (rule instanceof SegmentRule.Has h) {
            m.put("field", h.field());
            m.put("op", "has");
        }
        return m;
    }

    private static Object valueToJson(AttributeValue v) {
        if (v instanceof AttributeValue.Text t) {
            return t.value();
        }
        if (v instanceof AttributeValue.Number n) {
            return n.value();
        }
        if (v instanceof AttributeValue.Flag f) {
            return f.value();
        }
        if (v instanceof AttributeValue.Date d) {
            return Map.of("date", d.canonical());
        }
        return Map.of("timestamp", v.canonical());
    }

    // ------------------------------------------------------------------------------------------ from JSON

    private static final List<String> COMBINATORS = List.of("and", "or", "not");

    private static SegmentRule rule(Object node, String path, int depth) {
        if (depth > SegmentDefinition.MAX_DEPTH) {
            throw new ValidationException(path, "must nest at most " + SegmentDefinition.MAX_DEPTH + " deep");
        }
        Map<String, Object> m = object(node, path);
        for (String c : COMBINATORS) {
            if (m.containsKey(c)) {
                if (m.size() != 1) {
                    String other = m.keySet().stream().filter(k -> !k.equals(c)).findFirst().orElseThrow();
                    throw new ValidationException(path + "." + other, "must not appear beside \"" + c + "\"");
                }
                return combinator(c, m.get(c), path + "." + c, depth);
            }
        }
        if (!m.containsKey("op")) {
            throw new ValidationException(path, "must have one of \"and\", \"or\", \"not\" or \"op\"");
        }
        String op = string(m.get("op"), path + ".op");
        try {
            return leaf(op, m, path);
        } catch (ValidationException e) {
            if (e.field().startsWith(path)) {
                throw e;
            }
            throw e.withFieldPrefix(path + ".");
        }
    }

    private static SegmentRule combinator(String key, Object node, String path, int depth) {
        if (key.equals("not")) {
            return new SegmentRule.Not(rule(node, path, depth + 1));
        }
        List<Object> items = array(node, path);
        if (items.isEmpty()) {
            throw new ValidationException(path, "must have at least one rule");
        }
        if (items.size() > SegmentRule.MAX_PARTS) {
            throw new ValidationException(path, "must have at most " + SegmentRule.MAX_PARTS + " rules");
        }
        List<SegmentRule> rules = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rules.add(rule(items.get(i), path + "[" + i + "]", depth + 1));
        }
        return key.equals("and") ? new SegmentRule.And(rules) : new SegmentRule.Or(rules);
    }

    private static SegmentRule leaf(String op, Map<String, Object> m, String path) {
        if (op.equals("has")) {
            members(m, path, Set.of("field", "op"), Set.of("field", "op"));
            return new SegmentRule.Has(string(m.get("field"), path + ".field"));
        }
        if (op.equals("between")) {
            Set<String> keys = Set.of("field", "op", "low", "lowInclusive", "high", "highInclusive");
            members(m, path, keys, keys);
            return new SegmentRule.Between(string(m.get("field"), path + ".field"), value(m.get("low"), path + ".low"),
                    bool(m.get("lowInclusive"), path + ".lowInclusive"), value(m.get("high"), path + ".high"),
                    bool(m.get("highInclusive"), path + ".highInclusive"));
        }
        if (op.equals("in")) {
            members(m, path, Set.of("field", "op", "values", "ignoreCase"), Set.of("field", "op", "values"));
            List<Object> items = array(m.get("values"), path + ".values");
            if (items.size() > SegmentRule.MAX_PARTS) {
                throw new ValidationException(path + ".values", "must have at most " + SegmentRule.MAX_PARTS
                        + " values");
            }
            List<AttributeValue> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                values.add(value(items.get(i), path + ".values[" + i + "]"));
            }
            return new SegmentRule.In(string(m.get("field"), path + ".field"), values, ignoreCase(m, path));
        }
        ComparisonOperator operator = ComparisonOperator.ofCode(op).orElseThrow(() -> new ValidationException(
                path + ".op", "must be one of eq, ne, lt, le, gt, ge, between, in, has", op));
        members(m, path, Set.of("field", "op", "value", "ignoreCase"), Set.of("field", "op", "value"));
        return new SegmentRule.Compare(string(m.get("field"), path + ".field"), operator,
                value(m.get("value"), path + ".value"), ignoreCase(m, path));
    }

    private static boolean ignoreCase(Map<String, Object> m, String path) {
        return m.containsKey("ignoreCase") && bool(m.get("ignoreCase"), path + ".ignoreCase");
    }

    private static AttributeValue value(Object node, String path) {
        if (node instanceof String s) {
            return typed(path, () -> AttributeValue.of(s));
        }
        if (node instanceof BigDecimal n) {
            return typed(path, () -> AttributeValue.of(n));
        }
        if (node instanceof Boolean b) {
            return AttributeValue.of(b.booleanValue());
        }
        if (node instanceof Map<?, ?>) {
            Map<String, Object> m = object(node, path);
            if (m.size() == 1 && m.containsKey("date")) {
                String s = string(m.get("date"), path + ".date");
                try {
                    return AttributeValue.of(LocalDate.parse(s));
                } catch (DateTimeParseException e) {
                    throw new ValidationException(path + ".date", "must be a date like 2026-01-31", s);
                }
            }
            if (m.size() == 1 && m.containsKey("timestamp")) {
                String s = string(m.get("timestamp"), path + ".timestamp");
                try {
                    return AttributeValue.of(Instant.parse(s));
                } catch (DateTimeParseException e) {
                    throw new ValidationException(path + ".timestamp",
                            "must be an instant like 2026-01-31T09:00:00Z", s);
                }
            }
            throw new ValidationException(path, "must be {\"date\": ...} or {\"timestamp\": ...} when an object");
        }
        throw new ValidationException(path, "must be a string, number, boolean, date or timestamp, not "
                + kind(node));
    }

    /** Builds a value, naming the JSON path instead of {@code attribute.value} if it is refused. */
    private static AttributeValue typed(String path, java.util.function.Supplier<AttributeValue> build) {
        try {
            return build.get();
        } catch (ValidationException e) {
            throw new ValidationException(path, e.rule());
        }
    }

    private static void members(Map<String, Object> m, String path, Set<String> allowed, Set<String> required) {
        String prefix = path.isEmpty() ? "" : path + ".";
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new ValidationException(prefix + k, "is not a known member here");
            }
        }
        for (String k : required.stream().sorted().toList()) {
            if (!m.containsKey(k)) {
                throw new ValidationException(prefix + k, "is required");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object node, String path) {
        if (node instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ValidationException(path, "must be an object, not " + kind(node));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object node, String path) {
        if (node instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ValidationException(path, "must be an array, not " + kind(node));
    }

    private static String string(Object node, String path) {
        if (node instanceof String s) {
            return s;
        }
        throw new ValidationException(path, "must be a string, not " + kind(node));
    }

    private static boolean bool(Object node, String path) {
        if (node instanceof Boolean b) {
            return b;
        }
        throw new ValidationException(path, "must be true or false, not " + kind(node));
    }

    private static long longValue(Object node, String path) {
        if (node instanceof BigDecimal n) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                // toString, not toPlainString: 1e-999999999 must not be spelt out in a billion digits
                throw new ValidationException(path, "must be a whole number", n.toString());
            }
        }
        throw new ValidationException(path, "must be a number, not " + kind(node));
    }

    private static String kind(Object node) {
        if (node == Json.NULL) {
            return "null";
        }
        if (node instanceof Map) {
            return "an object";
        }
        if (node instanceof List) {
            return "an array";
        }
        if (node instanceof String) {
            return "a string";
        }
        if (node instanceof BigDecimal) {
            return "a number";
        }
        return "a boolean";
    }
}
