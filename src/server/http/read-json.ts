import type { Context } from 'hono';
import { AppError } from './problem';

type Schema<T> = {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

/** Reads a JSON body and parses it; a bad body is a BAD_REQUEST naming each fault. */
export async function readJson<T>(c: Context, schema: Schema<T>): Promise<T> {
  if (!c.req.header('Content-Type')?.toLowerCase().startsWith('application/json')) {
    throw new AppError('BAD_REQUEST', 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('BAD_REQUEST', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
    throw new AppError('BAD_REQUEST', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
  return parsed.data;
}
