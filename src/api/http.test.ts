import { http, HttpResponse } from 'msw';
import * as z from 'zod/mini';
import { server } from '../../mocks/api/server';
import { ApiError, apiRequest } from './http';
import { pageSession } from './session';
import { shouldRetry } from './query-client';

const echo = z.object({ ok: z.boolean(), auth: z.nullable(z.string()) });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('apiRequest', () => {
  it("sends the page session's bearer token and the body as JSON, and returns the parsed answer", async () => {
    server.use(
      http.post('/api/echo', async ({ request }) =>
        HttpResponse.json({ ok: (await request.json()) !== null, auth: request.headers.get('Authorization') }),
      ),
    );

    pageSession.update('a.b.c');
    const answer = await apiRequest('/api/echo', { method: 'POST', body: { phone: '+33612345678' }, schema: echo });

    expect(answer).toEqual({ ok: true, auth: 'Bearer a.b.c' });
  });

  it('turns a problem document into an ApiError with its code, status, title and detail', async () => {
    server.use(
      http.post('/api/echo', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Shopify is throttling requests',
            status: 429,
            code: 'SHOPIFY_THROTTLED',
            detail: 'Try again in 2 s',
          },
          { status: 429, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );

    const error = await failure(apiRequest('/api/echo', { method: 'POST', schema: echo }));

    expect(error).toMatchObject({
      code: 'SHOPIFY_THROTTLED',
      status: 429,
      title: 'Shopify is throttling requests',
      detail: 'Try again in 2 s',
    });
  });

  it('reads that the BFF already retried, and then does not retry', async () => {
    server.use(
      http.post('/api/echo', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Shopify could not be reached', status: 504, code: 'SHOPIFY_UNREACHABLE', retried: true },
          { status: 504, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '5' } },
        ),
      ),
    );

    const error = await failure(apiRequest('/api/echo', { method: 'POST', schema: echo }));

    expect(error).toMatchObject({ code: 'SHOPIFY_UNREACHABLE', status: 504, retried: true });
    expect(shouldRetry(0, error)).toBe(false);
  });

  it('gives a network failure its own code', async () => {
    server.use(http.get('/api/echo', () => HttpResponse.error()));

    const error = await failure(apiRequest('/api/echo', { schema: echo }));

    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('names an answer that breaks the contract', async () => {
    server.use(http.get('/api/echo', () => HttpResponse.json({ ok: 'yes' })));

    const error = await failure(apiRequest('/api/echo', { schema: echo }));

    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('reads an error page that is not a problem document by its status', async () => {
    server.use(
      http.get('/api/echo', () => new HttpResponse('<h1>Unauthorized</h1>', { status: 401, headers: { 'Content-Type': 'text/html' } })),
    );

    const error = await failure(apiRequest('/api/echo', { schema: echo }));

    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});

describe('the retry policy', () => {
  const error = (code: ApiError['code'], status: number) => new ApiError({ code, status, title: code });

  it('retries network failures and 5xx a couple of times', () => {
    expect(shouldRetry(0, error('NETWORK_ERROR', 0))).toBe(true);
    expect(shouldRetry(1, error('SHOPIFY_UNREACHABLE', 503))).toBe(true);
    expect(shouldRetry(2, error('SHOPIFY_UNREACHABLE', 503))).toBe(false);
  });

  it('never retries what the BFF already retried', () => {
    expect(shouldRetry(0, new ApiError({ code: 'SHOPIFY_UNREACHABLE', status: 504, title: 'x', retried: true }))).toBe(false);
  });

  it('never retries a 4xx, nor what a second try cannot fix', () => {
    expect(shouldRetry(0, error('TOKEN_EXPIRED', 401))).toBe(false);
    expect(shouldRetry(0, error('SHOPIFY_THROTTLED', 429))).toBe(false);
    expect(shouldRetry(0, error('CREDENTIALS_INVALID', 502))).toBe(false);
    expect(shouldRetry(0, new Error('boom'))).toBe(false);
  });
});
