import type { Context, Hono } from 'hono';
import { AppError, problemResponse } from './problem';

type Route = { pattern: RegExp; method: string };

/** `/api/config/credentials/:id/verify` as a pattern of the whole path. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods a path answers to, read from the app's own routes (middleware, registered for every
 * method, does not count): a wrong method on a known path is a 405 with `Allow`, not a 404.
 */
export function allowedMethods(app: Hono) {
  let routes: Route[] | undefined;
  return (path: string): string[] => {
    routes ??= app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ pattern: patternOf(route.path), method: route.method }));
    const methods = new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method));
    // Hono answers HEAD with the GET route.
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

/** A 405 problem with `Allow`, or null when nothing answers this path at all. */
export function methodNotAllowed(c: Context, allowed: string[]): Response | null {
  if (allowed.length === 0) return null;
  const response = problemResponse(
    c,
    new AppError('METHOD_NOT_ALLOWED', `${c.req.path} answers ${allowed.join(', ')}, not ${c.req.method}.`),
  );
  response.headers.set('Allow', allowed.join(', '));
  return response;
}
