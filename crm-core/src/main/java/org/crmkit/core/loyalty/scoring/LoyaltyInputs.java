package org.crmkit.core.loyalty.scoring;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the loyalty score is computed from, side by side, as plain values so that the score
 * works without storage. A side without data is reported by {@link LoyaltyScore#missingSides()},
 * never counted as 0. Immutable and thread-safe.
 *
 * @param behavioural what the customer does; empty when unknown (for example no purchase yet)
 * @param attitudinal what the customer feels; not null, may have no answers
 * @param cognitive   what the customer intends; not null, may have no answers
 * @since 0.1
 */
public record LoyaltyInputs(Optional<BehaviouralInputs> behavioural, AttitudinalInputs attitudinal,
                            CognitiveInputs cognitive) {

    /** @throws org.crmkit.spi.ValidationException naming a null component */
    public LoyaltyInputs {
        Checks.notNull("behavioural", behavioural);
        Checks.notNull("attitudinal", attitudinal);
        Checks.notNull("cognitive", cognitive);
    }

    /** @return inputs with no data on any side */
    public static LoyaltyInputs none() {
        return new LoyaltyInputs(Optional.empty(), AttitudinalInputs.none(), CognitiveInputs.none());
    }

    /** @return these inputs with the behavioural side; not null */
    public LoyaltyInputs withBehavioural(BehaviouralInputs inputs) {
        return new LoyaltyInputs(Optional.of(Checks.notNull("behavioural", inputs)), attitudinal, cognitive);
    }

    /** @return these inputs with the attitudinal side; not null */
    public LoyaltyInputs withAttitudinal(AttitudinalInputs inputs) {
        return new LoyaltyInputs(behavioural, inputs, cognitive);
    }

    /** @return these inputs with the cognitive side; not null */
    public LoyaltyInputs withCognitive(CognitiveInputs inputs) {
        return new LoyaltyInputs(behavioural, attitudinal, inputs);
    }

    /** @return whether {@code side} has data */
    public boolean hasData(LoyaltySide side) {
        return switch (side) {
            case BEHAVIOURAL -> behavioural.isPresent();
            case ATTITUDINAL -> attitudinal.hasData();
            case COGNITIVE -> cognitive.hasData();
        };
    }

    /** @return the sides with data; a new mutable set */
    public Set<LoyaltySide> sidesWithData() {
        Set<LoyaltySide> out = EnumSet.noneOf(LoyaltySide.class);
        for (LoyaltySide s : LoyaltySide.values()) {
            if (hasData(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
