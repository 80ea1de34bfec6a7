package org.crmkit.core.analytics.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model fitted by maximum likelihood. Immutable and thread-safe.
 *
 * @param model          the fitted model; not null
 * @param logLikelihood  the maximised log-likelihood over the data (weighted sum over customers)
 * @param standardErrors asymptotic standard errors of the parameters by name, from the inverse of the
 *                       numeric Hessian of the log-likelihood at the optimum (delta method through the
 *                       log-scale parameterisation); empty if that Hessian is not positive definite
 * @param evaluations    likelihood evaluations spent
 * @param <M>            the model type
 * @since 0.1
 */
public record ModelFit<M>(M model, double logLikelihood, Map<String, Double> standardErrors, int evaluations) {

    public ModelFit {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(standardErrors, "standardErrors must not be null");
        standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
    }
}
