import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, openConversation, sandboxOrderNames } from './card-inbox';

test('the history lists the newest orders first, each with its fields, and marks the problem ones in words', async ({ page }) => {
  const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/);

  // Problem orders are pinned under Needs attention; the others follow, newest first.
  const orders = card.getByRole('article');
  await expect(orders).toHaveCount(10);
  const names = await orders.evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')));
  expect([...names].sort()).toEqual(sandboxOrderNames('amelie.dubois@example.fr').slice(0, 10).sort());
  await expect(card.getByRole('heading', { level: 2, name: '12 orders' })).toBeVisible();
  await expect(card.getByText('Showing 10 of 12, newest first.')).toBeVisible();
  await expect(orders.first()).toContainText(/Placed .* ago/);
  // Amélie has a partially refunded order: the card says so on it, whatever fields are shown.
  await expect(card.getByRole('list', { name: 'Needs attention' }).getByText('Partially refunded').first()).toBeVisible();
  await card.getByRole('button', { name: 'Customer details' }).click();
  await expect(card.getByRole('region', { name: 'Customer details' }).getByText('amelie.dubois@example.fr')).toBeVisible();
  await expect(card.getByText('matched by phone +33 6 12 34 56 78')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('an order opens in details with its fields and a Shopify admin link; Back and Escape return to the same place', async ({ page }) => {
  const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/);
  const [newest, second] = sandboxOrderNames('amelie.dubois@example.fr');

  await card.getByRole('button', { name: `Show details of order ${newest}` }).click();
  await expect(card.getByRole('heading', { level: 1, name: `Order ${newest}` })).toBeFocused();
  const details = card.getByRole('article', { name: `Order ${newest}` });
  await expect(details.getByText('Payment status')).toBeVisible();
  await expect(details.getByText('Line items')).toBeVisible();
  await expect(details.getByText('Shipping address')).toBeVisible();
  await expect(details.getByRole('link', { name: /Open in Shopify admin/ })).toHaveAttribute(
    'href',
    /^https:\/\/admin\.shopify\.com\/store\/linden-and-loom\/orders\/\d+$/,
  );
  await expect(details.getByRole('button', { name: 'Copy order number' })).toBeVisible();
  await expectNoSeriousViolations(page);

  await details.getByRole('button', { name: 'Back to orders' }).click();
  await expect(card.getByRole('button', { name: `Show details of order ${newest}` })).toBeFocused();

  await card.getByRole('button', { name: `Show details of order ${second}` }).press('Enter');
  await expect(card.getByRole('heading', { level: 1, name: `Order ${second}` })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card.getByRole('button', { name: `Show details of order ${second}` })).toBeFocused();
});

test('copying the order number says "Copied"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/);
  const [newest] = sandboxOrderNames('amelie.dubois@example.fr');

  await card.getByRole('button', { name: `Show details of order ${newest}` }).click();
  await card.getByRole('button', { name: 'Copy order number' }).click();

  // The demo inbox's frame has no clipboard permission: the older copy command does it.
  await expect(card.getByRole('status')).toHaveText(/^Copied the order number/);
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(newest);
});

test("Load more pages through Margaret O'Brien's 250 orders to the end", async ({ page }) => {
  test.setTimeout(90_000);
  const card = await openConversation(page, /Email\s+Margaret O'Brien/);
  const all = sandboxOrderNames('margaret.obrien@example.ie');
  expect(all).toHaveLength(250);
  await expect(card.getByRole('heading', { level: 2, name: '250 orders' })).toBeVisible();

  const loadMore = card.getByRole('button', { name: 'Load more orders' });
  // The problem orders among those loaded are pinned under Needs attention: every order is an article of one list or the other.
  const orders = card.getByRole('article');
  for (let shown = 10; shown < 250; shown = Math.min(shown + 25, 250)) {
    await expect(orders).toHaveCount(shown);
    await loadMore.click();
  }
  await expect(card.getByText('All 250 orders are shown.')).toBeVisible();
  await expect(orders).toHaveCount(250);
  await expect(loadMore).toHaveCount(0);
  const names = await orders.evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')));
  expect([...names].sort()).toEqual([...all].sort());

  // Deep in the history, an order's details and back: the same place in the same long list.
  const deep = card.getByRole('button', { name: `Show details of order ${all[200]}` });
  await deep.scrollIntoViewIfNeeded();
  const scrolled = await card.locator('html').evaluate((html) => html.scrollTop);
  expect(scrolled).toBeGreaterThan(1000);
  await deep.click();
  await expect(card.getByRole('heading', { level: 1, name: `Order ${all[200]}` })).toBeFocused();
  await card.getByRole('button', { name: 'Back to orders' }).click();
  await expect(deep).toBeFocused();
  await expect(orders).toHaveCount(250);
  expect(Math.abs((await card.locator('html').evaluate((html) => html.scrollTop)) - scrolled)).toBeLessThan(5);
});

test('several customers on one phone: the agent picks, and can go back', async ({ page }) => {
  const card = await openConversation(page, /SMS\s+Jack Taylor/);

  await expect(card.getByRole('heading', { level: 1, name: 'Several customers match' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await card.getByRole('button', { name: /^Emily Taylor/ }).click();
  await expect(card.getByRole('heading', { level: 1, name: 'Emily Taylor' })).toBeFocused();
  await card.getByRole('button', { name: 'Back to the matching customers' }).click();
  await expect(card.getByRole('heading', { level: 1, name: 'Several customers match' })).toBeFocused();
});

test('on a host that takes text, "Insert into reply" puts a short order summary into the reply box', async ({ page }) => {
  const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/, { path: '/postmessage' });
  const [newest] = sandboxOrderNames('amelie.dubois@example.fr');

  await card.getByRole('button', { name: `Show details of order ${newest}` }).click();
  await card.getByRole('button', { name: 'Insert into reply' }).click();

  await expect(page.getByRole('textbox', { name: 'Reply' })).toHaveValue(new RegExp(`^\\*Order ${newest}\\*, placed .+\\n`));
  await expect(card.getByRole('status')).toHaveText(`Summary of order ${newest} inserted into the reply`);
});
