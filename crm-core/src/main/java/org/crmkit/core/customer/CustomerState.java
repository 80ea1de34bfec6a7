package org.crmkit.core.customer;

import java.time.Instant;
import java.util.List;

import org.crmkit.core.common.TenantId;

/** The stored state of a customer in domain types: what storage mapping reads and writes. */
record CustomerState(
        CustomerId id,
        TenantId tenant,
        long version,
        CustomerType type,
        String name,
        Organisation organisation,
        RelationshipLevel relationshipLevel,
        LifecycleStage lifecycleStage,
        List<ContactPoint> contactPoints,
        List<PostalAddress> postalAddresses,
        List<Attribute> attributes,
        List<Consent> consents,
        List<OwnerAssignment> ownerHistory,
        Instant createdAt,
        Instant updatedAt) {

    CustomerState withVersion(long newVersion) {
        return new CustomerState(id, tenant, newVersion, type, name, organisation, relationshipLevel, lifecycleStage,
                contactPoints, postalAddresses, attributes, consents, ownerHistory, createdAt, updatedAt);
    }
}
