import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

const keyOf = (appSecret: string) => Buffer.from(hkdfSync('sha256', appSecret, 'context-card', 'credential-secrets', 32));

/** The plain text of `sealed` under `key`, or null when that key did not seal it (or it is not a sealed value). */
function openWith(key: Buffer, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // GCM's tag does not match: another key sealed it, or it was tampered with.
    return null;
  }
}

export type OpenedSecret = { plain: string; sealedWith: 'current' | 'previous' };

/**
 * AES-256-GCM with a key derived from APP_SECRET; the output carries its own nonce and tag. During a
 * rotation, values sealed with APP_SECRET_PREVIOUS still open, and are told apart so they can be
 * sealed again with the current secret.
 */
export function createSecretBox(appSecret: string, previousAppSecret?: string) {
  const key = keyOf(appSecret);
  const previousKey = previousAppSecret ? keyOf(previousAppSecret) : null;
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    /** The secret and which APP_SECRET sealed it; null when neither the current nor the previous one did. */
    open(sealed: string): OpenedSecret | null {
      const plain = openWith(key, sealed);
      if (plain !== null) return { plain, sealedWith: 'current' };
      const old = previousKey ? openWith(previousKey, sealed) : null;
      return old === null ? null : { plain: old, sealedWith: 'previous' };
    },
  };
}
export type SecretBox = ReturnType<typeof createSecretBox>;

/** What the API may show of a secret: its last four characters. */
export function secretHint(secret: string): string {
  return secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
}
