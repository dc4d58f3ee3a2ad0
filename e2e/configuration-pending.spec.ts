import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { signToken } from '../src/server/auth/tokens';
import { e2ePorts } from '../playwright.config';

// The "pending" BFF runs with nothing configured: no credential, no mapping, no demo.
const secret = 'e2e-pending-secret-e2e-pending-secret';
const cardOrigin = `http://localhost:${e2ePorts.pendingBff}`;
const hostOrigin = `http://127.0.0.1:${e2ePorts.pendingHost}`;

// One host page for the file: its tests share the port, so they run in one worker.
test.describe.configure({ mode: 'serial' });

let host: Server;

test.beforeAll(async () => {
  // A bare inbox page on another origin that frames the card with the token in the fragment.
  // `/agent` and `/admin` embed it with a token of that role.
  host = createServer((request, response) => {
    const role = request.url === '/admin' ? 'admin' : 'agent';
    void signToken(secret, { sub: `${role}-1`, role }).then((token) => {
      const src = `${cardOrigin}/card?channel=whatsapp&phone=%2B33612345678#token=${token}`;
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(
        `<!doctype html><title>Host</title><iframe title="Shopify context card" src="${src}" style="width:360px;height:600px"></iframe>`,
      );
    });
  });
  await new Promise<void>((done) => host.listen(e2ePorts.pendingHost, '127.0.0.1', done));
});

test.afterAll(() => new Promise<void>((done) => host.close(() => done())));

test('an agent sees Configuration Pending when nothing is set up, and is told to ask an admin', async ({ page }) => {
  await page.goto(`${hostOrigin}/agent`);
  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Configuration Pending' })).toBeVisible();
  await expect(card.getByText(/ask an admin/i)).toBeVisible();
  await expect(card.getByRole('link', { name: /config/i })).toHaveCount(0);
});

test('an admin sees Configuration Pending with a link to the configuration page', async ({ page }) => {
  await page.goto(`${hostOrigin}/admin`);
  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Configuration Pending' })).toBeVisible();
  await expect(card.getByRole('link', { name: /config/i })).toHaveAttribute('href', /\/config/);
});
