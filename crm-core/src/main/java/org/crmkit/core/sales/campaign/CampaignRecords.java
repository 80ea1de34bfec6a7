package org.crmkit.core.sales.campaign;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Enums;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.CampaignConditionRecord;
import org.crmkit.spi.sales.CampaignFeedbackRecord;
import org.crmkit.spi.sales.CampaignRecord;
import org.crmkit.spi.sales.CampaignRevenueRecord;
import org.crmkit.spi.sales.CampaignStatusChangeRecord;
import org.crmkit.spi.sales.MoneyRecord;

/** Maps campaigns to and from their SPI records. Not API. */
final class CampaignRecords {

    static final String RULE = "RULE";
    static final String FIXED_LIST = "FIXED_LIST";

    private CampaignRecords() {
    }

    static CampaignRecord toRecord(Campaign c, long version) {
        List<CampaignConditionRecord> conditions = new ArrayList<>();
        List<UUID> customers = new ArrayList<>();
        String kind;
        if (c.target() instanceof TargetSegment.Rule rule) {
            kind = RULE;
            for (int i = 0; i < rule.clauses().size(); i++) {
                for (TargetCondition condition : rule.clauses().get(i)) {
                    conditions.add(condition(i, condition));
                }
            }
        } else {
            kind = FIXED_LIST;
            ((TargetSegment.FixedList) c.target()).customers().forEach(id -> customers.add(id.value()));
        }
        return new CampaignRecord(c.id().value(), c.tenant().value(), version, c.name(),
                c.channels().stream().map(Channel::name).toList(), kind, conditions, customers, money(c.budget()),
                money(c.actualCost()), c.startDate(), c.endDate(), c.status().name(), c.owner().value(),
                c.revenue().stream().map(r -> new CampaignRevenueRecord(r.sourceId(), money(r.amount()), r.at()))
                        .toList(),
                c.feedback().stream().map(f -> new CampaignFeedbackRecord(f.feedbackId(), f.at())).toList(),
                c.history().stream().map(h -> new CampaignStatusChangeRecord(h.from() == null ? null : h.from().name(),
                        h.to().name(), h.at(), h.by().value(), h.reason())).toList(),
                c.createdAt(), c.updatedAt());
    }

    static MoneyRecord money(Money m) {
        return new MoneyRecord(m.amount(), m.currencyCode());
    }

    static Money money(MoneyRecord m) {
        return Money.of(m.amount(), m.currency());
    }

