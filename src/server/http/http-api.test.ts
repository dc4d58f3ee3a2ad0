import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test/harness';

/** The API as `npm start` serves it: through @hono/node-server, over real HTTP. */
let h: Harness;
let origin: string;
let close: () => Promise<void>;
beforeAll(async () => {
  h = await startHarness();
  const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close();
  await h.close();
});

async function call(path: string, init: { body?: string | ReadableStream<Uint8Array>; token?: string | null } = {}) {
  const token = init.token === undefined ? await h.token() : init.token;
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** A body sent in chunks, without a Content-Length. */
function chunked(text: string, chunkSize = 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunkSize));
      at += chunkSize;
    },
  });
}

const shopper = JSON.stringify({ phone: '+33612345678' });

describe('the card API over HTTP', () => {
  it('answers every call, refusals and errors too, with nosniff, no Referer and no caching', async () => {
    const answers = {
      matched: await call('/api/card', { body: shopper }),
      badBody: await call('/api/card', { body: '{not json' }),
      noToken: await call('/api/card', { body: shopper, token: null }),
      unknownRoute: await call('/api/card/nothing-here', { body: shopper }),
      tooLarge: await call('/api/card', { body: JSON.stringify({ email: 'a'.repeat(40_000) }) }),
      config: await fetch(`${origin}/api/config`, { headers: { Authorization: `Bearer ${await h.token('admin')}` } }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([name, response]) => [name, response.status]))).toEqual({
      matched: 200,
      badBody: 400,
      noToken: 401,
      unknownRoute: 404,
      tooLarge: 413,
      config: 200,
    });
    for (const response of Object.values(answers)) {
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      await response.body?.cancel();
    }
  });

  it('refuses a body over 16 KB by its Content-Length, and a chunked one as it streams in', async () => {
    const big = JSON.stringify({ email: `${'a'.repeat(20_000)}@example.com` });
    for (const body of [big, chunked(big)]) {
      const response = await call('/api/card', { body });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    }
  });

  it('reads a chunked body within the limit like any other', async () => {
    const response = await call('/api/card', { body: chunked(shopper, 5) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ state: 'matched', customer: { displayName: 'Amélie Dubois' } });
  });

  it('sends a cached card the same way every time', async () => {
    const cached = await startHarness({ cache: { freshMs: 60_000, revalidateMs: 60_000, keepMs: 60_000 } });
    try {
      const open = async () => (await cached.openCard({ phone: '+33612345678' })).text();
      const first = await open();
      expect(await open()).toBe(first);
      expect(cached.sandbox.store.stats.graphqlRequests).toBe(1);
      expect(JSON.parse(first)).toMatchObject({ state: 'matched' });
    } finally {
      await cached.close();
    }
  });

  it("routes every call through Hono's fastest router, which refuses ambiguous paths", async () => {
    await h.app.request('/api/health');
    expect(h.app.router.name).toBe('SmartRouter + RegExpRouter');
  });
});
