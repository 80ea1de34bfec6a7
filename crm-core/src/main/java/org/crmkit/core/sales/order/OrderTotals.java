package org.crmkit.core.sales.order;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * What an order costs in all: the sums of its lines' net amounts, tax and gross amounts, in one
 * currency. Immutable and thread-safe.
 *
 * @param net   sum of the lines' net amounts; not null
 * @param tax   sum of the lines' tax; not null
 * @param gross sum of the lines' gross amounts, equal to {@code net} plus {@code tax}; not null
 * @since 0.1
 */
public record OrderTotals(Money net, Money tax, Money gross) {

    /** @throws ValidationException if an amount is missing, currencies differ, or gross is not net plus tax */
    public OrderTotals {
        if (net == null) {
            throw new ValidationException("netTotal", "must not be null");
        }
        if (tax == null) {
            throw new ValidationException("taxTotal", "must not be null");
        }
        if (gross == null) {
            throw new ValidationException("grossTotal", "must not be null");
        }
        net.requireSameCurrency(tax);
        net.requireSameCurrency(gross);
        if (!net.plus(tax).equals(gross)) {
            throw new ValidationException("grossTotal", "must be net plus tax (" + net.plus(tax) + ")", gross);
        }
    }

    /**
     * @param lines the lines; not empty, all in one currency
     * @return their sums
     * @throws ValidationException on {@code lines} if there are none, or on {@code currency} if
     *                             they mix currencies
     */
    public static OrderTotals of(List<OrderLine> lines) {
        Objects.requireNonNull(lines, "lines must not be null");
        if (lines.isEmpty()) {
            throw new ValidationException("lines", "must not be empty");
        }
        Currency currency = lines.get(0).net().currency();
        return new OrderTotals(
                Money.sum(currency, lines.stream().map(OrderLine::net).toList()),
                Money.sum(currency, lines.stream().map(OrderLine::tax).toList()),
                Money.sum(currency, lines.stream().map(OrderLine::gross).toList()));
    }
}
