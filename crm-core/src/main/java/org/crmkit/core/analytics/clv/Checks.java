package org.crmkit.core.analytics.clv;

import org.crmkit.spi.ValidationException;

/** Argument checks shared by the models. Package-private. */
final class Checks {

    private Checks() {
    }

    static void parameter(String name, double value) {
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new ValidationException(name, "must be finite and > 0", value);
        }
    }

    static void horizon(double t) {
        if (!Double.isFinite(t) || t < 0.0) {
            throw new ValidationException("t", "must be finite and >= 0", t);
        }
    }
}
