import { randomUUID } from 'node:crypto';
import { AppError } from '../http/problem';
import { setupGeneration, type SetupGeneration } from './generation';
import { secretHint, type SecretBox } from './secrets';
import type { Sql } from './sql';

export type CredentialKind = 'client_credentials' | 'access_token';
export type CredentialSource = 'ui' | 'env' | 'sandbox';

/** A stored credential as the rest of the server sees it: never the secret itself. */
export type Credential = {
  id: string;
  name: string;
  kind: CredentialKind;
  shopDomain: string;
  clientId: string | null;
  secretHint: string;
  source: CredentialSource;
  status: 'unverified' | 'verified' | 'invalid';
  verifiedAt: string | null;
  /** The scopes Shopify granted at the last verification; null until verified (or since its secret changed). */
  grantedScopes: string[] | null;
  createdAt: string;
  updatedAt: string;
};

export type NewCredential = {
  name: string;
  kind: CredentialKind;
  shopDomain: string;
  /** Client ID for client credentials, API key for a legacy token. */
  clientId: string | null;
  /** Client secret for client credentials, the Admin API access token for a legacy token. */
  secret: string;
};

type Row = {
  id: string;
  name: string;
  kind: CredentialKind;
  shop_domain: string;
  client_id: string | null;
  secret_hint: string;
  source: CredentialSource;
  status: Credential['status'];
  verified_at: string | null;
  granted_scopes: string | null;
  created_at: string;
  updated_at: string;
};

const COLUMNS = 'id, name, kind, shop_domain, client_id, secret_hint, source, status, verified_at, granted_scopes, created_at, updated_at';

