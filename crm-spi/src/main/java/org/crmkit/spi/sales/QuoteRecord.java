package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A quote as storage keeps it: who it is for, its lines and totals, its state, its approval and
 * its place in a chain of revisions. Plain data; the domain ({@code org.crmkit.core.sales.quote.Quote})
 * enforces the rules. Immutable.
 *
 * @param id                       the quote's id; not null
 * @param tenant                   the tenant; a valid tenant id
 * @param version                  1 when first stored, one more per stored change; at least 1
 * @param customerId               the customer; not null
 * @param opportunityId            the opportunity it belongs to; not null
 * @param campaignId               the campaign it is attributed to; null if none
 * @param currency                 the ISO 4217 code of every amount; not blank
 * @param status                   the name of a {@code QuoteStatus}; not blank
 * @param revision                 1 for an original quote, one more per revision; at least 1
 * @param revisionOf               the quote this one revises; null for an original
 * @param supersededBy             the revision that replaced this quote; null unless superseded
 * @param validUntil               the last day the customer may accept; not null
 * @param preparedBy               the staff id who prepared it; not blank
 * @param customerGrade            the customer grade its prices were chosen for; null if none
 * @param customerSegment          the customer segment its prices were chosen for; null if none
 * @param taxRatePercent           the tax rate new lines get unless they name one; not null
 * @param approvalThresholdPercent line discounts above this need approval; not null
 * @param approvedBy               the staff id who approved its discounts; null if not approved
 * @param approvedAt               when they were approved; null if not approved
 * @param createdAt                when it was drafted; not null
 * @param sentAt                   when it was sent; null if not sent
 * @param acceptedAt               when the customer accepted it; null if not accepted
 * @param rejectedAt               when the customer rejected it; null if not rejected
 * @param rejectionReason          why; null if not rejected or no reason given
 * @param nextLineNo               the number the next line gets; positive
 * @param lines                    the lines in line-number order; not null, may be empty
 * @param netTotal                 the sum of the lines' net amounts; not null
 * @param taxTotal                 the sum of the lines' tax amounts; not null
 * @param grossTotal               the sum of the lines' gross amounts; not null
 * @since 0.1
 */
public record QuoteRecord(UUID id, String tenant, long version, UUID customerId, UUID opportunityId,
                          UUID campaignId, String currency, String status, int revision, UUID revisionOf,
                          UUID supersededBy, LocalDate validUntil, String preparedBy, String customerGrade,
                          String customerSegment, BigDecimal taxRatePercent, BigDecimal approvalThresholdPercent,
                          String approvedBy, Instant approvedAt, Instant createdAt, Instant sentAt,
                          Instant acceptedAt, Instant rejectedAt, String rejectionReason, int nextLineNo,
                          List<QuoteLineRecord> lines, MoneyRecord netTotal, MoneyRecord taxTotal,
                          MoneyRecord grossTotal) implements StoredRecord {

    /**
     * The record kind of quotes, queryable by {@code customerId}, {@code opportunityId},
     * {@code campaignId}, {@code status} and {@code revisionOf}.
     */
    public static final RecordKind<QuoteRecord> KIND = RecordKind.of("quote", QuoteRecord.class,
            List.of("customerId", "opportunityId", "campaignId", "status", "revisionOf"),
            r -> Arrays.asList(IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("opportunityId", r.opportunityId()),
                    IndexKey.ofNullable("campaignId", r.campaignId()),
                    IndexKey.ofNullable("status", r.status()),
                    IndexKey.ofNullable("revisionOf", r.revisionOf())));

    public QuoteRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notNull(opportunityId, "opportunityId");
        notBlank(currency, "currency");
        notBlank(status, "status");
        notNull(validUntil, "validUntil");
        notBlank(preparedBy, "preparedBy");
        nullOrNotBlank(customerGrade, "customerGrade");
        nullOrNotBlank(customerSegment, "customerSegment");
        notNull(taxRatePercent, "taxRatePercent");
        notNull(approvalThresholdPercent, "approvalThresholdPercent");
        nullOrNotBlank(approvedBy, "approvedBy");
        approvedAt = micros(approvedAt);
        createdAt = micros(notNull(createdAt, "createdAt"));
        sentAt = micros(sentAt);
        acceptedAt = micros(acceptedAt);
        rejectedAt = micros(rejectedAt);
        nullOrNotBlank(rejectionReason, "rejectionReason");
        if (revision < 1) {
            throw new ValidationException("revision", "must be at least 1", revision);
        }
        if (nextLineNo < 1) {
            throw new ValidationException("nextLineNo", "must be at least 1", nextLineNo);
        }
        lines = copy(lines, "lines");
        notNull(netTotal, "netTotal");
        notNull(taxTotal, "taxTotal");
        notNull(grossTotal, "grossTotal");
    }
}
