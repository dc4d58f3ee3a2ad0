import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../mocks/shopify/store';
import { cardResponseSchema, type CardResponse } from '../../shared/wire';
import { startHarness, testClock, type Harness, type HarnessOptions } from '../test/harness';

let open: Harness[] = [];
async function harness(options: HarnessOptions = {}) {
  const h = await startHarness(options);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});

type Problem = { status: number; code: string; retried?: boolean };

async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  return (await response.json()) as Problem;
}

const forever = <T extends FaultRule>(rule: T): T => ({ ...rule, times: Infinity });

describe('a card open while Shopify fails', () => {
  // Grace's phone is on an address only: her open needs three queries when Shopify is well.
  it.each([
    ['answers 503', [forever({ status: 503 })], 'SHOPIFY_UNREACHABLE'],
    ['answers 429 with Retry-After', [forever({ status: 429 })], 'SHOPIFY_THROTTLED'],
    ['answers THROTTLED', [forever({ throttle: true })], 'SHOPIFY_THROTTLED'],
    ['resets the connection', [forever({ reset: true })], 'SHOPIFY_UNREACHABLE'],
    ['refuses the token once, then answers 503', [{ status: 401 }, forever({ status: 503 })], 'SHOPIFY_UNREACHABLE'],
  ] as const)('costs Shopify at most 3 GraphQL requests when it %s, and says the BFF retried', async (_, faults, code) => {
    const clock = testClock();
    const h = await harness({ clock });
    for (const phone of ['+33612345678', '+12065550199']) {
      h.sandbox.store.resetStats();
      for (const fault of faults) h.sandbox.store.injectFault(fault);
      const response = await h.openCard({ phone });
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ code, retried: true });
      expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
      expect(h.sandbox.store.stats.graphqlRequests).toBeLessThanOrEqual(3);
      h.sandbox.store.clearFaults();
    }
  });

  it('answers within its deadline when Shopify is slow, never starting a try that cannot finish in time', async () => {
    const h = await harness({ callBudget: { deadlineMs: 1_500, attemptTimeoutMs: 500 } });
    h.sandbox.store.injectFault(forever({ latencyMs: 5_000 }));
    const started = performance.now();
    const response = await h.openCard({ phone: '+33612345678' });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(504);
    expect(await problemOf(response)).toMatchObject({ code: 'SHOPIFY_UNREACHABLE', retried: true });
    expect(response.headers.get('Retry-After')).toBe('5');
    // Two tries of 500 ms fit in 1.5 s; a third could not finish, so it was not sent.
    expect(h.sandbox.store.stats.graphqlRequests).toBe(2);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('gives up before the deadline when a token request hangs', async () => {
    const h = await harness({ callBudget: { deadlineMs: 1_000, attemptTimeoutMs: 400 } });
    h.sandbox.store.injectFault(forever({ hang: true, endpoint: 'token' }));
    const started = performance.now();
    const response = await h.openCard({ phone: '+33612345678' });
    expect(await problemOf(response)).toMatchObject({ code: 'SHOPIFY_UNREACHABLE', retried: true });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(h.sandbox.store.stats.graphqlRequests).toBe(0);
    expect(h.sandbox.store.stats.tokenRequests).toBe(1);
  });

  it('says when to ask again on a throttled shop: Shopify’s own wait, rounded up to whole seconds', async () => {
    const clock = testClock();
    const h = await harness({ clock, sandbox: { bucket: { maximumAvailable: 200, restoreRate: 1 } } });
    h.sandbox.store.bucket.setAvailable(0);
    const response = await h.openCard({ phone: '+33612345678' });
    expect(response.status).toBe(503);
    expect(await problemOf(response)).toMatchObject({ code: 'SHOPIFY_THROTTLED', retried: true });
    // The query asks for a few dozen points at 1 point a second: that long, not the default.
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(10);
  });
});

describe('a card open while Shopify is late', () => {
  const keepFor = { freshMs: 10_000, revalidateMs: 10_000, keepMs: 86_400_000, lateMs: 300 };

  it('answers the kept card at once, marked stale with its age, and the next open gets the fresh one', async () => {
    const clock = testClock();
    const h = await harness({ clock, cache: keepFor });
    const kept = cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json());
    clock.advance(5 * 60_000);
    h.sandbox.store.injectFault({ latencyMs: 1_000 });

    const started = performance.now();
    const late = cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json());
    expect(performance.now() - started).toBeLessThan(1_000);
    if (late.state !== 'matched') throw new Error(late.state);
    expect(late.stale).toEqual({ reason: 'SHOPIFY_SLOW', ageSeconds: 300, refreshing: true });
    expect(late.orders).toEqual(kept.state === 'matched' ? kept.orders : null);

    // As the card does: ask again while the answer says it is refreshing; the fetch under way answers.
    let answer: CardResponse = late;
    for (let asked = 0; answer.state === 'matched' && answer.stale?.refreshing && asked < 10; asked += 1) {
      answer = cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json());
    }
    expect(answer).toMatchObject({ state: 'matched', fetchedAt: new Date(clock.now()).toISOString() });
    expect(answer.state === 'matched' && answer.stale).toBe(undefined);
    expect(h.sandbox.store.stats.graphqlRequests).toBe(2);
  });

  it('answers the kept card with why, and asks Shopify no more, once the fetch under way has failed', async () => {
    const clock = testClock();
    const h = await harness({ clock, cache: keepFor, callBudget: { deadlineMs: 1_500, attemptTimeoutMs: 500 } });
    await h.openCard({ phone: '+33612345678' });
    clock.advance(5 * 60_000);
    h.sandbox.store.injectFault(forever({ latencyMs: 5_000 }));

    let answer = cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json());
    for (let asked = 0; answer.state === 'matched' && answer.stale?.refreshing && asked < 20; asked += 1) {
      answer = cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json());
    }
    expect(answer).toMatchObject({ state: 'matched', stale: { reason: 'SHOPIFY_UNREACHABLE' } });
    // The first open, then the two tries of the one fetch: the card's asking again cost Shopify nothing.
    expect(h.sandbox.store.stats.graphqlRequests).toBe(3);
  });
});