function toCredential(row: Row): Credential {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    shopDomain: row.shop_domain,
    clientId: row.client_id,
    secretHint: row.secret_hint,
    source: row.source,
    status: row.status,
    verifiedAt: row.verified_at,
    grantedScopes: row.granted_scopes === null ? null : (JSON.parse(row.granted_scopes) as string[]),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Shopify credentials, their secrets sealed with APP_SECRET. Every change moves the setup generation in its
 * own transaction, so that every instance's next card open reads the credential again.
 */
export function createCredentialsStore(sql: Sql, box: SecretBox, generation: SetupGeneration = setupGeneration(sql)) {
  const byId = (db: Sql, id: string) => db.get<Row>(`SELECT ${COLUMNS} FROM credentials WHERE id = ?`, [id]);
  const sealed = (db: Sql, id: string) =>
    db.get<{ secret_ciphertext: string }>('SELECT secret_ciphertext FROM credentials WHERE id = ?', [id]);
  const insert = (db: Sql, id: string, input: NewCredential, source: CredentialSource) => {
    const now = new Date().toISOString();
    return db.run(
      `INSERT INTO credentials (id, name, kind, shop_domain, client_id, secret_ciphertext, secret_hint, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, input.name, input.kind, input.shopDomain, input.clientId, box.seal(input.secret), secretHint(input.secret), source, now, now],
    );
  };
  const replace = (db: Sql, id: string, input: NewCredential) =>
    db.run(
      `UPDATE credentials SET name = ?, kind = ?, shop_domain = ?, client_id = ?,
         secret_ciphertext = ?, secret_hint = ?, status = 'unverified', verified_at = NULL, granted_scopes = NULL, updated_at = ?
       WHERE id = ?`,
      [
        input.name,
        input.kind,
        input.shopDomain,
        input.clientId,
        box.seal(input.secret),
        secretHint(input.secret),
        new Date().toISOString(),
        id,
      ],
    );
  async function read(id: string): Promise<Credential> {
    const row = await byId(sql, id);
    if (!row) throw new Error(`No credential ${id}`);
    return toCredential(row);
  }

  return {
    async list(): Promise<Credential[]> {
      return (await sql.all<Row>(`SELECT ${COLUMNS} FROM credentials ORDER BY created_at, id`)).map(toCredential);
    },
    async get(id: string): Promise<Credential | null> {
      const row = await byId(sql, id);
      return row ? toCredential(row) : null;
    },
    /**
     * The decrypted secret, for the Shopify client only. CREDENTIAL_UNREADABLE when neither APP_SECRET
     * nor APP_SECRET_PREVIOUS sealed it: an admin must enter it again.
     */
    async readSecret(id: string): Promise<string> {
      const row = await sealed(sql, id);
      if (!row) throw new Error(`No credential ${id}`);
      const opened = box.open(row.secret_ciphertext);
      if (!opened) {
        const name = (await byId(sql, id))?.name ?? id;
        throw new AppError(
          'CREDENTIAL_UNREADABLE',
          `The stored secret of the credential "${name}" cannot be read with the server's APP_SECRET (it changed); an admin must enter the secret again.`,
        );
      }
      return opened.plain;
    },
    /**
     * After APP_SECRET changed: seals again with the current secret every stored secret that
     * APP_SECRET_PREVIOUS sealed, and names the credentials that no secret opens.
     */
    async resealWithCurrentSecret(): Promise<{ resealed: number; unreadable: Credential[] }> {
      let resealed = 0;
      const unreadable: Credential[] = [];
      for (const row of await sql.all<{ id: string; secret_ciphertext: string }>('SELECT id, secret_ciphertext FROM credentials')) {
        const opened = box.open(row.secret_ciphertext);
        if (!opened) {
          const credential = await this.get(row.id);
          if (credential) unreadable.push(credential);
        } else if (opened.sealedWith === 'previous') {
          // The same secret under the new key: nothing about the credential changes, not even updated_at (cache keys
          // use it); another instance resealing at the same start finds the row already changed and leaves it.
          resealed += await sql.run('UPDATE credentials SET secret_ciphertext = ? WHERE id = ? AND secret_ciphertext = ?', [
            box.seal(opened.plain),
            row.id,
            row.secret_ciphertext,
          ]);
        }
      }
      return { resealed, unreadable };
    },
    async create(input: NewCredential, source: CredentialSource = 'ui'): Promise<Credential> {
      const id = randomUUID();
      await generation.change((tx) => insert(tx, id, input, source));
      return read(id);
    },
    /** Registers or updates the one credential that comes from the environment or the sandbox. */
    async upsertFromSource(source: Exclude<CredentialSource, 'ui'>, input: NewCredential): Promise<Credential> {
      const stored = (db: Sql) =>
        db.get<Row & { secret_ciphertext: string }>(`SELECT ${COLUMNS}, secret_ciphertext FROM credentials WHERE source = ?`, [source]);
      const unchanged = (row: Row & { secret_ciphertext: string }): boolean =>
        row.kind === input.kind &&
        row.shop_domain === input.shopDomain &&
        row.client_id === input.clientId &&
        // A secret no key opens any more is replaced by the one the environment gives.
        box.open(row.secret_ciphertext)?.plain === input.secret;
      const current = await stored(sql);
      if (current && unchanged(current)) return toCredential(current);
      const id = await generation.change(async (tx) => {
        // Instances starting together with the same environment: the first registers it, the others find it.
        const existing = await stored(tx);
        if (existing) {
          if (!unchanged(existing)) await replace(tx, existing.id, input);
          return existing.id;
        }
        const created = randomUUID();
        await insert(tx, created, input, source);
        return created;
      });
      return read(id);
    },
    /** Records what Shopify said; a verification also records the scopes it granted, kept until the next one. */
    async markStatus(id: string, status: Credential['status'], grantedScopes?: readonly string[]): Promise<void> {
      const now = new Date().toISOString();
      await generation.change((tx) =>
        tx.run(
          'UPDATE credentials SET status = ?, verified_at = COALESCE(?, verified_at), granted_scopes = COALESCE(?, granted_scopes), updated_at = ? WHERE id = ?',
          [status, status === 'verified' ? now : null, grantedScopes ? JSON.stringify(grantedScopes) : null, now, id],
        ),
      );
    },
    /**
     * Renames a credential and/or replaces its secret, keeping the rest. A new secret has not been
     * checked against Shopify yet, so the credential is unverified again. Null when there is no such id.
     */
    async update(id: string, change: { name?: string | undefined; secret?: string | undefined }): Promise<Credential | null> {
      return generation.change(async (tx) => {
        if (!(await byId(tx, id))) return null;
        const now = new Date().toISOString();
        if (change.name !== undefined) await tx.run('UPDATE credentials SET name = ?, updated_at = ? WHERE id = ?', [change.name, now, id]);
        if (change.secret !== undefined) {
          await tx.run(
            `UPDATE credentials SET secret_ciphertext = ?, secret_hint = ?, status = 'unverified', verified_at = NULL, granted_scopes = NULL,
               updated_at = ? WHERE id = ?`,
            [box.seal(change.secret), secretHint(change.secret), now, id],
          );
        }
        const row = await byId(tx, id);
        return row ? toCredential(row) : null;
      });
    },
    /** Removes a credential; false when there was none. The caller checks that the card does not use it. */
    async remove(id: string): Promise<boolean> {
      return (await generation.change((tx) => tx.run('DELETE FROM credentials WHERE id = ?', [id]))) > 0;
    },
  };
}
export type CredentialsStore = ReturnType<typeof createCredentialsStore>;
