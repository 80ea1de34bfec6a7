package org.crmkit.core.satisfaction.scoring;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The ten determinants of service quality of Parasuraman, Zeithaml &amp; Berry (1985), each with
 * the SERVQUAL dimension (1988) it folds into: competence, courtesy, credibility and security into
 * {@link ServqualDimension#ASSURANCE}; access, communication and understanding the customer into
 * {@link ServqualDimension#EMPATHY}; the other three keep their own dimension.
 *
 * @since 0.1
 */
public enum ServiceQualityCriterion {
    /** Physical evidence of the service. */
    TANGIBLES(ServqualDimension.TANGIBLES),
    /** Consistency of performance and dependability. */
    RELIABILITY(ServqualDimension.RELIABILITY),
    /** Willingness or readiness of employees to provide service. */
    RESPONSIVENESS(ServqualDimension.RESPONSIVENESS),
    /** Possession of the skills and knowledge required to perform the service. */
    COMPETENCE(ServqualDimension.ASSURANCE),
    /** Politeness, respect, consideration and friendliness of contact personnel. */
    COURTESY(ServqualDimension.ASSURANCE),
    /** Trustworthiness, believability, honesty. */
    CREDIBILITY(ServqualDimension.ASSURANCE),
    /** Freedom from danger, risk or doubt. */
    SECURITY(ServqualDimension.ASSURANCE),
    /** Approachability and ease of contact. */
    ACCESS(ServqualDimension.EMPATHY),
    /** Keeping customers informed in language they understand, and listening to them. */
    COMMUNICATION(ServqualDimension.EMPATHY),
    /** Making the effort to understand the customer's needs. */
    UNDERSTANDING_THE_CUSTOMER(ServqualDimension.EMPATHY);

    private final ServqualDimension dimension;

    ServiceQualityCriterion(ServqualDimension dimension) {
        this.dimension = dimension;
    }

    /** @return the SERVQUAL dimension this criterion folds into; never null */
    public ServqualDimension dimension() {
        return dimension;
    }

    /** @return the name in lower case with spaces, for example {@code "understanding the customer"} */
    public String displayName() {
        return Names.display(this);
    }

    /**
     * Finds a criterion by name, ignoring case and treating '_', ' ' and '-' alike
     * ({@code "Understanding-the customer"} finds {@link #UNDERSTANDING_THE_CUSTOMER}).
     *
     * @param name a name; not null
     * @return the criterion, or empty when the name is not one of the ten
     */
    public static Optional<ServiceQualityCriterion> find(String name) {
        Objects.requireNonNull(name, "name must not be null");
        String wanted = Names.normalise(name);
        return Arrays.stream(values()).filter(c -> Names.normalise(c.name()).equals(wanted)).findFirst();
    }
}
