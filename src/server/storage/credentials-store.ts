import { randomUUID } from 'node:crypto';
import { AppError } from '../http/problem';
import type { Db } from './db';
import { secretHint, type SecretBox } from './secrets';

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

export function createCredentialsStore(db: Db, box: SecretBox) {
  const byId = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM credentials WHERE id = ?`);
  const bySource = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM credentials WHERE source = ?`);
  const all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM credentials ORDER BY created_at, id`);
  const sealed = db.prepare<[string], { secret_ciphertext: string }>('SELECT secret_ciphertext FROM credentials WHERE id = ?');
  const allSealed = db.prepare<[], { id: string; secret_ciphertext: string }>('SELECT id, secret_ciphertext FROM credentials');
  // The same secret under the new key: nothing about the credential changes, not even updated_at (cache keys use it).
  const reseal = db.prepare('UPDATE credentials SET secret_ciphertext = ? WHERE id = ? AND secret_ciphertext = ?');
  const insert = db.prepare(
    `INSERT INTO credentials (id, name, kind, shop_domain, client_id, secret_ciphertext, secret_hint, source, created_at, updated_at)
     VALUES (@id, @name, @kind, @shopDomain, @clientId, @sealed, @hint, @source, @now, @now)`,
  );
  const replace = db.prepare(
    `UPDATE credentials SET name = @name, kind = @kind, shop_domain = @shopDomain, client_id = @clientId,
       secret_ciphertext = @sealed, secret_hint = @hint, status = 'unverified', verified_at = NULL, granted_scopes = NULL,
       updated_at = @now
     WHERE id = @id`,
  );
  const setStatus = db.prepare(
    'UPDATE credentials SET status = ?, verified_at = COALESCE(?, verified_at), granted_scopes = COALESCE(?, granted_scopes), updated_at = ? WHERE id = ?',
  );
  const rename = db.prepare('UPDATE credentials SET name = ?, updated_at = ? WHERE id = ?');
  const replaceSecret = db.prepare(
    `UPDATE credentials SET secret_ciphertext = ?, secret_hint = ?, status = 'unverified', verified_at = NULL, granted_scopes = NULL,
       updated_at = ? WHERE id = ?`,
  );
  const deleteById = db.prepare('DELETE FROM credentials WHERE id = ?');

  function params(id: string, input: NewCredential, source: CredentialSource) {
    return { id, ...input, sealed: box.seal(input.secret), hint: secretHint(input.secret), source, now: new Date().toISOString() };
  }

  return {
    list: (): Credential[] => all.all().map(toCredential),
    get(id: string): Credential | null {
      const row = byId.get(id);
      return row ? toCredential(row) : null;
    },
    /**
     * The decrypted secret, for the Shopify client only. CREDENTIAL_UNREADABLE when neither APP_SECRET
     * nor APP_SECRET_PREVIOUS sealed it: an admin must enter it again.
     */
    readSecret(id: string): string {
      const row = sealed.get(id);
      if (!row) throw new Error(`No credential ${id}`);
      const opened = box.open(row.secret_ciphertext);
      if (!opened) {
        const name = byId.get(id)?.name ?? id;
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
    resealWithCurrentSecret(): { resealed: number; unreadable: Credential[] } {
      let resealed = 0;
      const unreadable: Credential[] = [];
      for (const row of allSealed.all()) {
        const opened = box.open(row.secret_ciphertext);
        if (!opened) {
          const credential = this.get(row.id);
          if (credential) unreadable.push(credential);
        } else if (opened.sealedWith === 'previous') {
          resealed += reseal.run(box.seal(opened.plain), row.id, row.secret_ciphertext).changes;
        }
      }
      return { resealed, unreadable };
    },
    create(input: NewCredential, source: CredentialSource = 'ui'): Credential {
      const id = randomUUID();
      insert.run(params(id, input, source));
      return this.get(id) as Credential;
    },
    /** Registers or updates the one credential that comes from the environment or the sandbox. */
    upsertFromSource(source: Exclude<CredentialSource, 'ui'>, input: NewCredential): Credential {
      const existing = bySource.get(source);
      if (!existing) return this.create(input, source);
      const stored = sealed.get(existing.id);
      const unchanged =
        existing.kind === input.kind &&
        existing.shop_domain === input.shopDomain &&
        existing.client_id === input.clientId &&
        // A secret no key opens any more is replaced by the one the environment gives.
        stored !== undefined &&
        box.open(stored.secret_ciphertext)?.plain === input.secret;
      if (!unchanged) replace.run(params(existing.id, input, source));
      return this.get(existing.id) as Credential;
    },
    /** Records what Shopify said; a verification also records the scopes it granted, kept until the next one. */
    markStatus(id: string, status: Credential['status'], grantedScopes?: readonly string[]): void {
      const now = new Date().toISOString();
      setStatus.run(status, status === 'verified' ? now : null, grantedScopes ? JSON.stringify(grantedScopes) : null, now, id);
    },
    /**
     * Renames a credential and/or replaces its secret, keeping the rest. A new secret has not been
     * checked against Shopify yet, so the credential is unverified again. Null when there is no such id.
     */
    update(id: string, change: { name?: string | undefined; secret?: string | undefined }): Credential | null {
      return db.transaction(() => {
        if (!byId.get(id)) return null;
        const now = new Date().toISOString();
        if (change.name !== undefined) rename.run(change.name, now, id);
        if (change.secret !== undefined) replaceSecret.run(box.seal(change.secret), secretHint(change.secret), now, id);
        const row = byId.get(id);
        return row ? toCredential(row) : null;
      })();
    },
    /** Removes a credential; false when there was none. The caller checks that the card does not use it. */
    remove(id: string): boolean {
      return deleteById.run(id).changes > 0;
    },
  };
}
export type CredentialsStore = ReturnType<typeof createCredentialsStore>;
