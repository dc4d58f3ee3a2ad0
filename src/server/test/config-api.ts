import { expect } from 'vitest';
import type { Role } from '../auth/tokens';
import type { Harness } from './harness';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One call to the configuration API as a signed-in admin (or another role), with a JSON body. */
export async function callApi(h: Harness, method: Method, path: string, body?: unknown, role: Role = 'admin'): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${await h.token(role)}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return h.app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

export type ProblemBody = { code: string; title: string; detail?: string; errors?: { path: string; message: string }[] };

export async function problemOf(response: Response): Promise<ProblemBody> {
  expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  return (await response.json()) as ProblemBody;
}
