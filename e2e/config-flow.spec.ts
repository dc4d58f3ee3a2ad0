import { createServer, type Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sandboxShop } from '../mocks/shopify/personas';
import { configAppSecret, e2ePorts } from '../playwright.config';
import { signToken } from '../src/server/auth/tokens';

// This BFF starts with nothing configured and the sandbox store reachable: a new admin's first visit.
const bff = `http://localhost:${e2ePorts.configBff}`;
const hostOrigin = `http://127.0.0.1:${e2ePorts.configHost}`;

// The flow builds on itself (credential, activation, fields), so the file's tests run in order.
test.describe.configure({ mode: 'serial' });

let host: Server;

test.beforeAll(async () => {
  // An inbox on another origin that frames the card for Amélie's WhatsApp conversation.
  // At /settings, the same inbox frames the configuration for Lena, with a token signed afresh on each visit.
  host = createServer((request, response) => {
    const settings = request.url === '/settings';
    const viewer = settings ? { sub: 'lena@example.com', role: 'admin' as const } : { sub: 'agent-7', role: 'agent' as const };
    void signToken(configAppSecret, viewer).then((token) => {
      const src = settings ? `${bff}/config#token=${token}` : `${bff}/card?channel=whatsapp&phone=%2B33612345678#token=${token}`;
      const frame = settings
        ? 'title="Shopify card settings" style="width:1200px;height:900px"'
        : 'title="Shopify context card" style="width:380px;height:700px"';
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(`<!doctype html><html lang="en"><title>Inbox</title><iframe ${frame} src="${src}"></iframe></html>`);
    });
  });
  await new Promise<void>((done) => host.listen(e2ePorts.configHost, '127.0.0.1', done));
});

test.afterAll(() => new Promise<void>((done) => host.close(() => done())));

async function openConfig(page: Page, role: 'admin' | 'agent' = 'admin') {
  const token = await signToken(configAppSecret, { sub: role === 'admin' ? 'lena@example.com' : 'agent-7', role });
  await page.goto(`${bff}/config#token=${token}`);
}

