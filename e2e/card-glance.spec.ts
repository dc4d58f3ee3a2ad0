import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import {
  expectNoHorizontalScroll,
  expectNoSeriousViolations,
  openCardPage,
  openConversation,
  sandboxOrderNames,
  type Theme,
} from './card-inbox';

/** The demo inbox's header is 49 px tall: a page this high gives the card a frame of 360 × 720. */
const PANEL_360_X_720 = { width: 1280, height: 769 };

/** How many orders are whole inside the card's frame, without scrolling. */
async function ordersInSight(page: Page): Promise<number> {
  const frame = page.locator('iframe[title="Shopify context card"]');
  const box = await frame.boundingBox();
  if (!box) throw new Error('no card frame');
  let whole = 0;
  for (const order of await page.frameLocator('iframe[title="Shopify context card"]').getByRole('article').all()) {
    const row = await order.boundingBox();
    if (row && row.y >= box.y && row.y + row.height <= box.y + box.height) whole += 1;
  }
  return whole;
}

for (const theme of ['light', 'dark'] satisfies Theme[]) {
  test(`in a 360 × 720 panel (${theme}), the agent sees the customer summary and at least six orders without scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize(PANEL_360_X_720);
    // Amélie has an abandoned checkout and two orders that need attention: the fullest top of the card.
    const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/, { theme, width: 360 });
    await expect(page.locator('iframe[title="Shopify context card"]')).toHaveCSS('width', '360px');
    expect((await page.locator('iframe[title="Shopify context card"]').boundingBox())?.height).toBe(720);

    await expect(card.getByText(/^12 orders · .+ spent$/)).toBeVisible();
    await expect(card.getByRole('region', { name: 'Abandoned checkout' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Customer details', expanded: false })).toBeVisible();
    await expect(card.getByRole('list', { name: 'Needs attention' }).getByRole('article')).not.toHaveCount(0);
    expect(await ordersInSight(page)).toBeGreaterThanOrEqual(6);

    await expectNoHorizontalScroll(page);
    await expectNoSeriousViolations(page);
  });
}

test('orders that need attention are pinned first, each saying why once, and the other orders follow under their own heading', async ({
  page,
}) => {
  const card = await openConversation(page, /SMS\s+Oliver Bennett/);
  const pinned = card.getByRole('list', { name: 'Needs attention' });
  const [authorized, chargedTwice] = sandboxOrderNames('oliver.bennett@example.co.uk');

  await expect(pinned.getByRole('article')).toHaveCount(2);
  // An authorized payment not captured says so in the place of the payment status, not beside it.
  const first = pinned.getByRole('article', { name: authorized });
  await expect(first.getByText('Authorized, not captured')).toHaveCount(1);
  await expect(first.getByText('Paid', { exact: true })).toHaveCount(0);
  // A charge made twice is said once, beside the statuses it does not replace.
  const second = pinned.getByRole('article', { name: chargedTwice });
  await expect(second.getByText('Charged more than once')).toHaveCount(1);
  await expect(card.getByRole('heading', { level: 3, name: 'Other orders' })).toBeVisible();
  await expect(card.getByRole('list', { name: 'Other orders' }).getByRole('article')).toHaveCount(6);
  await expectNoSeriousViolations(page);
});

test('an order on its way says where it is, when it is expected and what it holds; its payments say how it was paid', async ({ page }) => {
  const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/);
  const onItsWay = card.getByRole('list', { name: 'Other orders' }).getByRole('article').first();
  await onItsWay.getByRole('button', { name: /^Show details of order/ }).click();

  const details = card.getByRole('article', { name: /^Order / });
  await expect(details.getByText('In transit')).toBeVisible();
  await expect(details.getByText(/^expected .*\d{4}$/).first()).toBeVisible();
  await expect(details.getByText(/1 × Linen Bathrobe/).first()).toBeVisible();
  await expect(details.getByText('Authorization')).toBeVisible();
  await expect(details.getByText('Capture')).toBeVisible();
  await expect(details.getByText(/^Shopify Payments · /).first()).toBeVisible();
});

test('on a host that cannot insert text, Copy summary copies what Insert into reply writes', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const [newest] = sandboxOrderNames('amelie.dubois@example.fr');

  // The host that takes text: Insert into reply.
  const framed = await openConversation(page, /WhatsApp\s+Amélie Dubois/, { path: '/postmessage' });
  await framed.getByRole('button', { name: `Show details of order ${newest}` }).click();
  await framed.getByRole('button', { name: 'Insert into reply' }).click();
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await expect(reply).toHaveValue(/^\*Order /);
  const inserted = await reply.inputValue();

  // The card on its own, from URL parameters: nothing to insert into, so Copy summary.
  await openCardPage(page, { channel: 'WHATSAPP', phone: '+33612345678', theme: 'light', locale: 'en-GB' });
  await page.getByRole('button', { name: `Show details of order ${newest}` }).click();
  await expect(page.getByRole('button', { name: 'Insert into reply' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Copy summary' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Copied the order summary/);
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(inserted);
});

async function sideBySide(card: FrameLocator) {
  const list = await card.getByRole('heading', { level: 1 }).boundingBox();
  const details = await card.getByRole('heading', { level: 2, name: /^Order / }).boundingBox();
  if (!list || !details) throw new Error('list or details not shown');
  return { list, details };
}

for (const theme of ['light', 'dark'] satisfies Theme[]) {
  test(`a wide panel (${theme}) uses the room: the list and the open order side by side`, async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/, { theme, width: 1000 });

    // Before an order is opened, the customer's details take the other side.
    await expect(card.getByRole('region', { name: 'Customer details' })).toBeVisible();
    const rows = card.getByRole('button', { name: /^Show details of order/ });
    await rows.nth(2).click();
    await expect(card.getByRole('heading', { level: 2, name: /^Order / })).toBeFocused();
    const { list, details } = await sideBySide(card);
    expect(details.x).toBeGreaterThan(list.x + 300);
    await expect(rows.nth(2)).toHaveAttribute('aria-current', 'true');
    await expectNoHorizontalScroll(page);
    await expectNoSeriousViolations(page);

    // Another order replaces the first beside the list; Escape closes it and the keyboard is back on its row.
    await rows.nth(3).click();
    await expect(rows.nth(3)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Escape');
    await expect(rows.nth(3)).toBeFocused();
    await expect(card.getByRole('region', { name: 'Customer details' })).toBeVisible();
  });
}
