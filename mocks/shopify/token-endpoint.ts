import { randomBytes } from 'node:crypto';

/**
 * `POST /admin/oauth/access_token` with the client credentials grant: the OAuth answers Shopify
 * gives, and the 24-hour lifetime of the tokens it issues.
 */

export const TOKEN_LIFETIME_SECONDS = 86_399;
const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type TokenAnswer = { status: 200 | 400; body: Record<string, unknown> };

export type TokenGrantState = {
  clientId: string;
  clientSecret: string;
  grantedScopes: readonly string[];
  /** The app and the store are in different organizations: Shopify refuses the grant. */
  shopNotPermitted: boolean;
  tokens: Map<string, { expiresAt: number }>;
};

const oauthErrors = {
  invalid_request: 'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  shop_not_permitted: 'Client credentials cannot be performed on this shop.',
} as const;

function oauthError(error: keyof typeof oauthErrors): TokenAnswer {
  return { status: 400, body: { error, error_description: oauthErrors[error] } };
}

/** Reads the grant from a form-encoded or JSON body (Shopify's libraries send either). */
export async function readGrantParams(request: Request): Promise<Record<string, string>> {
  const params: Record<string, string> = Object.fromEntries(new URL(request.url).searchParams);
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) {
        for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') params[key] = value;
      }
    } catch {
      // A malformed body is treated as an empty one: the missing parameters are reported below.
    }
  } else {
    for (const [key, value] of new URLSearchParams(text)) params[key] = value;
  }
  return params;
}

export function grantToken(params: Record<string, string>, state: TokenGrantState, now: number): TokenAnswer {
  if (!params.grant_type) return oauthError('invalid_request');
  if (params.client_id !== state.clientId || params.client_secret !== state.clientSecret) {
    return oauthError('invalid_client');
  }
  if (params.grant_type !== 'client_credentials') return oauthError('unsupported_grant_type');
  if (state.shopNotPermitted) return oauthError('shop_not_permitted');

  const token = randomBytes(16).toString('hex');
  state.tokens.set(token, { expiresAt: now + TOKEN_LIFETIME_MS });
  return {
    status: 200,
    body: { access_token: token, scope: state.grantedScopes.join(','), expires_in: TOKEN_LIFETIME_SECONDS },
  };
}

/** A live issued token, or the legacy Admin API access token (which never expires). */
export function isLiveToken(token: string | undefined, state: TokenGrantState & { accessToken: string }, now: number): boolean {
  if (!token) return false;
  if (token === state.accessToken) return true;
  const issued = state.tokens.get(token);
  if (!issued) return false;
  if (issued.expiresAt <= now) {
    state.tokens.delete(token);
    return false;
  }
  return true;
}
