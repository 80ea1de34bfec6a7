package org.crmkit.core.customer;

import java.text.Normalizer;
import java.util.Locale;

import org.crmkit.spi.ValidationException;

/**
 * An e-mail address in normalised form: surrounding whitespace removed, Unicode in composed form
 * (NFC), and the domain part compatibility-normalised (NFKC, so full-width letters become plain
 * ones) and lower-cased. The local part keeps its case, since RFC 5321 leaves its meaning to the
 * receiving server. Two addresses that differ only in the case of their domain, or in how the same
 * letters were encoded, are equal.
 *
 * <p>Accepted: a dot-atom local part of 1-64 characters (letters, digits, and
 * {@code !#$%&'*+/=?^_`{|}~.-}, or any non-ASCII letter or combining mark, per RFC 6531), no
 * leading, trailing or doubled dot; a domain of at least two labels, each 1-63 letters, digits,
 * combining marks or hyphens, starting with a letter or digit and not ending with a hyphen; at most
 * 254 characters in all. Quoted local parts and IP
 * literals are refused: they are legal but almost never typed by a real customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the normalised address
 * @since 0.1
 */
public record EmailAddress(String value) {

    private static final String ATEXT = "!#$%&'*+/=?^_`{|}~-";

    /** Validates {@code value}, which must already be in normalised form; prefer {@link #parse}. */
    public EmailAddress {
        if (value == null) {
            throw new ValidationException("email", "must not be null");
        }
        String normalised = normalise(value, "email");
        if (!normalised.equals(value)) {
            throw new ValidationException("email", "must be normalised (use EmailAddress.parse)", value);
        }
    }

    /**
     * Parses and normalises an address as a person typed it.
     *
     * @param text the address; surrounding whitespace is ignored
     * @return the normalised address
     * @throws ValidationException on field {@code email} if the text is not a valid address
     */
    public static EmailAddress parse(String text) {
        return parse(text, "email");
    }

    /** Same as {@link #parse(String)}, naming {@code field} in the error. */
    public static EmailAddress parse(String text, String field) {
        if (text == null) {
            throw new ValidationException(field, "must not be null");
        }
        return new EmailAddress(normalise(text, field));
    }

    /** @return the part before the '@' */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /** @return the domain, lower-cased */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    private static String normalise(String text, String field) {
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (s.isEmpty()) {
            throw new ValidationException(field, "must not be blank", text);
        }
        if (s.length() > 254) {
            throw new ValidationException(field, "must be at most 254 characters", text);
        }
        int at = s.lastIndexOf('@');
        if (at < 0 || s.indexOf('@') != at) {
            throw new ValidationException(field, "must contain exactly one '@'", text);
        }
        String local = s.substring(0, at);
        String domain = Normalizer.normalize(
                Normalizer.normalize(s.substring(at + 1), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFC);
        checkLocal(local, field, text);
        checkDomain(domain, field, text);
        return local + "@" + domain;
    }

    private static void checkLocal(String local, String field, String text) {
        if (local.isEmpty() || local.length() > 64) {
            throw new ValidationException(field, "must have a local part of 1-64 characters before the '@'", text);
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new ValidationException(field, "must not start or end the local part with '.' or contain '..'",
                    text);
        }
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            boolean ok = cp < 128
                    ? Character.isLetterOrDigit(cp) || cp == '.' || ATEXT.indexOf(cp) >= 0
                    : Character.isLetterOrDigit(cp) || isMark(cp);
            if (!ok) {
                throw new ValidationException(field,
                        "must not contain '" + new String(Character.toChars(cp)) + "' in the local part", text);
            }
            i += Character.charCount(cp);
        }
    }

    private static void checkDomain(String domain, String field, String text) {
        if (domain.isEmpty() || domain.length() > 253) {
            throw new ValidationException(field, "must have a domain of 1-253 characters after the '@'", text);
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw new ValidationException(field, "must have a domain with at least one '.'", text);
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63) {
                throw new ValidationException(field, "must have domain labels of 1-63 characters", text);
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new ValidationException(field, "must not start or end a domain label with '-'", text);
            }
            if (isMark(label.codePointAt(0))) {
                throw new ValidationException(field, "must not start a domain label with a combining mark", text);
            }
            for (int i = 0; i < label.length(); ) {
                int cp = label.codePointAt(i);
                if (!(Character.isLetterOrDigit(cp) || cp == '-' || isMark(cp))) {
                    throw new ValidationException(field,
                            "must not contain '" + new String(Character.toChars(cp)) + "' in the domain", text);
                }
                i += Character.charCount(cp);
            }
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    @Override
    public String toString() {
        return value;
    }
}
