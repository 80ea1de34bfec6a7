package org.crmkit.core.loyalty.scoring;

/**
 * The four loyalty conditions of Dick and Basu (1994), "Customer Loyalty: Toward an Integrated
 * Conceptual Framework", Journal of the Academy of Marketing Science 22(2), 99-113: relative attitude
 * (high or low) crossed with repeat patronage (high or low).
 *
 * <p>crmkit measures relative attitude by the attitudinal and cognitive sides of the score (the
 * customer's own answers; the surveys do not ask about competitors, so the attitude is absolute rather
 * than relative to alternatives) and repeat patronage by the behavioural side. The paper gives no
 * numeric cut-offs; the defaults split both axes at 50 (see {@link LoyaltyScoreSettings}).
 *
 * @since 0.1
 */
public enum LoyaltyClass {
    /** High relative attitude and high repeat patronage: the customer likes the company and keeps buying. */
    TRUE_LOYALTY,
    /** High relative attitude, low repeat patronage: liked, but something (price, access) keeps purchases low. */
    LATENT_LOYALTY,
    /** Low relative attitude, high repeat patronage: buying from habit or lack of choice, easily lost. */
    SPURIOUS_LOYALTY,
    /** Low relative attitude and low repeat patronage. */
    NO_LOYALTY;

    /**
     * @param relativeAttitude  the attitude axis, 0..100
     * @param repeatPatronage   the patronage axis, 0..100
     * @param attitudeThreshold attitude at or above this is high
     * @param patronageThreshold patronage at or above this is high
     * @return the class of the cell the two values fall in
     */
    public static LoyaltyClass of(double relativeAttitude, double repeatPatronage, double attitudeThreshold,
                                  double patronageThreshold) {
        Checks.between("relativeAttitude", relativeAttitude, 0.0, 100.0);
        Checks.between("repeatPatronage", repeatPatronage, 0.0, 100.0);
        boolean highAttitude = relativeAttitude >= attitudeThreshold;
        boolean highPatronage = repeatPatronage >= patronageThreshold;
        if (highAttitude) {
            return highPatronage ? TRUE_LOYALTY : LATENT_LOYALTY;
        }
        return highPatronage ? SPURIOUS_LOYALTY : NO_LOYALTY;
    }
}
