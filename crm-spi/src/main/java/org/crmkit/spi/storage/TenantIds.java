package org.crmkit.spi.storage;

import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;

/**
 * The rule every tenant id follows, for stores and the domain to check it the same way: 1-64
 * letters, digits, '.', '_' or '-', starting with a letter or digit.
 *
 * @since 0.1
 */
public final class TenantIds {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private TenantIds() {
    }

    /** @return whether {@code tenant} is a valid tenant id; false for null */
    public static boolean isValid(String tenant) {
        return tenant != null && FORMAT.matcher(tenant).matches();
    }

    /**
     * @param tenant the tenant id to check
     * @return {@code tenant}
     * @throws ValidationException on field {@code tenant} if it is null or not a valid tenant id
     */
    public static String requireValid(String tenant) {
        if (tenant == null) {
            throw new ValidationException("tenant", "must not be null");
        }
        if (!isValid(tenant)) {
            throw new ValidationException("tenant",
                    "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", tenant);
        }
        return tenant;
    }
}
