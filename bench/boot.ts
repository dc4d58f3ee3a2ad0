import type { Browser, Frame, Page } from '@playwright/test';
import { extraShoppers, type Shopper } from './lib/bff';
import { conversationUrl, pointCardFrame, startBrowserBench } from './lib/browser-bench';
import { startServer, type ChildServer } from './lib/child';
import { median, ms, type Figure, type Line } from './lib/report';
import { distDir } from './weight';

const RUNS = 10;
const PREWARM_OPENS = 20;
/** The time an agent's pointer rests on a conversation before clicking it. */
const POINTER_REST_MS = 400;
export const FLOOR_RATIO_BUDGET = 1.5;
export const REQUEST_START_BUDGET_MS = 30;
export const FRESH_BUDGET_MS = 600;
export const PREWARM_HIT_BUDGET = 0.95;

/**
 * Runs in every frame from its first moment: once the first order (`article`) is in the page, the next
 * animation frame records the page's own timings, in its clock (from navigation start): the document's
 * first byte, the document in the frame (Navigation Timing's `domLoading`: the browser has committed the
 * frame to it and begins to parse it, the earliest any of its scripts could run), the entry script's
 * arrival, the card-open call's start and end, and the paint (the first paint's, when the answer brought
 * one).
 */
const markFirstOrder = `(() => {
  if (location.pathname !== '/card' && location.pathname !== '/floor') return;
  const run = new URLSearchParams(location.search).get('conversationId');
  const observer = new MutationObserver(() => {
    if (!document.querySelector('article')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const painted = performance.now();
      const resources = performance.getEntriesByType('resource');
      const api = resources.find((entry) => new URL(entry.name).pathname === '/api/card');
      // The card's entry is preloaded from the first byte and run after the first paint; the floor's is a script.
      const entry = document.querySelector('script[type="module"][src]') || document.querySelector('link[data-card-entry]');
      const url = entry ? entry.src || entry.href : '';
      const script = resources.find((candidate) => candidate.name === url);
      const navigation = performance.getEntriesByType('navigation')[0];
      window.__firstOrder = {
        run, at: Date.now(), painted,
        document: navigation ? navigation.responseStart : NaN,
        inFrame: performance.timing.domLoading - performance.timeOrigin,
        script: script ? script.responseEnd : NaN,
        requestStart: api ? api.startTime : NaN,
        response: api ? api.responseEnd : NaN,
      };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

type Mark = {
  run: string;
  at: number;
  painted: number;
  document: number;
  inFrame: number;
  script: number;
  requestStart: number;
  response: number;
};
type Run = Omit<Mark, 'run' | 'at'> & { total: number };
type InPage = {
  __firstOrder?: Mark;
  document: { getElementById(id: string): unknown };
  requestIdleCallback(callback: () => void, options: { timeout: number }): void;
};

/** Sets the demo inbox's card frame to `path` for the shopper and waits for the first order row. */
async function timeOpen(page: Page, frame: Frame, url: string, runId: string): Promise<Run> {
  const started = await pointCardFrame(page, url);
  await frame.waitForFunction((id) => (globalThis as unknown as InPage).__firstOrder?.run === id, runId, { timeout: 20_000, polling: 10 });
  const mark = await frame.evaluate(() => (globalThis as unknown as InPage).__firstOrder);
  if (!mark) throw new Error('The first order was seen, then its mark was lost');
  // The next open waits until this page is done (the card's own view in place of its first paint, and the
  // page idle): a page still running would hold the frame's next navigation, and that page's clock.
  await frame.waitForFunction(() => !(globalThis as unknown as InPage).document.getElementById('first-paint'), undefined, {
    timeout: 20_000,
    polling: 10,
  });
  await frame.evaluate(
    () => new Promise<void>((resolve) => (globalThis as unknown as InPage).requestIdleCallback(() => resolve(), { timeout: 1_000 })),
  );
  const { run: _run, at, ...times } = mark;
  return { ...times, total: at - started };
}

/** A page of the demo inbox with its card frame, in a browser context of its own (a fresh cache). */
async function inboxPage(browser: Browser, inboxOrigin: string): Promise<{ page: Page; frame: Frame; close: () => Promise<void> }> {
  const context = await browser.newContext();
  await context.addInitScript(markFirstOrder);
  const page = await context.newPage();
  await page.goto(inboxOrigin);
  const frame = await (await page.$('#card-frame'))?.contentFrame();
  if (!frame) throw new Error('The demo inbox has no card frame');
  return { page, frame, close: () => context.close() };
}

const steps = (runs: Run[]) => {
  const at = (key: keyof Run) => median(runs.map((run) => run[key]));
  return `document ${ms(at('document'))}, in frame ${ms(at('inFrame'))}, script ${ms(at('script'))}, request ${ms(at('requestStart'))}, response ${ms(at('response'))}, painted ${ms(at('painted'))}`;
};

/**
 * Figure 8: the card's boot step by step against the floor (a bare page of the same origin fetching the
 * same answer and painting one row), warm and fresh browser; then pre-warming, as the demo inbox does.
 */
export async function bootFigure(): Promise<Figure> {
  const shoppers = extraShoppers(500).filter((shopper) => shopper.orders > 0);
  const bench = await startBrowserBench({ extraCustomers: 500, cache: 'off' });
  const { browser, bff, token } = bench;
  try {
    let next = 0;
    const shopper = () => shoppers[next++ % shoppers.length] as Shopper;
    const open = (page: Page, frame: Frame, path: '/card' | '/floor') => {
      const runId = `boot-${next}`;
      return timeOpen(page, frame, conversationUrl(bff.origin, path, shopper(), token, runId), runId);
    };

    // Warm: one browser whose cache holds the card's files; card and floor take turns.
    const warm = await inboxPage(browser, String(bff.info.inboxOrigin));
    await open(warm.page, warm.frame, '/card');
    await open(warm.page, warm.frame, '/floor');
    const card: Run[] = [];
    const floor: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      card.push(await open(warm.page, warm.frame, '/card'));
      floor.push(await open(warm.page, warm.frame, '/floor'));
    }
    await warm.close();
    // Fresh: every open in a browser context of its own, nothing cached.
    const freshCard: Run[] = [];
    const freshFloor: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      for (const [path, runs] of [
        ['/card', freshCard],
        ['/floor', freshFloor],
      ] as const) {
        const fresh = await inboxPage(browser, String(bff.info.inboxOrigin));
        runs.push(await open(fresh.page, fresh.frame, path));
        await fresh.close();
      }
    }

    const total = (runs: Run[]) => median(runs.map((run) => run.total));
    const ratio = total(card) / total(floor);
    // From the document in the frame: what the page does before it asks. From its first byte, the browser's
    // commit of the frame comes first, the same for any page: the floor's script does nothing before it asks.
    const requestAfter = (runs: Run[], from: 'inFrame' | 'document') => median(runs.map((run) => run.requestStart - run[from]));
    const requestAfterInFrame = requestAfter(card, 'inFrame');
    const fresh = total(freshCard);
    const lines: Line[] = [
      { label: `warm browser, card: time to first order (median of ${RUNS})`, value: ms(total(card)) },
      { label: 'warm browser, floor: time to its row', value: ms(total(floor)) },
      {
        label: 'warm browser, card / floor',
        value: `${ratio.toFixed(2)}×`,
        budget: `≤ ${FLOOR_RATIO_BUDGET}×`,
        ok: ratio <= FLOOR_RATIO_BUDGET,
      },
      {
        label: 'card-open request starts after the document is in the frame',
        value: ms(Math.max(0, requestAfterInFrame)),
        budget: `≤ ${REQUEST_START_BUDGET_MS} ms`,
        ok: requestAfterInFrame <= REQUEST_START_BUDGET_MS,
      },
      { label: "the floor's request, after its document is in the frame", value: ms(Math.max(0, requestAfter(floor, 'inFrame'))) },
      {
        label: "after the document's first byte: card, floor",
        value: `${ms(Math.max(0, requestAfter(card, 'document')))}, ${ms(Math.max(0, requestAfter(floor, 'document')))}`,
      },
      { label: 'warm card, step by step (frame clock)', value: steps(card) },
      { label: 'warm floor, step by step', value: steps(floor) },
      {
        label: 'fresh browser, card: time to first order',
        value: ms(fresh),
        budget: `≤ ${FRESH_BUDGET_MS} ms`,
        ok: fresh <= FRESH_BUDGET_MS,
      },
      { label: 'fresh browser, floor', value: ms(total(freshFloor)) },
      { label: 'fresh card, step by step', value: steps(freshCard) },
    ];
    await bench.sandbox.stop();
    await bff.stop();
    const prewarm = await prewarmRuns(browser);
    lines.push(...prewarm.lines);
    return {
      title: `8. The card's boot against the floor (Chromium, demo inbox, median of ${RUNS}, BFF cache off); pre-warming`,
      lines,
      data: { card, floor, freshCard, freshFloor, prewarm: prewarm.data },
    };
  } finally {
    await bench.close();
  }
}

