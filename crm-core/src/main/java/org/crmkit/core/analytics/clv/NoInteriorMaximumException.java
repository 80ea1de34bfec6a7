package org.crmkit.core.analytics.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fit whose likelihood has no maximum inside the parameter space: it keeps rising toward a boundary
 * where the model degenerates into a simpler one. The message says what was tried and where the
 * boundary lies; {@link #boundaryEstimates()} gives the simpler model's own maximum-likelihood estimates,
 * which describe the data as well as the model can.
 *
 * <p>Thrown by {@link ParetoNbdModel#fit(PurchaseHistories)} when the likelihood rises as s and β grow
 * together at a fixed ratio s/β: the dropout rates' gamma distribution narrows to a point, so every
 * customer drops out at the same rate s/β. The estimates are then {@code r}, {@code alpha} and
 * {@code s/beta} of that limit. A caller that can do without the Pareto/NBD model (the BG/NBD model
 * usually fits such data) catches this exception and reports the boundary instead.
 *
 * @since 0.1
 */
public class NoInteriorMaximumException extends ModelFitException {
    private static final long serialVersionUID = 1L;

    private final String boundary;
    private final Map<String, Double> boundaryEstimates;
    private final double logLikelihood;

    /**
     * @param model             the model's name, for example {@code "Pareto/NBD"}
     * @param boundary          where the likelihood's supremum lies, in words
     * @param boundaryEstimates the limiting model's parameters by name; not null
     * @param logLikelihood     the log-likelihood's supremum (that of the limiting model at its estimates)
     * @param attempts          what was tried and what showed that the maximum is on the boundary
     */
    public NoInteriorMaximumException(String model, String boundary, Map<String, Double> boundaryEstimates,
            double logLikelihood, String attempts) {
        super(model, "the likelihood has no interior maximum; it rises toward the boundary " + boundary + ". "
                + attempts);
        this.boundary = Objects.requireNonNull(boundary, "boundary must not be null");
        this.boundaryEstimates = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(boundaryEstimates, "boundaryEstimates must not be null")));
        this.logLikelihood = logLikelihood;
    }

    /** @return where the likelihood's supremum lies, in words, for example "s, beta -> infinity with s/beta = 0.0192" */
    public String boundary() {
        return boundary;
    }

    /** @return the limiting model's maximum-likelihood estimates by parameter name, in order; unmodifiable */
    public Map<String, Double> boundaryEstimates() {
        return boundaryEstimates;
    }

    /** @return the supremum of the log-likelihood, reached only in the limit */
    public double logLikelihood() {
        return logLikelihood;
    }
}
