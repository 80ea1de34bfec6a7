package org.crmkit.core.analytics.clv;

import org.crmkit.spi.CrmException;

/**
 * Maximum likelihood fitting did not converge: the optimiser ran out of evaluations from every start it
 * tried, or found no finite likelihood. The message says which model, what was tried and the best
 * value reached; no model is returned, so no NaN escapes.
 *
 * @since 0.1
 */
public class ModelFitException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String model;

    /**
     * @param model    the model's name, for example {@code "BG/NBD"}
     * @param attempts what was tried and how it ended
     */
    public ModelFitException(String model, String attempts) {
        super(model + " fit did not converge: " + attempts);
        this.model = model;
    }

    /** @return the model's name */
    public String model() {
        return model;
    }
}