    static Set<Channel> channels(List<String> codes) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (String code : codes) {
            if (!out.add(Channel.parse(code, "channels"))) {
                throw new ValidationException("channels", "must not repeat a channel", code);
            }
        }
        return out;
    }

    static RevenueAttribution revenue(CampaignRevenueRecord r) {
        return new RevenueAttribution(r.sourceId(), money(r.amount()), r.at());
    }

    static CampaignStatusChange change(CampaignStatusChangeRecord r) {
        return new CampaignStatusChange(r.from() == null ? null : CampaignStatus.parse(r.from()),
                CampaignStatus.parse(r.to()), r.at(), StaffId.of(r.by()), r.reason());
    }

    static TargetSegment target(CampaignRecord r) {
        switch (r.targetKind()) {
            case RULE -> {
                if (!r.targetCustomers().isEmpty()) {
                    throw new ValidationException("targetCustomers", "must be empty for a RULE target");
                }
                Map<Integer, List<TargetCondition>> clauses = new TreeMap<>();
                for (CampaignConditionRecord c : r.targetConditions()) {
                    clauses.computeIfAbsent(c.clause(), k -> new ArrayList<>()).add(condition(c));
                }
                return new TargetSegment.Rule(new ArrayList<>(clauses.values()));
            }
            case FIXED_LIST -> {
                if (!r.targetConditions().isEmpty()) {
                    throw new ValidationException("targetConditions", "must be empty for a FIXED_LIST target");
                }
                return new TargetSegment.FixedList(r.targetCustomers().stream().map(CustomerId::new).toList());
            }
            default -> throw new ValidationException("targetKind", "must be RULE or FIXED_LIST", r.targetKind());
        }
    }

    private static CampaignConditionRecord condition(int clause, TargetCondition condition) {
        if (condition instanceof TargetCondition.AttributeEquals a) {
            return attribute(clause, "EQUALS", a.category(), a.name(), List.of(a.value()));
        } else if (condition instanceof TargetCondition.AttributeAtLeast a) {
            return attribute(clause, "AT_LEAST", a.category(), a.name(), List.of(a.value()));
        } else if (condition instanceof TargetCondition.AttributeAtMost a) {
            return attribute(clause, "AT_MOST", a.category(), a.name(), List.of(a.value()));
        } else if (condition instanceof TargetCondition.AttributeIn a) {
            return attribute(clause, "IN", a.category(), a.name(), List.copyOf(a.values()));
        } else if (condition instanceof TargetCondition.TypeIn t) {
            return new CampaignConditionRecord(clause, "TYPE", "IN", null, null, null,
                    t.types().stream().map(Enum::name).toList());
        } else if (condition instanceof TargetCondition.LifecycleStageIn s) {
            return new CampaignConditionRecord(clause, "LIFECYCLE_STAGE", "IN", null, null, null,
                    s.stages().stream().map(Enum::name).toList());
        } else {
            TargetCondition.RelationshipLevelAtLeast l = (TargetCondition.RelationshipLevelAtLeast) condition;
            return new CampaignConditionRecord(clause, "RELATIONSHIP_LEVEL", "AT_LEAST", null, null, null,
                    List.of(l.level().name()));
        }
    }

    private static CampaignConditionRecord attribute(int clause, String operator, AttributeCategory category,
                                                     String name, List<AttributeValue> values) {
        return new CampaignConditionRecord(clause, "ATTRIBUTE", operator, category.name(), name,
                values.get(0).typeCode(), values.stream().map(AttributeValue::canonical).toList());
    }

    private static TargetCondition condition(CampaignConditionRecord c) {
        String key = c.field() + " " + c.operator();
        return switch (key) {
            case "ATTRIBUTE EQUALS" -> new TargetCondition.AttributeEquals(category(c), c.attributeName(), single(c));
            case "ATTRIBUTE AT_LEAST" -> new TargetCondition.AttributeAtLeast(category(c), c.attributeName(),
                    single(c));
            case "ATTRIBUTE AT_MOST" -> new TargetCondition.AttributeAtMost(category(c), c.attributeName(), single(c));
            case "ATTRIBUTE IN" -> new TargetCondition.AttributeIn(category(c), c.attributeName(),
                    new LinkedHashSet<>(c.values().stream().map(v -> AttributeValue.parse(c.valueType(), v)).toList()));
            case "TYPE IN" -> new TargetCondition.TypeIn(enums(c, CustomerType.class));
            case "LIFECYCLE_STAGE IN" -> new TargetCondition.LifecycleStageIn(enums(c, LifecycleStage.class));
            case "RELATIONSHIP_LEVEL AT_LEAST" -> new TargetCondition.RelationshipLevelAtLeast(
                    RelationshipLevel.parse(singleText(c)));
            default -> throw new ValidationException("condition", "must be a known field and operator", key);
        };
    }

    private static AttributeCategory category(CampaignConditionRecord c) {
        return AttributeCategory.parse(c.attributeCategory());
    }

    private static AttributeValue single(CampaignConditionRecord c) {
        return AttributeValue.parse(c.valueType(), singleText(c));
    }

    private static String singleText(CampaignConditionRecord c) {
        if (c.values().size() != 1) {
            throw new ValidationException("condition.values", "must hold exactly one value for " + c.operator(),
                    c.values().size());
        }
        return c.values().get(0);
    }

    private static <E extends Enum<E>> Set<E> enums(CampaignConditionRecord c, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String v : c.values()) {
            out.add(Enums.parse(type, v, "condition.values"));
        }
        return out;
    }
}
