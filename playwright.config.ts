import { defineConfig, devices } from '@playwright/test';

/** Ports of their own so a running `npm start` does not get in the way. */
export const e2ePorts = { bff: 18787, demo: 18788, pendingBff: 18797, pendingHost: 18799 } as const;

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
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    // The demo: sandbox store connected, card activated with the default mapping, demo inbox on another origin.
    server('demo', { DEMO: '1', DEMO_PORT: String(e2ePorts.demo) }, e2ePorts.bff),
    // Nothing configured: no demo, no credential, one allowed host page on another origin.
    server('pending', { DEMO: '0', APP_SECRET: 'e2e-pending-secret-e2e-pending-secret', ALLOWED_HOST_ORIGINS: `http://127.0.0.1:${e2ePorts.pendingHost}` }, e2ePorts.pendingBff),
  ],
});
