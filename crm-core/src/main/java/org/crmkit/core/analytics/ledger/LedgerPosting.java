package org.crmkit.core.analytics.ledger;

import org.crmkit.spi.ValidationException;

/**
 * What one call of {@link PurchaseLedger#recordAll} did: how many entries it stored and how many
 * were already recorded under their source key (and so were left as they were). Immutable.
 *
 * @param recorded        entries stored by this call; 0 or more
 * @param alreadyRecorded entries whose source key was already recorded for the same purchase; 0 or more
 * @since 0.1
 */
public record LedgerPosting(int recorded, int alreadyRecorded) {

    /** Validates the counts. */
    public LedgerPosting {
        if (recorded < 0) {
            throw new ValidationException("recorded", "must not be negative", recorded);
        }
        if (alreadyRecorded < 0) {
            throw new ValidationException("alreadyRecorded", "must not be negative", alreadyRecorded);
        }
    }
}
