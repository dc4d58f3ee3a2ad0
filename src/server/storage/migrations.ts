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
];
