-- crmkit schema, version 2, for H2 2.x: the generic record store, and the normalised legal name
-- that customers can be queried by.
--
-- Every statement is re-runnable (IF NOT EXISTS), as in version 1.
--
-- Records of every kind (leads, quotes, orders, ...) are documents in one table: the record as
-- JSON text in a CLOB, next to the columns every record has. The keys a record can be found by
-- are rows of crm_record_key, replaced whenever the record is.

-- The organisation's legal name, stripped of surrounding white space and lower-cased
-- (String.strip().toLowerCase(Locale.ROOT)); the adapter writes it with every customer. Rows
-- stored before this version get SQL's approximation (TRIM removes spaces only, LOWER follows H2).
ALTER TABLE crm_customer ADD COLUMN IF NOT EXISTS org_legal_name_key CHARACTER VARYING;

UPDATE crm_customer SET org_legal_name_key = LOWER(TRIM(org_legal_name))
    WHERE org_legal_name IS NOT NULL AND org_legal_name_key IS NULL;

CREATE INDEX IF NOT EXISTS crm_customer_legal_name_ix ON crm_customer (tenant_id, org_legal_name_key, id);

CREATE TABLE IF NOT EXISTS crm_record (
    id        UUID                  NOT NULL,
    tenant_id CHARACTER VARYING(64) NOT NULL,
    kind      CHARACTER VARYING(40) NOT NULL,
    version   BIGINT                NOT NULL,
    body      CLOB                  NOT NULL,
    CONSTRAINT crm_record_pk PRIMARY KEY (id),
    CONSTRAINT crm_record_version_ck CHECK (version >= 1)
);

CREATE INDEX IF NOT EXISTS crm_record_kind_ix ON crm_record (tenant_id, kind, id);

CREATE TABLE IF NOT EXISTS crm_record_key (
    record_id UUID                   NOT NULL,
    tenant_id CHARACTER VARYING(64)  NOT NULL,
    kind      CHARACTER VARYING(40)  NOT NULL,
    key_name  CHARACTER VARYING(40)  NOT NULL,
    key_value CHARACTER VARYING(400) NOT NULL,
    CONSTRAINT crm_record_key_pk PRIMARY KEY (record_id, key_name, key_value),
    CONSTRAINT crm_record_key_record_fk FOREIGN KEY (record_id) REFERENCES crm_record (id) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS crm_record_key_value_ix ON crm_record_key (tenant_id, kind, key_name, key_value, record_id);
