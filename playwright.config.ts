import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './e2e/chromium';

/**
 * Ports of their own so a running `npm start` does not get in the way; `E2E_PORT_BASE` moves them all,
 * so that two checkouts can run the suite side by side.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 18787);
export const e2ePorts = {
  bff: base,
  demo: base + 1,
  unlistedHost: base + 3,
  customHost: base + 4,
  pendingBff: base + 10,
  pendingHost: base + 12,
  configBff: base + 20,
  configHost: base + 21,
  configSandbox: base + 22,
  peopleBff: base + 30,
  peopleSandbox: base + 32,
  glanceBff: base + 40,
  glanceHost: base + 41,
  glanceSandbox: base + 42,
  actionsBff: base + 50,
  actionsDemo: base + 51,
  actionsSandbox: base + 52,
} as const;

/** The demo BFF's signing secret, so that the test hosts can hand the card tokens of their own. */
export const demoAppSecret = 'e2e-demo-secret-e2e-demo-secret-e2e-demo';

/** The signing secret of the configuration flow's BFF, so that its tests can mint admin and agent tokens. */
export const configAppSecret = 'e2e-config-secret-e2e-config-secret-e2e';

const server = (name: string, env: Record<string, string>, port: number) => ({
  command: 'node --import tsx e2e/start-server.ts',
  url: `http://localhost:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'pipe' as const,
  env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: `e2e/.data/${name}`, PORT: String(port), ...env },
});

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/output/results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    // Recording a trace of every test costs about a fifth of the suite's time; `.ci/run` keeps no files, so it
    // turns them off (E2E_TRACE=off). Elsewhere a failing test leaves its trace in e2e/output.
    trace: process.env.E2E_TRACE === 'off' ? 'off' : 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  webServer: [
    // The demo: sandbox store connected, card activated with the default mapping, demo inbox on another origin.
    // Besides the demo inbox, one more inbox origin is allowed: the custom host of the embedding tests.
    server(
      'demo',
      {
        DEMO: '1',
        DEMO_PORT: String(e2ePorts.demo),
        APP_SECRET: demoAppSecret,
        ALLOWED_HOST_ORIGINS: `http://127.0.0.1:${e2ePorts.customHost}`,
      },
      e2ePorts.bff,
    ),
    // Nothing configured: no demo, no credential, one allowed host page on another origin.
    server(
      'pending',
      { DEMO: '0', APP_SECRET: 'e2e-pending-secret-e2e-pending-secret', ALLOWED_HOST_ORIGINS: `http://127.0.0.1:${e2ePorts.pendingHost}` },
      e2ePorts.pendingBff,
    ),
    // A new admin's first visit: nothing configured, no demo, a sandbox store reachable, one allowed host page.
    {
      command: 'node --import tsx e2e/start-config-server.ts',
      url: `http://localhost:${e2ePorts.configBff}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe' as const,
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: 'e2e/.data/config',
        PORT: String(e2ePorts.configBff),
        DEMO: '0',
        APP_SECRET: configAppSecret,
        ALLOWED_HOST_ORIGINS: `http://127.0.0.1:${e2ePorts.configHost}`,
        SANDBOX_PORT: String(e2ePorts.configSandbox),
      },
    },
    // People as a new admin sets it up: the same start as the configuration flow's, with a BFF and a sandbox of its own.
    {
      command: 'node --import tsx e2e/start-config-server.ts',
      url: `http://localhost:${e2ePorts.peopleBff}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe' as const,
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: 'e2e/.data/people',
        PORT: String(e2ePorts.peopleBff),
        DEMO: '0',
        APP_SECRET: configAppSecret,
        SANDBOX_PORT: String(e2ePorts.peopleSandbox),
      },
    },
    // The configuration at a glance: nothing configured, a sandbox store that grants only the card's read scopes.
    {
      command: 'node --import tsx e2e/start-config-server.ts',
      url: `http://localhost:${e2ePorts.glanceBff}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe' as const,
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: 'e2e/.data/glance',
        PORT: String(e2ePorts.glanceBff),
        DEMO: '0',
        APP_SECRET: configAppSecret,
        ALLOWED_HOST_ORIGINS: `http://127.0.0.1:${e2ePorts.glanceHost}`,
        SANDBOX_PORT: String(e2ePorts.glanceSandbox),
        SANDBOX_GRANTED_SCOPES: 'read_customers,read_orders,read_all_orders',
      },
    },
    // The order actions: the demo (its inbox, the sandbox store) with a BFF of its own, since the flows refund, cancel and change settings.
    {
      command: 'node --import tsx e2e/start-config-server.ts',
      url: `http://localhost:${e2ePorts.actionsBff}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe' as const,
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: 'e2e/.data/actions',
        PORT: String(e2ePorts.actionsBff),
        DEMO: '1',
        DEMO_PORT: String(e2ePorts.actionsDemo),
        APP_SECRET: demoAppSecret,
        SANDBOX_PORT: String(e2ePorts.actionsSandbox),
      },
    },
    // Host pages for the embedding tests: a custom inbox on an allowed origin, and pages on an unlisted one.
    {
      command: 'node --import tsx e2e/test-hosts.ts',
      url: `http://127.0.0.1:${e2ePorts.customHost}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe' as const,
      env: {
        CARD_ORIGIN: `http://localhost:${e2ePorts.bff}`,
        APP_SECRET: demoAppSecret,
        CUSTOM_HOST_PORT: String(e2ePorts.customHost),
        UNLISTED_HOST_PORT: String(e2ePorts.unlistedHost),
      },
    },
  ],
});
