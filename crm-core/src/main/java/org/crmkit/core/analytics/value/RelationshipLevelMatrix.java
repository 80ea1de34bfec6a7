package org.crmkit.core.analytics.value;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.spi.ValidationException;

/**
 * Kotler's matrix of relationship levels (domain §3): the fewer the customers and the higher the unit
 * margin, the more involved the relationship worth running.
 *
 * <pre>
 * customers \ margin | high         | medium       | low
 * many               | accountable  | reactive     | basic or reactive (default basic)
 * medium             | proactive    | accountable  | reactive
 * few                | partnership  | proactive    | accountable
 * </pre>
 *
 * <p>For many customers at a low margin either basic or reactive fits; the default is basic, the
 * cheapest level, since at a low margin each follow-up must pay for itself; reactive is the
 * alternative when a help line costs little per customer.
 *
 * @since 0.1
 */
public final class RelationshipLevelMatrix {

    private RelationshipLevelMatrix() {
    }

    /** @return the cell of the matrix for these bands */
    public static LevelRecommendation recommend(CustomerBase customers, MarginLevel margin) {
        if (customers == null) {
            throw new ValidationException("customerBase", "must not be null");
        }
        if (margin == null) {
            throw new ValidationException("margin", "must not be null");
        }
        RelationshipLevel level = switch (customers) {
            case MANY -> switch (margin) {
                case HIGH -> RelationshipLevel.ACCOUNTABLE;
                case MEDIUM -> RelationshipLevel.REACTIVE;
                case LOW -> RelationshipLevel.BASIC;
            };
            case MEDIUM -> switch (margin) {
                case HIGH -> RelationshipLevel.PROACTIVE;
                case MEDIUM -> RelationshipLevel.ACCOUNTABLE;
                case LOW -> RelationshipLevel.REACTIVE;
            };
            case FEW -> switch (margin) {
                case HIGH -> RelationshipLevel.PARTNERSHIP;
                case MEDIUM -> RelationshipLevel.PROACTIVE;
                case LOW -> RelationshipLevel.ACCOUNTABLE;
            };
        };
        if (customers == CustomerBase.MANY && margin == MarginLevel.LOW) {
            return new LevelRecommendation(customers, margin, level,
                    List.of(RelationshipLevel.BASIC, RelationshipLevel.REACTIVE),
                    "Kotler allows basic or reactive here; basic is the default because at a low margin "
                            + "any follow-up must pay for itself, reactive fits when a help line is cheap");
        }
        return new LevelRecommendation(customers, margin, level, List.of(level),
                "Kotler's matrix: " + level.description());
    }

    /**
     * Reads the bands with the given cut-offs, then the matrix.
     *
     * @param customers the number of customers in the market, >= 0
     * @param margin    the unit margin, in the unit of the cut-offs (a share of price with the defaults)
     */
    public static LevelRecommendation recommend(long customers, BigDecimal margin, RelationshipCutoffs cutoffs) {
        if (cutoffs == null) {
            throw new ValidationException("cutoffs", "must not be null");
        }
        return recommend(cutoffs.customerBase(customers), cutoffs.marginLevel(margin));
    }

    /** @return {@link #recommend(long, BigDecimal, RelationshipCutoffs)} with the default cut-offs */
    public static LevelRecommendation recommend(long customers, BigDecimal margin) {
        return recommend(customers, margin, RelationshipCutoffs.defaults());
    }
}