/** No serious or critical accessibility violation on the page as it is now. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(', ')}`)).toEqual([]);
}

/** Presses Tab until `locator` has focus; fails if it is not reached within `limit` presses. */
async function tabTo(page: Page, locator: ReturnType<Page['locator']>, limit = 15) {
  for (let i = 0; i < limit; i += 1) {
    if (await locator.evaluate((el) => el.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  await expect(locator).toBeFocused();
}

test('an agent gets the admins-only page', async ({ page }) => {
  await openConfig(page, 'agent');
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('ask an admin');
  await expect(page.getByRole('tab')).toHaveCount(0);
});

test('a new admin connects the sandbox store, activates the card and chooses its fields; the card shows exactly those', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openConfig(page);
  await expect(page.getByText('No Shopify credentials yet.', { exact: false })).toBeVisible();
  await expectAccessible(page);

  // Add Credentials, by keyboard alone.
  await page.getByRole('button', { name: 'Add Credentials' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Add Credentials' });
  await expect(form.getByRole('radio', { name: /OAuth \(client credentials grant\)/ })).toBeChecked();
  await tabTo(page, form.getByLabel('Shop domain'));
  await page.keyboard.type('linden-and-loom');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Client ID')).toBeFocused();
  await page.keyboard.type(sandboxShop.clientId);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Client Secret')).toBeFocused();
  await page.keyboard.type(sandboxShop.clientSecret);
  await tabTo(page, form.getByRole('button', { name: 'Verify Credentials' }));
  await page.keyboard.press('Enter');
  await expect(form.getByText('Connected to Linden & Loom (linden-and-loom.myshopify.com).')).toBeVisible();
  await expect(form.getByText('Every scope the card needs is granted.')).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Submit' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByText('Credential "Linden & Loom" added.')).toBeVisible();
  const row = page.getByRole('row', { name: /Linden & Loom/ });
  await expect(row).toContainText('••••loom');
  await expect(row).toContainText('Verified');
  await expect(row).not.toContainText(sandboxShop.clientSecret);

  // Activate the Shopify Conversations Block with it.
  await page.getByRole('button', { name: 'Go to Integrations' }).click();
  const block = page.getByRole('region', { name: 'Shopify Conversations Block' });
  await expect(block).toContainText('Not active: agents see Configuration Pending.');
  await expect(block.getByLabel('Credentials')).toHaveValue(/.+/);
  await block.getByRole('button', { name: 'Activate' }).click();
  await expect(block.getByText('The card is active with Linden & Loom.')).toBeVisible();

  // Order information: the order card shows Fulfillment status, Total and Payment status.
  const orderCard = page.getByRole('region', { name: 'Order card information', exact: true });
  await orderCard.getByRole('button', { name: /Remove field 1 \(Total\)/ }).click();
  await orderCard.getByRole('button', { name: /Remove field 1 \(Payment status\)/ }).click();
  await expect(orderCard.getByRole('combobox')).toHaveCount(1);
  await orderCard.getByRole('button', { name: 'Add Field' }).click();
  const second = orderCard.getByRole('combobox', { name: 'Order card information, field 2' });
  await second.click();
  await second.fill('total');
  await page.getByRole('option', { name: /^Total/ }).click();
  await expect(second).toHaveValue('Total');
  // The third one by keyboard: search, then pick with the arrow keys and Enter.
  await orderCard.getByRole('button', { name: 'Add Field' }).click();
  const third = orderCard.getByRole('combobox', { name: 'Order card information, field 3' });
  await third.focus();
  await third.fill('payment');
  await expect(page.getByRole('option', { name: /^Payment status/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(third).toHaveValue('Payment status');
  // A fourth is refused, with the reason (the button says it is unavailable but stays reachable by keyboard).
  const addField = orderCard.getByRole('button', { name: 'Add Field' });
  await expect(addField).toHaveAttribute('aria-disabled', 'true');
  await addField.focus();
  await page.keyboard.press('Enter');
  await expect(orderCard).toContainText('takes at most 3 fields');
  await expect(orderCard.getByRole('combobox')).toHaveCount(3);
  const preview = page.getByRole('region', { name: 'Preview: Order card information' });
  await expect(preview).toContainText('Payment status');
  await expectAccessible(page);

  // Customer information: Name, Email, Phone and Customer tags.
  await page.getByRole('tab', { name: 'Customer information' }).click();
  const customer = page.getByRole('region', { name: 'Customer details information', exact: true });
  await customer.getByRole('button', { name: /Remove field 5 \(Amount spent\)/ }).click();
  await customer.getByRole('button', { name: /Remove field 4 \(Orders count\)/ }).click();
  await customer.getByRole('button', { name: 'Add Field' }).click();
  const tags = customer.getByRole('combobox', { name: 'Customer details information, field 4' });
  await tags.click();
  await tags.fill('tags');
  await page.getByRole('option', { name: /^Customer tags/ }).click();
  await expect(customer.getByRole('combobox')).toHaveCount(4);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved\. Cards opened from now on show these fields\. Last saved by lena@example\.com at/)).toBeVisible();

  // The card, framed by an inbox on another origin, shows exactly the new order-card fields.
  const inbox = await page.context().newPage();
  await inbox.goto(hostOrigin);
  const card = inbox.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
  const first = card.getByRole('article').first();
  await expect(first.locator('dt')).toHaveText(['Fulfillment status', 'Total', 'Payment status']);
  // The customer's name is the card's title; the other customer details follow in their order.
  await card.getByRole('button', { name: 'Customer details' }).click();
  await expect(card.getByRole('region', { name: 'Customer details' }).locator('dt')).toHaveText(['Email', 'Phone', 'Customer tags']);
});

test('the saved set-up is what the page shows on the next visit, and a removal of the active credential is explained', async ({ page }) => {
  await openConfig(page);
  await page.getByRole('button', { name: 'Remove Linden & Loom' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Deactivate the card, or activate another credential');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: 'Integrations' }).click();
  await expect(page.getByText(/Last saved by lena@example\.com/)).toBeVisible();
  const saved = page.getByRole('combobox', { name: /^Order card information, field/ });
  await expect(saved).toHaveCount(3);
  for (const [index, label] of ['Fulfillment status', 'Total', 'Payment status'].entries())
    await expect(saved.nth(index)).toHaveValue(label);
  await expectAccessible(page);
});

test('field changes left unsaved in the inbox come back on the next visit, until the admin discards them', async ({ page }) => {
  await page.goto(`${hostOrigin}/settings`);
  const settings = page.frameLocator('iframe[title="Shopify card settings"]');
  await settings.getByRole('tab', { name: 'Integrations' }).click();
  const orderCard = settings.getByRole('combobox', { name: /^Order card information, field/ });
  await expect(orderCard).toHaveCount(3);
  const kept = page.waitForResponse((response) => response.url().endsWith('/api/config/draft') && response.status() === 204);
  await settings.getByRole('button', { name: 'Remove field 3 (Payment status) from Order card information' }).click();
  await expect(orderCard).toHaveCount(2);
  await kept;

  // The session ends without a save; the inbox opens the configuration again, with a new token.
  await page.goto(`${hostOrigin}/settings`);
  await expect(settings.getByText('Your unsaved changes are back')).toBeVisible();
  await expect(orderCard).toHaveCount(2);
  for (const [index, label] of ['Fulfillment status', 'Total'].entries()) await expect(orderCard.nth(index)).toHaveValue(label);

  const discarded = page.waitForResponse(
    (response) => response.url().endsWith('/api/config/draft') && response.request().method() === 'DELETE',
  );
  await settings.getByRole('button', { name: 'Discard them' }).click();
  await expect(orderCard).toHaveCount(3);
  await discarded;
  await page.goto(`${hostOrigin}/settings`);
  await expect(settings.getByRole('tab', { name: 'Credentials' })).toHaveAttribute('aria-selected', 'true');
});
