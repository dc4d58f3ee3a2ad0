import { createMiddleware } from 'hono/factory';
import { AppError } from '../http/problem';
import { verifyToken, type Role, type VerifyingSecrets, type Viewer } from './tokens';

export type AuthVariables = { viewer: Viewer };

/** The token of an `Authorization: Bearer <token>` header (the scheme in any case, RFC 9110), or null for any other header. */
export function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header ?? '')?.[1] ?? null;
}

async function viewerFromHeader(secret: VerifyingSecrets, header: string | undefined): Promise<Viewer> {
  const token = bearerToken(header);
  if (!token) throw new AppError('UNAUTHENTICATED', 'Send the session token as "Authorization: Bearer <token>".');
  return verifyToken(secret, token);
}

/** Every API call carries `Authorization: Bearer <token>`; the role must be one of `allowed`. */
export function requireRole(secret: VerifyingSecrets, ...allowed: Role[]) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    // The card routes' rate limit has already checked the token, and set the viewer only if it passed.
    const viewer = c.get('viewer') ?? (await viewerFromHeader(secret, c.req.header('Authorization')));
    if (!allowed.includes(viewer.role)) {
      throw new AppError(
        'FORBIDDEN',
        allowed.includes('admin') && allowed.length === 1 ? 'Admins only.' : `This needs the ${allowed.join(' or ')} role.`,
      );
    }
    c.set('viewer', viewer);
    await next();
  });
}
