package org.crmkit.core.satisfaction.scoring;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The five dimensions of service quality of SERVQUAL (Parasuraman, Zeithaml &amp; Berry 1988), in
 * the order of the paper. {@link ServiceQualityCriterion} folds the ten criteria of 1985 onto them.
 *
 * @since 0.1
 */
public enum ServqualDimension {
    /** Physical facilities, equipment and the appearance of personnel. */
    TANGIBLES,
    /** Ability to perform the promised service dependably and accurately. */
    RELIABILITY,
    /** Willingness to help customers and provide prompt service. */
    RESPONSIVENESS,
    /** Knowledge and courtesy of employees and their ability to inspire trust and confidence. */
    ASSURANCE,
    /** Caring, individualised attention the firm provides its customers. */
    EMPATHY;

    /** @return the name in lower case, for example {@code "responsiveness"}; never null */
    public String displayName() {
        return Names.display(this);
    }

    /**
     * Finds a dimension by name, ignoring case and treating '_', ' ' and '-' alike.
     *
     * @param name a name; not null
     * @return the dimension, or empty when the name is not one of the five
     */
    public static Optional<ServqualDimension> find(String name) {
        Objects.requireNonNull(name, "name must not be null");
        String wanted = Names.normalise(name);
        return Arrays.stream(values()).filter(d -> Names.normalise(d.name()).equals(wanted)).findFirst();
    }
}
