import { http, HttpResponse } from 'msw';
import * as z from 'zod/mini';
import { problem } from '../../mocks/api/problems';
import { server } from '../../mocks/api/server';
import { ApiError, apiRequest } from './http';
import { createSession, type Session } from './session';

const echo = z.object({ auth: z.string() });
const expired = 'eyJhbGciOiJIUzI1NiJ9.ZXhwaXJlZA.c2ln';
const fresh = 'eyJhbGciOiJIUzI1NiJ9.ZnJlc2g.c2ln';

/** A BFF that accepts only `fresh`, and records the tokens it was sent. */
function bffAccepting(token: string) {
  const seen: (string | null)[] = [];
  server.use(
    http.get('/api/echo', ({ request }) => {
      const auth = request.headers.get('Authorization');
      seen.push(auth);
      return auth === `Bearer ${token}` ? HttpResponse.json({ auth }) : problem('TOKEN_EXPIRED', 'The session has expired');
    }),
  );
  return seen;
}

/** A session holding `token`, renewed by `requestToken` when given. */
function sessionWith(token: string | null, requestToken?: () => boolean, timeoutMs?: number): Session {
  const session = createSession(timeoutMs === undefined ? {} : { timeoutMs });
  session.update(token);
  if (requestToken) session.renewWith(requestToken);
  return session;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('renewing an expired session', () => {
  it('asks the host for a fresh token once, retries once with it, and later calls use it', async () => {
    const seen = bffAccepting(fresh);
    const requestToken = vi.fn(() => {
      queueMicrotask(() => session.update(fresh));
      return true;
    });
    const session = sessionWith(expired, requestToken);

    await expect(apiRequest('/api/echo', { schema: echo, session })).resolves.toEqual({ auth: `Bearer ${fresh}` });
    await expect(apiRequest('/api/echo', { schema: echo, session })).resolves.toEqual({ auth: `Bearer ${fresh}` });

    expect(requestToken).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([`Bearer ${expired}`, `Bearer ${fresh}`, `Bearer ${fresh}`]);
  });

  it('asks once for many calls that expire together', async () => {
    bffAccepting(fresh);
    const requestToken = vi.fn(() => {
      setTimeout(() => session.update(fresh), 10);
      return true;
    });
    const session = sessionWith(expired, requestToken);

    const answers = await Promise.all([1, 2, 3].map(() => apiRequest('/api/echo', { schema: echo, session })));

    expect(answers).toHaveLength(3);
    expect(requestToken).toHaveBeenCalledTimes(1);
  });

  it('gives up with TOKEN_EXPIRED when no token comes within the timeout', async () => {
    const seen = bffAccepting(fresh);
    const session = sessionWith(expired, () => true, 50);

    const error = await apiRequest('/api/echo', { schema: echo, session }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'TOKEN_EXPIRED', status: 401 });
    expect(seen).toHaveLength(1);
  });

  it('does not wait when the host has no way to give a token (URL parameters)', async () => {
    bffAccepting(fresh);
    const session = sessionWith(expired);
    const started = Date.now();

    await expect(apiRequest('/api/echo', { schema: echo, session })).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('retries only once, even if the host answers with another expired token', async () => {
    const seen = bffAccepting('never');
    const session: Session = sessionWith(expired, () => {
      queueMicrotask(() => session.update(fresh));
      return true;
    });

    await expect(apiRequest('/api/echo', { schema: echo, session })).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(seen).toEqual([`Bearer ${expired}`, `Bearer ${fresh}`]);
  });

  it('leaves other failures alone', async () => {
    server.use(http.get('/api/echo', () => problem('FORBIDDEN', 'Not allowed')));
    const requestToken = vi.fn(() => true);
    const session = sessionWith(expired, requestToken);

    await expect(apiRequest('/api/echo', { schema: echo, session })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(requestToken).not.toHaveBeenCalled();
  });

  it('stops asking a host it has let go of', async () => {
    bffAccepting(fresh);
    const requestToken = vi.fn(() => true);
    const session = sessionWith(expired);
    const release = session.renewWith(requestToken);
    release();

    await expect(apiRequest('/api/echo', { schema: echo, session })).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(requestToken).not.toHaveBeenCalled();
  });
});

describe('the session', () => {
  it('hands out a token that arrived since the one that expired, without asking', async () => {
    const requestToken = vi.fn(() => true);
    const session = sessionWith(expired, requestToken);
    session.update(fresh);

    await expect(session.renew(expired)).resolves.toBe(fresh);
    expect(requestToken).not.toHaveBeenCalled();
  });

  it('tells subscribers when the token changes', () => {
    const session = createSession();
    const listener = vi.fn();
    session.subscribe(listener);

    session.update(fresh);
    session.update(fresh);

    expect(listener).toHaveBeenCalledTimes(1);
    expect(session.token()).toBe(fresh);
  });
});
