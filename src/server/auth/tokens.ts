import { sign, verify } from 'hono/jwt';
import { JwtTokenExpired } from 'hono/utils/jwt/types';
import { z } from 'zod';
import { AppError } from '../http/problem';

export const roles = ['agent', 'admin'] as const;
export type Role = (typeof roles)[number];
export type Viewer = { sub: string; role: Role };

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(roles),
  exp: z.number(),
  iat: z.number().optional(),
});

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Reads "15m", "2h", "900" (seconds) into seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`"${text}" is not a duration like 15m, 2h or 900`);
  const seconds = Number(match[1]) * (TTL_UNITS[match[2] || 's'] ?? 1);
  if (seconds < 1 || seconds > 30 * 86_400) throw new Error('A token lives between 1 second and 30 days');
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

/** Checks signature, expiry and role claim; anything else is UNAUTHENTICATED. */
export async function verifyToken(secret: string, token: string): Promise<Viewer> {
  let verified = verifiedBySecret.get(secret);
  if (!verified) {
    verified = new Map();
    verifiedBySecret.set(secret, verified);
  }
  const known = verified.get(token);
  if (known) {
    if (known.expMs > Date.now()) return known.viewer;
    verified.delete(token);
    throw new AppError('TOKEN_EXPIRED', 'The session token has expired; ask the inbox for a new one.');
  }
  const viewer = await verifyTokenOnce(secret, token);
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(token, viewer);
  return viewer.viewer;
}

async function verifyTokenOnce(secret: string, token: string): Promise<{ viewer: Viewer; expMs: number }> {
  let payload: unknown;
  try {
    payload = await verify(token, secret, 'HS256');
  } catch (error) {
    if (error instanceof JwtTokenExpired)
      throw new AppError('TOKEN_EXPIRED', 'The session token has expired; ask the inbox for a new one.');
    throw new AppError('UNAUTHENTICATED', 'The session token is not valid.');
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new AppError('UNAUTHENTICATED', 'The session token is missing its subject or role.');
  return { viewer: { sub: claims.data.sub, role: claims.data.role }, expMs: claims.data.exp * 1000 };
}
