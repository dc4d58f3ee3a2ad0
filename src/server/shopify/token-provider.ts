import { z } from 'zod';
import { AppError } from '../problem';
import { shopHeaders, shopifyUrl, SHOPIFY_DEADLINE_MS, type ShopifyEndpoint } from './endpoint';

/** Renew a client-credentials token this long before Shopify says it expires. */
const RENEW_EARLY_MS = 60_000;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  scope: z.string().default(''),
  expires_in: z.number().positive(),
});

export type ClientCredentials = { credentialId: string; shopDomain: string; clientId: string; clientSecret: string };
type CachedToken = { token: string; scopes: string[]; expiresAt: number };

/**
 * Client-credentials tokens, cached per credential and renewed before they expire. Concurrent callers
 * share one token request.
 */
export function createTokenProvider(endpoint: ShopifyEndpoint, clock: () => number = Date.now) {
  const cache = new Map<string, CachedToken>();
  const pending = new Map<string, Promise<CachedToken>>();

  async function requestToken(creds: ClientCredentials): Promise<CachedToken> {
    const doFetch = endpoint.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(shopifyUrl(endpoint, creds.shopDomain, '/admin/oauth/access_token'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...shopHeaders(endpoint, creds.shopDomain) },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: creds.clientId, client_secret: creds.clientSecret }).toString(),
        signal: AbortSignal.timeout(endpoint.deadlineMs ?? SHOPIFY_DEADLINE_MS),
      });
    } catch {
      throw new AppError('SHOPIFY_UNREACHABLE', `Could not reach ${creds.shopDomain} to get an access token.`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      if (response.status >= 500) throw new AppError('SHOPIFY_UNREACHABLE', `Shopify answered ${response.status} to the token request.`);
      throw new AppError('CREDENTIALS_INVALID', `Shopify refused the client ID or secret for ${creds.shopDomain}.`);
    }
    const parsed = tokenResponse.safeParse(body);
    if (!parsed.success) throw new AppError('SHOPIFY_ERROR', 'Shopify answered the token request in an unexpected shape.');
    return {
      token: parsed.data.access_token,
      scopes: parsed.data.scope.split(',').map((s) => s.trim()).filter(Boolean),
      expiresAt: clock() + parsed.data.expires_in * 1000,
    };
  }

  return {
    async token(creds: ClientCredentials): Promise<string> {
      const cached = cache.get(creds.credentialId);
      if (cached && cached.expiresAt - RENEW_EARLY_MS > clock()) return cached.token;
      let inFlight = pending.get(creds.credentialId);
      if (!inFlight) {
        inFlight = requestToken(creds).finally(() => pending.delete(creds.credentialId));
        pending.set(creds.credentialId, inFlight);
      }
      const fresh = await inFlight;
      cache.set(creds.credentialId, fresh);
      return fresh.token;
    },
    /** Forget a token Shopify no longer accepts, so the next call asks for a new one. */
    forget(credentialId: string, token: string): void {
      if (cache.get(credentialId)?.token === token) cache.delete(credentialId);
    },
  };
}
export type TokenProvider = ReturnType<typeof createTokenProvider>;
