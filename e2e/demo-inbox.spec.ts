import { expect, test } from '@playwright/test';
import { inbox, sandboxOrderNames } from './card-inbox';

test('an agent opens a WhatsApp conversation and sees that shopper’s orders, newest first', async ({ page }) => {
  await page.goto(inbox);
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ })
    .click();

  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
  await expect(card.getByText(/matched by phone/i)).toBeVisible();

  const orders = card.getByRole('article');
  await expect(orders).toHaveCount(10);
  const names = await orders.evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')));
  expect([...names].sort()).toEqual(sandboxOrderNames('amelie.dubois@example.fr').slice(0, 10).sort());
  // Each order shows its number and date as its heading, then the default order-card fields.
  const first = orders.first();
  await expect(first.getByRole('button', { name: new RegExp(names[0] ?? '-') })).toBeVisible();
  await expect(first).toContainText(/Placed .* ago/);
});

test('an Email conversation finds the shopper by email', async ({ page }) => {
  await page.goto(inbox);
  await page.getByRole('button', { name: /Email\s+Sofía Hernández/ }).click();
  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Sofía Hernández' })).toBeVisible();
  await expect(card.getByText(/matched by email/i)).toBeVisible();
  // Problem orders are pinned first, so the page's orders are compared as a set.
  const names = await card.getByRole('article').evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')));
  expect([...names].sort()).toEqual(sandboxOrderNames('sofia.hernandez@example.mx').slice(0, 10).sort());
});

test('the demo inbox lists a conversation on every channel', async ({ page }) => {
  await page.goto(inbox);
  const list = page.getByRole('navigation', { name: 'Conversations' });
  for (const channel of ['WhatsApp', 'SMS', 'Voice', 'Viber', 'Email', 'Instagram', 'Messenger']) {
    await expect(list.getByRole('button', { name: new RegExp(`^${channel}\\b`) }).first()).toBeVisible();
  }
});

test('the demo inbox changes a shopper in the sandbox store, for People to pick up', async ({ page }) => {
  await page.goto(inbox);
  await page.getByRole('button', { name: /Messenger\s+Mateus/ }).click();
  await page.getByRole('button', { name: 'Change this shopper in the sandbox store' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Changed Mateus/ })).toContainText(
    /tags .*demo-change-\d\d:\d\d:\d\d\. The next People run picks it up/,
  );
});
