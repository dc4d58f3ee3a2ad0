import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { personas, sandboxShop } from '../mocks/shopify/personas';
import { configAppSecret, e2ePorts } from '../playwright.config';
import { defaultFieldMapping } from '../src/shared/mapping';
import { signToken } from '../src/server/auth/tokens';

// A BFF of its own with nothing configured and a sandbox store reachable: a new admin sets People up.
const bff = `http://localhost:${e2ePorts.peopleBff}`;
const sandbox = `http://127.0.0.1:${e2ePorts.peopleSandbox}`;
const shots = 'e2e/output/people';

// The flow builds on itself (credential, mapping, activation, runs), so the file's tests run in order.
test.describe.configure({ mode: 'serial' });

async function openConfig(page: Page) {
  const token = await signToken(configAppSecret, { sub: 'noor@example.com', role: 'admin' });
  await page.goto(`${bff}/config#token=${token}`);
  await expect(page.getByRole('tab', { name: 'Credentials' })).toBeVisible();
}

/** No serious or critical accessibility violation, in light and in dark. */
async function expectAccessible(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveClass(new RegExp(colorScheme));
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Screenshots at 360 and 1440 px, for a person to look at; the page must not scroll sideways at either. */
async function atWidths(page: Page, name: string) {
  for (const width of [360, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const block = (page: Page) => page.getByRole('region', { name: 'Shopify customers to people' });

async function fromMenu(page: Page, item: string) {
  await block(page).getByRole('button', { name: 'Actions for Shopify customers to people' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Waits for the block to say the sync is up to date again, refreshing itself while the run goes on. */
async function upToDate(region: Locator) {
  await expect(region.getByText('Up to date.')).toBeVisible({ timeout: 60_000 });
}

test.beforeAll(async ({ request }) => {
  // The credential the new admin will choose: added as on the Credentials tab (the configuration flow tests that form).
  const token = await signToken(configAppSecret, { sub: 'noor@example.com', role: 'admin' });
  const created = await request.post(`${bff}/api/config/credentials`, {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      kind: 'client_credentials',
      name: 'Linden & Loom',
      shop: 'linden-and-loom',
      clientId: sandboxShop.clientId,
      clientSecret: sandboxShop.clientSecret,
    },
  });
  expect(created.status()).toBe(201);
});

test('a new admin sets People up: Set Credentials, Configure, Save, Activate; the first run fills People', async ({ page }) => {
  test.setTimeout(120_000);
  await openConfig(page);
  await page.getByRole('tab', { name: 'Integrations' }).click();
  await expect(block(page)).toContainText('Never run.');
  await expect(block(page)).toContainText('Credentials: not set yet.');
  await expectAccessible(page);
  await atWidths(page, 'block-never-run');

  await fromMenu(page, 'Set Credentials');
  const dialog = page.getByRole('dialog', { name: 'Set Credentials' });
  await dialog.getByRole('radio', { name: /Linden & Loom/ }).check();
  await expect(dialog).not.toContainText('This credential lacks');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(block(page)).toContainText('The sync reads Shopify with Linden & Loom.');

  // Configure: the basic mapping, one row changed, and a custom attribute made for it.
  await fromMenu(page, 'Configure');
  await expect(page.getByRole('heading', { name: 'Shopify customers to people: mapping' })).toBeFocused();
  await expect(page.getByText('Not saved yet: this is the basic initial mapping.')).toBeVisible();
  const attribute = page.getByRole('form', { name: 'Create attribute' });
  await attribute.getByLabel('Attribute name').fill('staffNote');
  await attribute.getByLabel('Type').selectOption('string');
  await attribute.getByRole('button', { name: 'Create attribute' }).click();
  await expect(page.getByText('Custom attribute staffNote created')).toBeVisible();
  const rows = page.getByRole('list', { name: 'Mapped fields' }).getByRole('listitem');
  const last = await rows.count();
  await page.getByRole('combobox', { name: `Row ${last}: Shopify customer field` }).selectOption('note');
  // A note is text; the consent attribute is yes-or-no: the rule says so at the row before any save.
  await expect(page.getByRole('combobox', { name: `Row ${last}: People field` })).toHaveAccessibleDescription(
    /Note is a text and cannot go into shopifyEmailMarketingConsent, a yes or no/,
  );
  await page.getByRole('combobox', { name: `Row ${last}: People field` }).selectOption('attribute:staffNote');
  await expect(page.getByRole('combobox', { name: `Row ${last}: People field` })).not.toHaveAttribute('aria-invalid');
  await expectAccessible(page);
  await atWidths(page, 'mapping-page');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved as version 1. Runs from now on use it.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to Integrations' }).click();

  await fromMenu(page, 'Activate');
  await expect(block(page)).toContainText('The sync is active: the first run has started.');
  await upToDate(block(page));
  await expect(block(page)).toContainText(/Last run \(the first run\) finished .*: \d+ created/);
  await expect(block(page)).toContainText(/In People: \d+ people/);
  await expectAccessible(page);
  await atWidths(page, 'block-up-to-date');

  // People lists the shoppers; Amélie's page has what the mapping wrote, version 1.
  await page.getByRole('tab', { name: 'People' }).click();
  const list = page.getByRole('list', { name: 'People' });
  await expect(list.getByRole('button', { name: 'Amélie Dubois' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Grace Kim' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search people' }).fill('+33612345678');
  await expect(list.getByRole('button')).toHaveText(['Amélie Dubois']);
  await list.getByRole('button', { name: 'Amélie Dubois' }).click();
  await expect(page.getByRole('heading', { name: 'Amélie Dubois', level: 2 })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Contact information' })).toContainText('+33 6 12 34 56 78');
  const staffNote = page.getByRole('table', { name: /Fields and attributes/ }).getByRole('row', { name: /^staffNote / });
  await expect(staffNote).toContainText('Prefers WhatsApp for delivery updates.');
  await expect(staffNote).toContainText('Mapping version 1');
  await expect(page.getByRole('list', { name: 'Events' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Open in the Shopify admin/ })).toHaveAttribute(
    'href',
    `https://admin.shopify.com/store/linden-and-loom/customers/${personas.amelie.id.split('/').pop()}`,
  );
  await expectAccessible(page);
  await atWidths(page, 'person-page');
});

test('a customer changed in Shopify appears changed in People after Run now', async ({ page, request }) => {
  test.setTimeout(90_000);
  const grace = personas.grace.id.split('/').pop();
  const changed = await request.patch(`${sandbox}/sandbox/customers/${grace}`, { data: { lastName: 'Kim-Okafor' } });
  expect(changed.ok()).toBe(true);

  await openConfig(page);
  await page.getByRole('tab', { name: 'People' }).click();
  const search = page.getByRole('searchbox', { name: 'Search people' });
  await search.fill('Kim-Okafor');
  await expect(page.getByText('No one in People matches “Kim-Okafor”.')).toBeVisible();

  await page.getByRole('tab', { name: 'Integrations' }).click();
  await upToDate(block(page));
  await fromMenu(page, 'Run now');
  await expect(block(page)).toContainText('A run has started.');
  await expect(block(page)).toContainText(/Last run \(changes\) finished .*: \d+ created, [1-9]\d* updated/, { timeout: 60_000 });
  await upToDate(block(page));

  await page.getByRole('tab', { name: 'People' }).click();
  await page.getByRole('searchbox', { name: 'Search people' }).fill('Kim-Okafor');
  await expect(page.getByRole('list', { name: 'People' }).getByRole('button')).toHaveText(['Grace Kim-Okafor']);
});

test('the card of a conversation with that shopper matches through People, in one Shopify request', async ({ page, request }) => {
  // The card itself set up by the admin: the same credential active, the default fields saved.
  const admin = { Authorization: `Bearer ${await signToken(configAppSecret, { sub: 'noor@example.com', role: 'admin' })}` };
  const overview = (await (await request.get(`${bff}/api/config`, { headers: admin })).json()) as {
    credentials: { id: string }[];
    mapping: { version: number } | null;
  };
  const credentialId = overview.credentials[0]?.id;
  expect(credentialId).toBeTruthy();
  expect((await request.put(`${bff}/api/config/activation`, { headers: admin, data: { credentialId } })).ok()).toBe(true);
  if (!overview.mapping) {
    const saved = await request.put(`${bff}/api/config/mapping`, { headers: admin, data: { version: 0, mapping: defaultFieldMapping } });
    expect(saved.ok()).toBe(true);
  }

  // Grace's phone is only on her address: Shopify's search needs three requests to find it, People one.
  const before = (await (await request.get(`${sandbox}/sandbox/stats`)).json()) as { graphqlRequests: number };
  const agent = await signToken(configAppSecret, { sub: 'ana@example.com', role: 'agent' });
  await page.goto(`${bff}/card?channel=whatsapp&phone=${encodeURIComponent('+12065550199')}#token=${agent}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Kim-Okafor' })).toBeVisible();
  await expect(page.getByText(/in the People directory/)).toBeVisible();
  const after = (await (await request.get(`${sandbox}/sandbox/stats`)).json()) as { graphqlRequests: number };
  expect(after.graphqlRequests - before.graphqlRequests).toBe(1);
});

test('a person is deleted with a confirm step, and is gone from People', async ({ page }) => {
  await openConfig(page);
  await page.getByRole('tab', { name: 'People' }).click();
  await page.getByRole('searchbox', { name: 'Search people' }).fill('Kim-Okafor');
  await page.getByRole('list', { name: 'People' }).getByRole('button', { name: 'Grace Kim-Okafor' }).click();
  await page.getByRole('button', { name: 'Delete person' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Grace Kim-Okafor?' });
  await expect(confirm).toContainText('This is final until Shopify changes this customer');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Delete person' }).click();
  await expect(page.getByText('Grace Kim-Okafor was deleted from People.')).toBeVisible();
  await expect(page.getByText('No one in People matches “Kim-Okafor”.')).toBeVisible();
});
