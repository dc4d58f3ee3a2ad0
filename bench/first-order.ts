import type { Frame, Page } from '@playwright/test';
import { extraShoppers, type Shopper } from './lib/bff';
import { conversationUrl, pointCardFrame, startBrowserBench } from './lib/browser-bench';
import { median, ms, type Figure, type Line } from './lib/report';

const RUNS = 10;
const LATENCIES_MS = [0, 150];
/** What the card may add to Shopify's own latency. */
export const FIRST_ORDER_OVERHEAD_BUDGET_MS = 300;

/**
 * Runs in every card frame from its first moment: when the first order (`article`) is in the page,
 * the next animation frame (just before it is painted) records the time, with the card-open call's
 * timing for the breakdown.
 */
const markFirstOrder = `(() => {
  if (location.pathname !== '/card') return;
  const id = new URLSearchParams(location.search).get('conversationId');
  const observer = new MutationObserver(() => {
    if (!document.querySelector('article')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const api = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/api/card');
      window.__firstOrder = { id, at: Date.now(), apiStart: api ? api.startTime : null, apiMs: api ? api.duration : null };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

type Run = { ms: number; apiStartMs: number | null; apiMs: number | null };
type Mark = { id: string; at: number; apiStart: number | null; apiMs: number | null };
/** The few browser globals the page functions below touch (this project's Node code has no DOM types). */
type InPage = { __firstOrder?: Mark };

/** Sets the inbox's card frame to the shopper's card and waits for the first order to show. */
async function timeFirstOrder(page: Page, frame: Frame, cardOrigin: string, shopper: Shopper, token: string, runId: string): Promise<Run> {
  const started = await pointCardFrame(page, conversationUrl(cardOrigin, '/card', shopper, token, runId));
  try {
    await frame.waitForFunction((id) => (globalThis as unknown as InPage).__firstOrder?.id === id, runId, { timeout: 20_000, polling: 20 });
  } catch (error) {
    const text = await frame
      .locator('body')
      .innerText()
      .catch(() => '(unreadable)');
    throw new Error(`No order showed for ${shopper.phone} within 20 s; the card said: ${text.slice(0, 300)}`, { cause: error });
  }
  const mark = await frame.evaluate(() => (globalThis as unknown as InPage).__firstOrder);
  if (!mark) throw new Error('The first order was seen, then its mark was lost');
  return { ms: mark.at - started, apiStartMs: mark.apiStart, apiMs: mark.apiMs };
}

/**
 * Figure 4: from setting the demo inbox's card frame to a conversation until the card shows the
 * shopper's first order, in Chromium. The BFF runs without a cache and each run opens another
 * shopper, so every run waits for the sandbox store; the card's files come from the browser's cache,
 * as they do for an agent moving between conversations (the very first open, with nothing cached,
 * is shown apart).
 */
export async function firstOrderFigure(): Promise<Figure> {
  const shoppers = extraShoppers(500).filter((shopper) => shopper.orders > 0);
  const { browser, sandbox, bff, token, close } = await startBrowserBench({ extraCustomers: 500, cache: 'off' });
  try {
    const page = await browser.newPage();
    await page.addInitScript(markFirstOrder);
    await page.goto(String(bff.info.inboxOrigin));
    const frame = await (await page.$('#card-frame'))?.contentFrame();
    if (!frame) throw new Error('The demo inbox has no card frame');

    let next = 0;
    const open = () => {
      const shopper = shoppers[next % shoppers.length] as Shopper;
      next += 1;
      return timeFirstOrder(page, frame, bff.origin, shopper, token, `bench-${next}`);
    };
    // Nothing cached yet: the browser downloads the card, the BFF fetches its Shopify token.
    const cold = await open();

    const lines: Line[] = [{ label: 'first open in a fresh browser, sandbox at once', value: ms(cold.ms) }];
    const byLatency: Record<string, Run[]> = {};
    for (const latency of LATENCIES_MS) {
      await sandbox.ask('latency', { ms: latency });
      await open();
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await open());
      byLatency[latency] = runs;
      const times = runs.map((run) => run.ms);
      const middle = median(times);
      const budget = latency + FIRST_ORDER_OVERHEAD_BUDGET_MS;
      const api = median(runs.map((run) => run.apiMs ?? NaN));
      const apiStart = median(runs.map((run) => run.apiStartMs ?? NaN));
      lines.push(
        { label: `sandbox +${latency} ms: median of ${RUNS}`, value: ms(middle), budget: `≤ ${budget} ms`, ok: middle <= budget },
        { label: `sandbox +${latency} ms: fastest, slowest`, value: `${ms(Math.min(...times))}, ${ms(Math.max(...times))}` },
        { label: `sandbox +${latency} ms: card-open call starts at, lasts (medians)`, value: `${ms(apiStart)}, ${ms(api)}` },
      );
    }
    return {
      title: `4. Time to first order (Chromium, demo inbox, median of ${RUNS}, BFF cache off)`,
      lines,
      data: { cold, byLatency },
    };
  } finally {
    await close();
  }
}
