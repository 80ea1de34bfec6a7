-- crmkit schema, version 2, for PostgreSQL 12 or later: the generic record store, and the
-- normalised legal name that customers can be queried by.
--
-- Records of every kind (leads, quotes, orders, ...) are documents in one table: the record as
-- JSONB next to the columns every record has. The adapter writes decimals as JSON strings, so
-- JSONB's numeric normalisation cannot change a scale. The keys a record can be found by are rows
-- of crm_record_key, replaced whenever the record is.

-- The organisation's legal name, stripped of surrounding white space and lower-cased
-- (String.strip().toLowerCase(Locale.ROOT)); the adapter writes it with every customer. Rows
-- stored before this version get SQL's approximation (TRIM removes spaces only, LOWER follows the
-- database's collation).
ALTER TABLE crm_customer ADD COLUMN org_legal_name_key TEXT;

UPDATE crm_customer SET org_legal_name_key = LOWER(TRIM(org_legal_name)) WHERE org_legal_name IS NOT NULL;

CREATE INDEX crm_customer_legal_name_ix ON crm_customer (tenant_id, org_legal_name_key, id);

CREATE TABLE crm_record (
    id        UUID        NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    kind      VARCHAR(40) NOT NULL,
    version   BIGINT      NOT NULL,
    body      JSONB       NOT NULL,
    CONSTRAINT crm_record_pk PRIMARY KEY (id),
    CONSTRAINT crm_record_version_ck CHECK (version >= 1)
);

CREATE INDEX crm_record_kind_ix ON crm_record (tenant_id, kind, id);

CREATE TABLE crm_record_key (
    record_id UUID         NOT NULL,
    tenant_id VARCHAR(64)  NOT NULL,
    kind      VARCHAR(40)  NOT NULL,
    key_name  VARCHAR(40)  NOT NULL,
    key_value VARCHAR(400) NOT NULL,
    CONSTRAINT crm_record_key_pk PRIMARY KEY (record_id, key_name, key_value),
    CONSTRAINT crm_record_key_record_fk FOREIGN KEY (record_id) REFERENCES crm_record (id) ON DELETE CASCADE
);

CREATE INDEX crm_record_key_value_ix ON crm_record_key (tenant_id, kind, key_name, key_value, record_id);
