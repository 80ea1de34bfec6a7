-- crmkit schema, version 1, for H2 2.x.
--
-- H2 commits each DDL statement on its own, so every statement here is re-runnable
-- (IF NOT EXISTS): if the script fails half-way, running the migration again completes it.
-- Text columns are CHARACTER VARYING without a length (H2's maximum, 1,000,000,000 characters);
-- the free text of timeline entries, which may be very long, is a CLOB. Ids are native UUIDs,
-- which H2 orders as unsigned 128-bit numbers; instants are TIMESTAMP(6) WITH TIME ZONE
-- (microseconds).

CREATE TABLE IF NOT EXISTS crm_customer (
    id                      UUID                     NOT NULL,
    tenant_id               CHARACTER VARYING(64)    NOT NULL,
    version                 BIGINT                   NOT NULL,
    customer_type           CHARACTER VARYING        NOT NULL,
    name                    CHARACTER VARYING        NOT NULL,
    org_legal_name          CHARACTER VARYING,
    org_registration_number CHARACTER VARYING,
    org_tax_number          CHARACTER VARYING,
    org_industry            CHARACTER VARYING,
    org_website             CHARACTER VARYING,
    relationship_level      CHARACTER VARYING        NOT NULL,
    lifecycle_stage         CHARACTER VARYING        NOT NULL,
    owner_id                CHARACTER VARYING        NOT NULL,
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_customer_pk PRIMARY KEY (id),
    CONSTRAINT crm_customer_tenant_id_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_customer_version_ck CHECK (version >= 1)
);

CREATE INDEX IF NOT EXISTS crm_customer_owner_ix ON crm_customer (tenant_id, owner_id, id);
CREATE INDEX IF NOT EXISTS crm_customer_stage_ix ON crm_customer (tenant_id, lifecycle_stage, id);
CREATE INDEX IF NOT EXISTS crm_customer_updated_ix ON crm_customer (tenant_id, updated_at);

CREATE TABLE IF NOT EXISTS crm_contact_point (
    customer_id   UUID                  NOT NULL,
    ordinal       INTEGER               NOT NULL,
    tenant_id     CHARACTER VARYING(64) NOT NULL,
    kind          CHARACTER VARYING(16) NOT NULL,
    contact_value CHARACTER VARYING     NOT NULL,
    label         CHARACTER VARYING,
    is_primary    BOOLEAN               NOT NULL,
    CONSTRAINT crm_contact_point_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_contact_point_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES crm_customer (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS crm_contact_point_value_ix ON crm_contact_point (tenant_id, kind, contact_value);

CREATE TABLE IF NOT EXISTS crm_postal_address (
    customer_id UUID              NOT NULL,
    ordinal     INTEGER           NOT NULL,
    label       CHARACTER VARYING,
    is_primary  BOOLEAN           NOT NULL,
    street      CHARACTER VARYING NOT NULL,
    city        CHARACTER VARYING NOT NULL,
    region      CHARACTER VARYING,
    postal_code CHARACTER VARYING,
    country     CHARACTER VARYING NOT NULL,
    CONSTRAINT crm_postal_address_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_postal_address_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm_customer (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_attribute (
    customer_id UUID              NOT NULL,
    ordinal     INTEGER           NOT NULL,
    category    CHARACTER VARYING NOT NULL,
    attr_name   CHARACTER VARYING NOT NULL,
    attr_type   CHARACTER VARYING NOT NULL,
    attr_value  CHARACTER VARYING NOT NULL,
    CONSTRAINT crm_attribute_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_attribute_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm_customer (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_consent (
    customer_id UUID                        NOT NULL,
    ordinal     INTEGER                     NOT NULL,
    channel     CHARACTER VARYING           NOT NULL,
    purpose     CHARACTER VARYING           NOT NULL,
    status      CHARACTER VARYING           NOT NULL,
    decided_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    evidence    CHARACTER VARYING           NOT NULL,
    CONSTRAINT crm_consent_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_consent_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm_customer (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_ownership (
    customer_id UUID                        NOT NULL,
    ordinal     INTEGER                     NOT NULL,
    owner_id    CHARACTER VARYING           NOT NULL,
    valid_from  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_until TIMESTAMP(6) WITH TIME ZONE,
    assigned_by CHARACTER VARYING           NOT NULL,
    reason      CHARACTER VARYING,
    CONSTRAINT crm_ownership_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_ownership_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm_customer (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_timeline_entry (
    id          UUID                        NOT NULL,
    tenant_id   CHARACTER VARYING(64)       NOT NULL,
    customer_id UUID                        NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    kind        CHARACTER VARYING           NOT NULL,
    channel     CHARACTER VARYING,
    staff_id    CHARACTER VARYING,
    department  CHARACTER VARYING,
    summary     CLOB                        NOT NULL,
    outcome     CLOB,
    CONSTRAINT crm_timeline_entry_pk PRIMARY KEY (id),
    CONSTRAINT crm_timeline_entry_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES crm_customer (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS crm_timeline_entry_customer_ix
    ON crm_timeline_entry (tenant_id, customer_id, occurred_at, id);
