package org.crmkit.core.satisfaction.scoring;

import java.util.Locale;

/** How names in files and on the command line are matched: case, '_', ' ' and '-' do not matter. */
final class Names {

    private Names() {
    }

    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
    }

    static String display(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
