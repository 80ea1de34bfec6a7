package org.crmkit.core.sales.opportunity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * The sales forecast for a period: per owner and currency, the open opportunities expected to
 * close in the period, their total amount and their amount weighted by win probability.
 * Immutable and thread-safe.
 *
 * @param from  the first day of the period, inclusive; not null
 * @param to    the last day of the period, inclusive; not before {@code from}
 * @param lines one line per owner and currency, ordered by owner id, then currency code; not null
 * @since 0.1
 */
public record Forecast(LocalDate from, LocalDate to, List<ForecastLine> lines) {

    public Forecast {
        Texts.notNull(from, "from");
        Texts.notNull(to, "to");
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from " + from, to);
        }
        lines = List.copyOf(Texts.notNull(lines, "lines"));
    }

    /** @return the lines of one owner, one per currency; empty if the owner has none */
    public List<ForecastLine> linesOf(StaffId owner) {
        return lines.stream().filter(l -> l.owner().equals(owner)).toList();
    }

    /**
     * @param owner        the salesperson
     * @param currencyCode an ISO 4217 code
     * @return that owner's line in that currency, if there is one
     */
    public Optional<ForecastLine> line(StaffId owner, String currencyCode) {
        return lines.stream()
                .filter(l -> l.owner().equals(owner) && l.currency().getCurrencyCode().equals(currencyCode))
                .findFirst();
    }
}
