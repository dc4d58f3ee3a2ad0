import { createMiddleware } from 'hono/factory';
import { AppError } from '../problem';
import { verifyToken, type Role, type Viewer } from './tokens';

export type AuthVariables = { viewer: Viewer };

async function viewerFromHeader(secret: string, header: string): Promise<Viewer> {
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(header);
  if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Send the session token as "Authorization: Bearer <token>".');
  return verifyToken(secret, match[1]);
}

/** Every API call carries `Authorization: Bearer <token>`; the role must be one of `allowed`. */
export function requireRole(secret: string, ...allowed: Role[]) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    // The card routes' rate limit has already checked the token, and set the viewer only if it passed.
    const viewer = c.get('viewer') ?? (await viewerFromHeader(secret, c.req.header('Authorization') ?? ''));
    if (!allowed.includes(viewer.role)) {
      throw new AppError('FORBIDDEN', allowed.includes('admin') && allowed.length === 1 ? 'Admins only.' : `This needs the ${allowed.join(' or ')} role.`);
    }
    c.set('viewer', viewer);
    await next();
  });
}
