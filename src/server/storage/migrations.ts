/**
 * Schema changes in order; each runs once, inside a transaction. Never edit a shipped entry: append. An entry
 * is SQL both engines run as it is, or one text for each where they differ.
 */
export type Migration = string | { sqlite: string; postgres: string };

export const migrations: Migration[] = [
  `
  CREATE TABLE credentials (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('client_credentials', 'access_token')),
    shop_domain TEXT NOT NULL,
    client_id TEXT,
    secret_ciphertext TEXT NOT NULL,
    secret_hint TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('ui', 'env', 'sandbox')),
    status TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'verified', 'invalid')),
    verified_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX credentials_env_source ON credentials (source) WHERE source IN ('env', 'sandbox');

  CREATE TABLE card_activation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    credential_id TEXT REFERENCES credentials (id) ON DELETE RESTRICT,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
  );

  CREATE TABLE field_mappings (
    version INTEGER PRIMARY KEY,
    mapping TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE mapping_drafts (
    owner TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    lists TEXT NOT NULL,
    changed_at TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE people_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    credential_id TEXT REFERENCES credentials (id) ON DELETE SET NULL,
    active INTEGER NOT NULL DEFAULT 0,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
  );

  CREATE TABLE people_mappings (
    version INTEGER PRIMARY KEY,
    mapping TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );

  CREATE TABLE people_sync_state (
    shop_domain TEXT PRIMARY KEY,
    phase TEXT NOT NULL CHECK (phase IN ('initial', 'incremental', 'up_to_date')),
    run TEXT,
    checkpoint TEXT NOT NULL DEFAULT '{}',
    last_run TEXT,
    next_run_at TEXT,
    lease_owner TEXT,
    lease_expires_at TEXT
  );

  CREATE TABLE people (
    id TEXT PRIMARY KEY,
    shop_domain TEXT NOT NULL,
    shopify_customer_id TEXT NOT NULL,
    first_name TEXT,
    last_name TEXT,
    address TEXT,
    city TEXT,
    country TEXT,
    birth_date TEXT,
    external_id TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    attributes TEXT NOT NULL DEFAULT '{}',
    field_versions TEXT NOT NULL DEFAULT '{}',
    sort_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    shopify_updated_at TEXT,
    synced_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (shop_domain, shopify_customer_id)
  );
  CREATE INDEX people_by_name ON people (sort_name, id);

  CREATE TABLE person_contacts (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
    value TEXT NOT NULL,
    PRIMARY KEY (person_id, kind, value)
  );
  CREATE INDEX person_contacts_lookup ON person_contacts (kind, value);

  CREATE TABLE person_events (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (kind, source_id)
  );
  CREATE INDEX person_events_by_person ON person_events (person_id, occurred_at);

  CREATE TABLE people_tombstones (
    shop_domain TEXT NOT NULL,
    shopify_customer_id TEXT NOT NULL,
    customer_updated_at TEXT,
    deleted_by TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    PRIMARY KEY (shop_domain, shopify_customer_id)
  );
  `,
  `
  CREATE TABLE action_settings (
    version INTEGER PRIMARY KEY,
    settings TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );

  CREATE TABLE action_keys (
    key TEXT PRIMARY KEY,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
    outcome TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX action_keys_expiry ON action_keys (expires_at);

  CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    order_id TEXT,
    order_name TEXT,
    amount TEXT,
    currency TEXT,
    summary TEXT NOT NULL,
    conversation_id TEXT,
    host TEXT,
    result TEXT NOT NULL CHECK (result IN ('succeeded', 'refused', 'failed')),
    error_code TEXT,
    error TEXT,
    idempotency_key TEXT NOT NULL
  );
  CREATE INDEX audit_log_by_time ON audit_log (at, id);
  `,
  // The scopes Shopify granted at the credential's last verification (a JSON array; NULL until verified): the
  // list says "Missing scopes" for a credential that lacks some, without asking Shopify on every visit.
  `ALTER TABLE credentials ADD COLUMN granted_scopes TEXT;`,
  // Moves with every change to what a card open reads of the setup (credentials, activation, field mapping), in
  // the change's own transaction: each instance compares it with the setup it remembers instead of reading that.
  `
  CREATE TABLE config_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
  INSERT INTO config_generation (id, value) VALUES (1, 0);
  `,
];
