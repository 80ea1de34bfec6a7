package org.crmkit.core.service;

import java.util.Locale;
import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;

/**
 * A skill a service agent has and a work order may need, such as {@code plumbing} or
 * {@code refunds}. Kept in lower case, so {@code "Plumbing"} and {@code "plumbing"} are the same
 * skill. Immutable and thread-safe.
 *
 * @param name lower-case letters, digits, {@code '-'} and {@code '_'}, starting with a letter or a
 *             digit, 1 to 40 characters (surrounding whitespace is stripped and case folded first)
 * @since 0.1
 */
public record Skill(String name) implements Comparable<Skill> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public Skill {
        if (name == null) {
            throw new ValidationException("skill", "must not be null");
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new ValidationException("skill", "must be 1 to 40 letters, digits, '-' or '_', starting with a "
                    + "letter or a digit", name);
        }
        name = n;
    }

    /** @return the skill with that name */
    public static Skill of(String name) {
        return new Skill(name);
    }

    @Override
    public int compareTo(Skill other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
