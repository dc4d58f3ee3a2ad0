import { http, HttpResponse } from 'msw';
import * as z from 'zod/mini';
import { problem } from '../../mocks/api/problems';
import { server } from '../../mocks/api/server';
import { ApiError, apiRequest } from './http';
import { createSession, setActiveSession, type Session } from './session';

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

afterEach(() => {
  setActiveSession(null);
  vi.useRealTimers();
});

describe('renewing an expired session', () => {
  it('asks the host for a fresh token once, retries once with it, and later calls use it', async () => {
    const seen = bffAccepting(fresh);
    const requestToken = vi.fn(() => {
      queueMicrotask(() => session.update(fresh));
      return true;
    });
    const session = createSession({ token: expired, requestToken });
    setActiveSession(session);

    await expect(apiRequest('/api/echo', { token: expired, schema: echo })).resolves.toEqual({ auth: `Bearer ${fresh}` });
    // A caller still holding the old token is given the newest one.
    await expect(apiRequest('/api/echo', { token: expired, schema: echo })).resolves.toEqual({ auth: `Bearer ${fresh}` });

    expect(requestToken).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([`Bearer ${expired}`, `Bearer ${fresh}`, `Bearer ${fresh}`]);
  });

  it('asks once for many calls that expire together', async () => {
    bffAccepting(fresh);
    const requestToken = vi.fn(() => {
      setTimeout(() => session.update(fresh), 10);
      return true;
    });
    const session = createSession({ token: expired, requestToken });
    setActiveSession(session);

    const answers = await Promise.all([1, 2, 3].map(() => apiRequest('/api/echo', { token: expired, schema: echo })));

    expect(answers).toHaveLength(3);
    expect(requestToken).toHaveBeenCalledTimes(1);
  });

  it('gives up with TOKEN_EXPIRED when no token comes within the timeout', async () => {
    const seen = bffAccepting(fresh);
    setActiveSession(createSession({ token: expired, requestToken: () => true, timeoutMs: 50 }));

    const error = await apiRequest('/api/echo', { token: expired, schema: echo }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'TOKEN_EXPIRED', status: 401 });
    expect(seen).toHaveLength(1);
  });

  it('does not wait when the host has no way to give a token (URL parameters)', async () => {
    bffAccepting(fresh);
    setActiveSession(createSession({ token: expired }));
    const started = Date.now();

    await expect(apiRequest('/api/echo', { token: expired, schema: echo })).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('retries only once, even if the host answers with another expired token', async () => {
    const seen = bffAccepting('never');
    const session: Session = createSession({
      token: expired,
      requestToken: () => {
        queueMicrotask(() => session.update(fresh));
        return true;
      },
    });
    setActiveSession(session);

    await expect(apiRequest('/api/echo', { token: expired, schema: echo })).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(seen).toEqual([`Bearer ${expired}`, `Bearer ${fresh}`]);
  });

  it('leaves other failures and tokens it never held alone', async () => {
    server.use(http.get('/api/echo', () => problem('FORBIDDEN', 'Not allowed')));
    const requestToken = vi.fn(() => true);
    setActiveSession(createSession({ token: expired, requestToken }));

    await expect(apiRequest('/api/echo', { token: 'other.token.x', schema: echo })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(requestToken).not.toHaveBeenCalled();
  });
});

describe('the session', () => {
  it('hands out a token that arrived since the one that expired, without asking', async () => {
    const requestToken = vi.fn(() => true);
    const session = createSession({ token: expired, requestToken });
    session.update(fresh);

    await expect(session.renew(expired)).resolves.toBe(fresh);
    expect(requestToken).not.toHaveBeenCalled();
    expect(session.newest(expired)).toBe(fresh);
    expect(session.newest('unrelated.token.x')).toBe('unrelated.token.x');
  });

  it('tells subscribers when the token changes', () => {
    const session = createSession({ token: null });
    const listener = vi.fn();
    session.subscribe(listener);

    session.update(fresh);
    session.update(fresh);

    expect(listener).toHaveBeenCalledTimes(1);
    expect(session.token()).toBe(fresh);
  });
});
