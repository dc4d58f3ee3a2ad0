import { createServer, type Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { sandboxShop } from '../mocks/shopify/personas';
import { configAppSecret, e2ePorts } from '../playwright.config';
import { signToken } from '../src/server/auth/tokens';

// This BFF starts with nothing configured, beside a sandbox store whose app has only the card's read scopes.
const bff = `http://localhost:${e2ePorts.glanceBff}`;
const hostOrigin = `http://127.0.0.1:${e2ePorts.glanceHost}`;

// The tests share the BFF's credentials and the host page's port: one worker, in order.
test.describe.configure({ mode: 'serial' });

let host: Server;

const adminToken = () => signToken(configAppSecret, { sub: 'ines@example.com', role: 'admin' });

test.beforeAll(async () => {
  // An inbox on another origin that frames the card for an admin, in the theme `?theme=` names.
  host = createServer((request, response) => {
    const theme = new URL(request.url ?? '/', hostOrigin).searchParams.get('theme') ?? 'light';
    void adminToken().then((token) => {
      const src = `${bff}/card?channel=whatsapp&phone=%2B33612345678&theme=${theme}#token=${token}`;
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(
        `<!doctype html><html lang="en"><title>Inbox</title><iframe title="Shopify context card" src="${src}" style="width:360px;height:640px"></iframe></html>`,
      );
    });
  });
  await new Promise<void>((done) => host.listen(e2ePorts.glanceHost, '127.0.0.1', done));
});

test.afterAll(() => new Promise<void>((done) => host.close(() => done())));

async function addCredential(name: string, kind: 'client_credentials' | 'access_token') {
  const body =
    kind === 'client_credentials'
      ? { kind, name, shop: sandboxShop.domain, clientId: sandboxShop.clientId, clientSecret: sandboxShop.clientSecret }
      : { kind, name, shop: sandboxShop.domain, apiKey: sandboxShop.apiKey, accessToken: sandboxShop.accessToken };
  const response = await fetch(`${bff}/api/config/credentials`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await adminToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

async function openConfig(page: Page, query = '') {
  await page.goto(`${bff}/config${query}#token=${await adminToken()}`);
}

/** No serious or critical accessibility violation on the page as it is now. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(', ')}`)).toEqual([]);
}

/** Nothing wider than its box: neither the page nor the element scrolls sideways, and nothing in it sticks out. */
async function expectNoHorizontalOverflow(page: Page, box: Locator) {
  const page_ = await page.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
  expect(page_.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(page_.client);
  const inner = await box.evaluate((element) => {
    const right = element.getBoundingClientRect().right;
    // What shows of an element: its box, cut by every ancestor (up to the table) that clips.
    const style = (of: typeof element) => of.ownerDocument.defaultView?.getComputedStyle(of);
    const shownRight = (child: typeof element): number => {
      let edge = child.getBoundingClientRect().right;
      for (let up = child.parentElement; up && up !== element; up = up.parentElement) {
        if (style(up)?.overflowX !== 'visible') edge = Math.min(edge, up.getBoundingClientRect().right);
      }
      return edge;
    };
    const sticking = [...element.querySelectorAll<typeof element>('*')]
      .filter((child) => shownRight(child) > right + 0.5)
      .map((child) => `${child.tagName.toLowerCase()} "${(child.textContent ?? '').slice(0, 40)}"`);
    return { scroll: element.scrollWidth, client: element.clientWidth, sticking };
  });
  expect(inner.scroll, 'the table scrolls sideways').toBeLessThanOrEqual(inner.client);
  expect(inner.sticking).toEqual([]);
}

test('Configuration Pending’s link opens the configuration with the admin’s session, kept on reload', async ({ page }) => {
  await page.goto(`${hostOrigin}/?theme=dark`);
  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Configuration Pending' })).toBeVisible();
  const [config] = await Promise.all([page.waitForEvent('popup'), card.getByRole('link', { name: /Open the card configuration/ }).click()]);
  await expect(config.getByRole('tab', { name: 'Credentials' })).toBeVisible();
  await expect(config.getByText('No Shopify credentials yet.', { exact: false })).toBeVisible();
  // The token is read from the fragment and taken out of the address bar.
  expect(config.url()).toBe(`${bff}/config?theme=dark`);
  // In the card's theme.
  await expect(config.locator('html')).toHaveClass(/\bdark\b/);

  await config.reload();
  await expect(config.getByRole('tab', { name: 'Credentials' })).toBeVisible();
  await expect(config.getByRole('alert')).toHaveCount(0);
});

test('without a session, the page says exactly how to get back', async ({ page }) => {
  await page.goto(`${bff}/config`);
  await expect(page.getByRole('alert')).toContainText(
    'open the configuration again from your inbox: its admin link, or Open the card configuration on the card while it shows Configuration Pending',
  );
  await expectAccessible(page);
});

test('the credentials fit the window at 360, 800 and 1440 px, every action in reach', async ({ page }) => {
  await addCredential('Linden & Loom, the main store with a long name', 'client_credentials');
  await addCredential('Old custom app', 'access_token');
  for (const width of [360, 800, 1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await openConfig(page);
    const table = page.getByRole('table', { name: 'Shopify credentials' });
    await expect(table.getByRole('row', { name: /Old custom app/ })).toBeVisible();
    await expectNoHorizontalOverflow(page, table);
    for (const name of ['Verify', 'Edit', 'Remove']) {
      const box = await page.getByRole('button', { name: `${name} Old custom app` }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width, `${name} at ${width} px`).toBe(true);
    }
    if (width === 360) await expectAccessible(page);
  }
});

test('/config follows the host’s dark theme, and reads well in it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openConfig(page, '?theme=dark');
  await expect(page.getByRole('row', { name: /Old custom app/ })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  const background = await page.locator('body').evaluate((body) => body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor);
  const [r = 255, g = 255, b = 255] = (background?.match(/\d+/g) ?? []).map(Number);
  expect(r + g + b, `body background ${background}`).toBeLessThan(150);
  await expectAccessible(page);
  await page.getByRole('tab', { name: 'Integrations' }).click();
  await expect(page.getByRole('region', { name: 'Shopify Conversations Block' })).toBeVisible();
  await expectAccessible(page);
});

test('/config in the light theme: the Integrations tab and its preview are accessible too', async ({ page }) => {
  await openConfig(page, '?theme=light');
  await expect(page.locator('html')).toHaveClass(/\blight\b/);
  await page.getByRole('tab', { name: 'Integrations' }).click();
  await expect(page.getByRole('region', { name: 'Shopify Conversations Block' })).toBeVisible();
  await expectAccessible(page);
});

test('a credential without every required scope says Missing scopes, naming them, and choosing it warns', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openConfig(page, '?theme=light');
  const row = page.getByRole('row', { name: /Old custom app/ });
  await expect(row).toContainText('Missing scopes: write_customers, read_draft_orders, write_draft_orders, write_orders');
  await expect(row).not.toContainText('Verified');
  await page.getByRole('tab', { name: 'Integrations' }).click();
  const block = page.getByRole('region', { name: 'Shopify Conversations Block' });
  await expect(block).toContainText('This credential lacks required scopes: write_customers');
});
