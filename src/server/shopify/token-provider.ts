import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../http/problem';
import { shopHeaders, shopifyUrl, SHOPIFY_REQUEST_TIMEOUT_MS, type ShopifyEndpoint } from './endpoint';

/** Renew a client-credentials token this long before Shopify says it expires. */
const RENEW_EARLY_MS = 60_000;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  scope: z.string().default(''),
  expires_in: z.number().positive(),
});
const oauthError = z.object({ error: z.string().optional(), error_description: z.string().optional() });

export type ClientCredentials = { shopDomain: string; clientId: string; clientSecret: string };
export type AccessToken = { token: string; scopes: string[]; expiresAt: number };

/** What the token endpoint's refusal means, in codes an admin and an agent understand. */
export function tokenRefusal(status: number, body: unknown, shopDomain: string): AppError {
  const parsed = oauthError.safeParse(body);
  const said = parsed.success ? `${parsed.data.error ?? ''} ${parsed.data.error_description ?? ''}` : '';
  if (said.includes('shop_not_permitted')) {
    return new AppError(
      'SHOP_NOT_PERMITTED',
      `The app belongs to another Shopify organization than ${shopDomain}: client credentials only work for a store in the app's own organization.`,
    );
  }
  if (status === 404) return new AppError('SHOP_NOT_FOUND', `Shopify does not know the shop ${shopDomain}; check the shop name.`);
  if (status === 429 || status >= 500) return new AppError('SHOPIFY_UNREACHABLE', `Shopify answered ${status} to the token request.`);
  return new AppError('CREDENTIALS_INVALID', `Shopify refused the client ID or secret for ${shopDomain}.`);
}

/** One client-credentials grant: `POST /admin/oauth/access_token`, form-encoded, as Shopify documents it. */
export async function requestAccessToken(
  endpoint: ShopifyEndpoint,
  creds: ClientCredentials,
  clock: () => number = Date.now,
  timeoutMs: number = endpoint.requestTimeoutMs ?? SHOPIFY_REQUEST_TIMEOUT_MS,
): Promise<AccessToken> {
  const doFetch = endpoint.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(shopifyUrl(endpoint, creds.shopDomain, '/admin/oauth/access_token'), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        ...shopHeaders(endpoint, creds.shopDomain),
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: creds.clientId,
        client_secret: creds.clientSecret,
      }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new AppError('SHOPIFY_UNREACHABLE', `Could not reach ${creds.shopDomain} to get an access token.`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw tokenRefusal(response.status, body, creds.shopDomain);
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) throw new AppError('SHOPIFY_ERROR', 'Shopify answered the token request in an unexpected shape.');
  return {
    token: parsed.data.access_token,
    scopes: parsed.data.scope
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    expiresAt: clock() + parsed.data.expires_in * 1000,
  };
}

/** Resolves as `promise` does, or rejects with SHOPIFY_UNREACHABLE once `timeoutMs` has passed. */
function within<T>(promise: Promise<T>, timeoutMs: number, shopDomain: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('SHOPIFY_UNREACHABLE', `${shopDomain} did not give an access token in time.`)), timeoutMs);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** What a token provider shares with other instances (Redis): tokens by key, and a lock per token request. */
export type SharedTokens = {
  available(): boolean;
  getJson<T>(name: string): Promise<T | null>;
  setJson(name: string, value: unknown, ttlMs: number): Promise<void>;
  delete(name: string): Promise<void>;
  acquire(name: string, ttlMs: number): Promise<string | null>;
  release(name: string, token: string): Promise<void>;
};

/** Tokens are shared by credential and secret: a replaced secret never gets the old secret's token. */
function sharedName(credentialId: string, creds: ClientCredentials): string {
  const secret = createHash('sha256').update(`${creds.shopDomain}\n${creds.clientId}\n${creds.clientSecret}`).digest('base64url');
  return `token:${credentialId}:${secret.slice(0, 16)}`;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Client-credentials tokens, cached per credential and renewed a minute before they expire.
 * Concurrent callers share one token request (with its own timeout); each waits for it no longer
 * than its own `timeoutMs`. With `shared` (several instances on Redis), the instances share the tokens
 * too: one token request per credential, not one per instance.
 */
export function createTokenProvider(endpoint: ShopifyEndpoint, clock: () => number = Date.now, shared?: SharedTokens) {
  const cache = new Map<string, AccessToken>();
  const pending = new Map<string, Promise<AccessToken>>();
  const usable = (token: AccessToken | null | undefined): token is AccessToken => !!token && token.expiresAt - RENEW_EARLY_MS > clock();

  /** The token from another instance, or this instance's own request, told to the others. */
  async function sharedRequest(name: string, creds: ClientCredentials): Promise<AccessToken> {
    const timeoutMs = endpoint.requestTimeoutMs ?? SHOPIFY_REQUEST_TIMEOUT_MS;
    const own = () => requestAccessToken(endpoint, creds, clock, timeoutMs);
    if (!shared?.available()) return own();
    try {
      const giveUpAt = clock() + timeoutMs;
      for (;;) {
        const known = await shared.getJson<AccessToken>(name);
        if (usable(known)) return known;
        const lock = await shared.acquire(name, timeoutMs);
        if (lock) {
          try {
            const fresh = await own();
            await shared.setJson(name, fresh, fresh.expiresAt - clock()).catch(() => undefined);
            return fresh;
          } finally {
            await shared.release(name, lock).catch(() => undefined);
          }
        }
        if (clock() > giveUpAt) return own();
        await sleep(25);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      // Redis went away mid-way: ask for this instance alone.
      return own();
    }
  }

  return {
    async token(credentialId: string, creds: ClientCredentials, timeoutMs?: number): Promise<string> {
      const cached = cache.get(credentialId);
      if (usable(cached)) return cached.token;
      let inFlight = pending.get(credentialId);
      if (!inFlight) {
        inFlight = sharedRequest(sharedName(credentialId, creds), creds).finally(() => pending.delete(credentialId));
        pending.set(credentialId, inFlight);
      }
      // Whoever stops waiting, the shared request goes on for the others.
      inFlight.catch(() => undefined);
      const fresh = await (timeoutMs === undefined ? inFlight : within(inFlight, timeoutMs, creds.shopDomain));
      cache.set(credentialId, fresh);
      return fresh.token;
    },
    /** Forget a token Shopify no longer accepts, so the next call asks for a new one (every instance's next call, with `shared`). */
    forget(credentialId: string, token?: string, creds?: ClientCredentials): void {
      if (token === undefined || cache.get(credentialId)?.token === token) cache.delete(credentialId);
      if (shared?.available() && creds) {
        const name = sharedName(credentialId, creds);
        void shared
          .getJson<AccessToken>(name)
          .then((known) => (known && (token === undefined || known.token === token) ? shared.delete(name) : undefined))
          .catch(() => undefined);
      }
    },
  };
}
export type TokenProvider = ReturnType<typeof createTokenProvider>;
