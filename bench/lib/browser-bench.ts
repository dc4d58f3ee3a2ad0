import { chromium, type Browser } from '@playwright/test';
import { buildOnce, distDir } from '../weight';
import { agentToken } from './bff';
import { startServer, type ChildServer } from './child';

/** Debian's Chromium, as the end-to-end tests drive it: never a downloaded browser. */
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

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
