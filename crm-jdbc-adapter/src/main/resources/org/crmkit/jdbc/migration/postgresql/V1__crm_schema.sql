-- crmkit schema, version 1, for PostgreSQL 12 or later.
--
-- PostgreSQL DDL is transactional: this script applies entirely or not at all.
-- Text columns are TEXT (any length, Unicode in a UTF8 database). Ids are native UUIDs,
-- which PostgreSQL orders as unsigned 128-bit numbers; instants are TIMESTAMPTZ (microseconds).

CREATE TABLE crm_customer (
    id                      UUID        NOT NULL,
    tenant_id               VARCHAR(64) NOT NULL,
    version                 BIGINT      NOT NULL,
    customer_type           TEXT        NOT NULL,
    name                    TEXT        NOT NULL,
    org_legal_name          TEXT,
    org_registration_number TEXT,
    org_tax_number          TEXT,
    org_industry            TEXT,
    org_website             TEXT,
    relationship_level      TEXT        NOT NULL,
    lifecycle_stage         TEXT        NOT NULL,
    owner_id                TEXT        NOT NULL,
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_customer_pk PRIMARY KEY (id),
    CONSTRAINT crm_customer_tenant_id_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_customer_version_ck CHECK (version >= 1)
);

CREATE INDEX crm_customer_owner_ix ON crm_customer (tenant_id, owner_id, id);
CREATE INDEX crm_customer_stage_ix ON crm_customer (tenant_id, lifecycle_stage, id);
CREATE INDEX crm_customer_updated_ix ON crm_customer (tenant_id, updated_at);

CREATE TABLE crm_contact_point (
    customer_id   UUID        NOT NULL,
    ordinal       INTEGER     NOT NULL,
    tenant_id     VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    contact_value TEXT        NOT NULL,
    label         TEXT,
    is_primary    BOOLEAN     NOT NULL,
    CONSTRAINT crm_contact_point_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_contact_point_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES crm_customer (tenant_id, id) ON DELETE CASCADE
);

-- A B-tree entry is limited to about 2,700 bytes: a contact value (a normalised e-mail address
-- or phone number) longer than that cannot be stored.
CREATE INDEX crm_contact_point_value_ix ON crm_contact_point (tenant_id, kind, contact_value);

CREATE TABLE crm_postal_address (
    customer_id UUID    NOT NULL,
    ordinal     INTEGER NOT NULL,
    label       TEXT,
    is_primary  BOOLEAN NOT NULL,
    street      TEXT    NOT NULL,
    city        TEXT    NOT NULL,
    region      TEXT,
    postal_code TEXT,
    country     TEXT    NOT NULL,
    CONSTRAINT crm_postal_address_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_postal_address_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm_customer (id) ON DELETE CASCADE
);

CREATE TABLE crm_attribute (
    customer_id UUID    NOT NULL,
    ordinal     INTEGER NOT NULL,
    category    TEXT    NOT NULL,
    attr_name   TEXT    NOT NULL,
    attr_type   TEXT    NOT NULL,
    attr_value  TEXT    NOT NULL,
    CONSTRAINT crm_attribute_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_attribute_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm_customer (id) ON DELETE CASCADE
);

CREATE TABLE crm_consent (
    customer_id UUID                        NOT NULL,
    ordinal     INTEGER                     NOT NULL,
    channel     TEXT                        NOT NULL,
    purpose     TEXT                        NOT NULL,
    status      TEXT                        NOT NULL,
    decided_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    evidence    TEXT                        NOT NULL,
    CONSTRAINT crm_consent_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_consent_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm_customer (id) ON DELETE CASCADE
);

CREATE TABLE crm_ownership (
    customer_id UUID                        NOT NULL,
    ordinal     INTEGER                     NOT NULL,
    owner_id    TEXT                        NOT NULL,
    valid_from  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_until TIMESTAMP(6) WITH TIME ZONE,
    assigned_by TEXT                        NOT NULL,
    reason      TEXT,
    CONSTRAINT crm_ownership_pk PRIMARY KEY (customer_id, ordinal),
    CONSTRAINT crm_ownership_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm_customer (id) ON DELETE CASCADE
);

CREATE TABLE crm_timeline_entry (
    id          UUID                        NOT NULL,
    tenant_id   VARCHAR(64)                 NOT NULL,
    customer_id UUID                        NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    kind        TEXT                        NOT NULL,
    channel     TEXT,
    staff_id    TEXT,
    department  TEXT,
    summary     TEXT                        NOT NULL,
    outcome     TEXT,
    CONSTRAINT crm_timeline_entry_pk PRIMARY KEY (id),
    CONSTRAINT crm_timeline_entry_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES crm_customer (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX crm_timeline_entry_customer_ix ON crm_timeline_entry (tenant_id, customer_id, occurred_at, id);
