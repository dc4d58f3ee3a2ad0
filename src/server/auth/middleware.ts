import { createMiddleware } from 'hono/factory';
import { AppError } from '../problem';
import { verifyToken, type Role, type Viewer } from './tokens';

export type AuthVariables = { viewer: Viewer };

/** Every API call carries `Authorization: Bearer <token>`; the role must be one of `allowed`. */
export function requireRole(secret: string, ...allowed: Role[]) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(header);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Send the session token as "Authorization: Bearer <token>".');
    const viewer = await verifyToken(secret, match[1]);
    if (!allowed.includes(viewer.role)) {
      throw new AppError('FORBIDDEN', allowed.includes('admin') && allowed.length === 1 ? 'Admins only.' : `This needs the ${allowed.join(' or ')} role.`);
    }
    c.set('viewer', viewer);
    await next();
  });
}
