import { sign, verify } from 'hono/jwt';
import { z } from 'zod';
import { AppError } from '../http/problem';

export const roles = ['agent', 'admin'] as const;
export type Role = (typeof roles)[number];
export type Viewer = { sub: string; role: Role };

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(roles),
  exp: z.number().finite(),
  iat: z.number().finite().optional(),
  nbf: z.number().finite().optional(),
});

/** A host's clock may run this far ahead of ours, or behind: `iat`, `nbf` and `exp` are read with it. */
export const CLOCK_SKEW_SECONDS = 60;
/** The longest a token may live (`exp - iat`), as `npm run token -- --ttl` allows. */
export const MAX_TOKEN_LIFETIME_SECONDS = 30 * 86_400;

/**
 * The secrets a token may be signed with: the current `APP_SECRET` first, then `APP_SECRET_PREVIOUS`
 * during a rotation, so that tokens handed out before it work until they expire.
 */
export type VerifyingSecrets = string | readonly string[];

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Reads "15m", "2h", "900" (seconds) into seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`"${text}" is not a duration like 15m, 2h or 900`);
  const seconds = Number(match[1]) * (TTL_UNITS[match[2] || 's'] ?? 1);
  if (seconds < 1 || seconds > MAX_TOKEN_LIFETIME_SECONDS) throw new Error('A token lives between 1 second and 30 days');
  return seconds;
}

export async function signToken(secret: string, viewer: Viewer, ttlSeconds = 15 * 60, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return sign({ sub: viewer.sub, role: viewer.role, iat, exp: iat + ttlSeconds }, secret, 'HS256');
}

/**
 * Tokens whose signature was already checked, until they expire: an agent's card sends the same
 * token on every call, and checking its HMAC each time cost more than serving a cached card.
 */
const verifiedBySecret = new Map<string, Map<string, { viewer: Viewer; expMs: number }>>();
const MAX_VERIFIED = 10_000;

const expired = () => new AppError('TOKEN_EXPIRED', 'The session token has expired; ask the inbox for a new one.');

/** Checks signature, expiry (with the clock skew), lifetime and role claim; anything else is UNAUTHENTICATED. */
export async function verifyToken(secrets: VerifyingSecrets, token: string): Promise<Viewer> {
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  const cacheKey = keys.join('\n');
  let verified = verifiedBySecret.get(cacheKey);
  if (!verified) {
    verified = new Map();
    verifiedBySecret.set(cacheKey, verified);
  }
  const known = verified.get(token);
  if (known) {
    if (known.expMs > Date.now()) return known.viewer;
    verified.delete(token);
    throw expired();
  }
  const viewer = await verifyTokenOnce(keys, token);
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(token, viewer);
  return viewer.viewer;
}

/** The claims of a token signed with one of `secrets`; the times are checked apart, with the skew. */
async function signedClaims(secrets: readonly string[], token: string): Promise<unknown> {
  for (const secret of secrets) {
    try {
      return await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
    } catch {
      // Not this secret (or not a token at all): try the next.
    }
  }
  throw new AppError('UNAUTHENTICATED', 'The session token is not valid.');
}

async function verifyTokenOnce(secrets: readonly string[], token: string): Promise<{ viewer: Viewer; expMs: number }> {
  const claims = claimsSchema.safeParse(await signedClaims(secrets, token));
  if (!claims.success) throw new AppError('UNAUTHENTICATED', 'The session token is missing its subject, role or expiry.');
  const { sub, role, exp, iat, nbf } = claims.data;
  const now = Date.now() / 1000;
  if ((nbf !== undefined && nbf > now + CLOCK_SKEW_SECONDS) || (iat !== undefined && iat > now + CLOCK_SKEW_SECONDS)) {
    throw new AppError('UNAUTHENTICATED', 'The session token is not valid yet: check the clock of the host that made it.');
  }
  // Without `iat`, the lifetime is counted from now: a token cannot outlive the limit by leaving it out.
  if (exp - (iat ?? now) > MAX_TOKEN_LIFETIME_SECONDS || exp - now > MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    throw new AppError('UNAUTHENTICATED', 'The session token lives longer than 30 days; make one that expires sooner.');
  }
  if (exp + CLOCK_SKEW_SECONDS <= now) throw expired();
  return { viewer: { sub, role }, expMs: (exp + CLOCK_SKEW_SECONDS) * 1000 };
}
