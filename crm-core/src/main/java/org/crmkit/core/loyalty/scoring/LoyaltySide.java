package org.crmkit.core.loyalty.scoring;

/**
 * The three sides of loyalty the domain names (domain §8): what the customer does, feels and intends.
 *
 * @since 0.1
 */
public enum LoyaltySide {
    /** Behavioural loyalty: repeat purchase of the same brand, without searching further. */
    BEHAVIOURAL,
    /** Emotional (attitudinal) loyalty: affection, measured by recommendation and satisfaction answers. */
    ATTITUDINAL,
    /** Conscious (cognitive) loyalty: the stated intention to keep buying. */
    COGNITIVE
}