/**
 * The demo inbox pre-warming as an agent works down its list: the pointer rests on a conversation, then
 * clicks it; the BFF (its production cache) says in `Server-Timing` whether the open came from its
 * cache. Shopify's requests are counted at the sandbox store.
 */
async function prewarmRuns(browser: Browser): Promise<{ lines: Line[]; data: unknown }> {
  const servers: ChildServer[] = [];
  try {
    const sandbox = await startServer('sandbox', { BENCH_EXTRA_CUSTOMERS: '500' });
    servers.push(sandbox);
    const bff = await startServer('bff', {
      BENCH_SANDBOX_ORIGIN: sandbox.origin,
      BENCH_DIST: distDir,
      BENCH_DEMO: '1',
      BENCH_DEMO_SHOPPERS: String(PREWARM_OPENS + 5),
    });
    servers.push(bff);
    const { page, close } = await inboxPage(browser, String(bff.info.inboxOrigin));
    const warmed = new Set<string>();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname !== '/demo-prewarm') return;
      for (const id of (request.postDataJSON() as { conversationIds: string[] }).conversationIds) warmed.add(id);
    });
    const before = await sandbox.ask<{ graphqlRequests: number }>('stats');
    const conversations = page.locator('.conversation');
    let hits = 0;
    for (let i = 0; i < PREWARM_OPENS; i += 1) {
      await conversations.nth(i).hover();
      await page.waitForTimeout(POINTER_REST_MS);
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/card');
      await conversations.nth(i).click();
      if ((await answered).headers()['server-timing'] === 'cache;desc="hit"') hits += 1;
      await page.frameLocator('#card-frame').locator('article').first().waitFor();
      warmed.add(`bench-${i}`);
    }
    await close();
    // Every warm started has ended once the sandbox has been quiet a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await sandbox.ask<{ graphqlRequests: number }>('stats');
    const requests = after.graphqlRequests - before.graphqlRequests;
    const share = hits / PREWARM_OPENS;
    return {
      lines: [
        {
          label: `pre-warm: opens served from the cache, ${PREWARM_OPENS} in a row (pointer ${POINTER_REST_MS} ms on each)`,
          value: `${hits} of ${PREWARM_OPENS} (${Math.round(share * 100)}%)`,
          budget: `≥ ${PREWARM_HIT_BUDGET * 100}%`,
          ok: share >= PREWARM_HIT_BUDGET,
        },
        {
          label: 'pre-warm: Shopify requests, shoppers warmed or opened',
          value: `${requests}, ${warmed.size}`,
          budget: '≤ 1 per shopper',
          ok: requests <= warmed.size,
        },
      ],
      data: { hits, opens: PREWARM_OPENS, requests, shoppers: warmed.size },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
