package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.math.BigDecimal;

/**
 * An amount of money as storage keeps it: the decimal amount, exactly as the domain made it (a
 * store must give back the same scale), and the ISO 4217 currency code.
 *
 * @param amount   the amount; not null
 * @param currency the ISO 4217 code, for example {@code "EUR"}; not blank
 * @since 0.1
 */
public record MoneyRecord(BigDecimal amount, String currency) {

    public MoneyRecord {
        notNull(amount, "amount");
        notBlank(currency, "currency");
    }
}
