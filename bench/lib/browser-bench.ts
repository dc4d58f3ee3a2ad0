import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../e2e/chromium';
import { buildOnce, distDir } from '../weight';
import { agentToken, type Shopper } from './bff';
import { startServer, type ChildServer } from './child';

export type BrowserBench = {
  browser: Browser;
  sandbox: ChildServer;
  /** The BFF with the demo inbox on another origin (`bff.info.inboxOrigin`). */
  bff: ChildServer;
  /** An agent's token for the BFF. */
  token: string;
  close(): Promise<void>;
};

/**
 * What every figure measured in a browser starts from: the built card, a sandbox store holding
 * `extraCustomers` generated shoppers, the BFF (with `cache`: off, keep or the production policy) and
 * its demo inbox in child processes of their own, and Chromium.
 */
export async function startBrowserBench(options: { extraCustomers: number; cache?: 'off' | 'keep' }): Promise<BrowserBench> {
  buildOnce();
  const servers: ChildServer[] = [];
  const browser = await chromium.launch(chromiumLaunch);
  const close = async () => {
    await browser.close();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  };
  try {
    const sandbox = await startServer('sandbox', { BENCH_EXTRA_CUSTOMERS: String(options.extraCustomers) });
    servers.push(sandbox);
    const bff = await startServer('bff', {
      BENCH_SANDBOX_ORIGIN: sandbox.origin,
      BENCH_DIST: distDir,
      ...(options.cache ? { BENCH_CACHE: options.cache } : {}),
      BENCH_DEMO: '1',
    });
    servers.push(bff);
    return { browser, sandbox, bff, token: await agentToken(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The few browser globals the page functions below touch (the benchmarks' Node code has no DOM types). */
type InPage = { document: { getElementById(id: string): { hidden: boolean; src: string } | null } };

/** Points the demo inbox's card frame at `url`; gives the time it did, for the caller's first-order timing. */
export function pointCardFrame(page: Page, url: string): Promise<number> {
  return page.evaluate((src) => {
    const iframe = (globalThis as unknown as InPage).document.getElementById('card-frame');
    if (!iframe) throw new Error('The demo inbox has no card frame');
    iframe.hidden = false;
    const at = Date.now();
    iframe.src = src;
    return at;
  }, url);
}

/** A WhatsApp conversation with `shopper` on the demo host, as the card's (or the floor's) URL with its token. */
export function conversationUrl(origin: string, path: '/card' | '/floor', shopper: Shopper, token: string, runId: string): string {
  const params = new URLSearchParams({
    channel: 'WHATSAPP',
    conversationId: runId,
    agentId: 'bench-agent',
    host: 'demo',
    locale: 'en-GB',
    theme: 'light',
    phone: shopper.phone,
    name: shopper.name,
  });
  return `${origin}${path}?${params}#token=${encodeURIComponent(token)}`;
}
