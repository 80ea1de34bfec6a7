package org.crmkit.core.analytics.clv;

import static org.quicktheories.generators.SourceDSL.doubles;

import org.quicktheories.core.Gen;

/** QuickTheories generators for purchase histories. */
final class Generators {

    private Generators() {
    }

    /** Purchase counts 0 to 9,999, log-uniform so that none, a few and very many all occur often. */
    static Gen<Integer> logUniformCount() {
        return doubles().between(0.0, 1.0).map(u -> (int) Math.floor(Math.pow(10, 4 * u)) - 1);
    }
}
