import { expect, test } from '@playwright/test';
import { createSandboxSeed } from '../mocks/shopify/seed';
import { e2ePorts } from '../playwright.config';

const inbox = `http://127.0.0.1:${e2ePorts.demo}`;

/** What the sandbox store (anchored to today, like the one the BFF runs against) holds for a shopper. */
function newestOrderNames(email: string, count: number): string[] {
  const seed = createSandboxSeed();
  const customer = seed.customers.find((c) => c.email === email);
  if (!customer) throw new Error(`No sandbox customer ${email}`);
  return seed.orders
    .filter((order) => order.customerId === customer.id)
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, count)
    .map((order) => order.name);
}

test('an agent opens a WhatsApp conversation and sees that shopper’s orders, newest first', async ({ page }) => {
  await page.goto(inbox);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ }).click();

  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
  await expect(card.getByText(/matched by phone/i)).toBeVisible();

  const orders = card.getByRole('list', { name: /orders/i }).getByRole('article');
  await expect(orders).toHaveCount(10);
  const names = await orders.evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')));
  expect(names).toEqual(newestOrderNames('amelie.dubois@example.fr', 10));
  // Each order shows its number as its title, then the other default order-card fields with their labels.
  const first = orders.first();
  await expect(first.getByRole('button', { name: new RegExp(names[0] ?? '-') })).toBeVisible();
  await expect(first.getByText('Order date')).toBeVisible();
  await expect(first.getByText('Fulfillment status')).toBeVisible();
});

test('an Email conversation finds the shopper by email', async ({ page }) => {
  await page.goto(inbox);
  await page.getByRole('button', { name: /Email\s+Sofía Hernández/ }).click();
  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Sofía Hernández' })).toBeVisible();
  await expect(card.getByText(/matched by email/i)).toBeVisible();
  const names = await card.getByRole('list', { name: /orders/i }).getByRole('article').evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')));
  expect(names).toEqual(newestOrderNames('sofia.hernandez@example.mx', 10));
});

test('the demo inbox lists a conversation on every channel', async ({ page }) => {
  await page.goto(inbox);
  const list = page.getByRole('navigation', { name: 'Conversations' });
  for (const channel of ['WhatsApp', 'SMS', 'Voice', 'Viber', 'Email', 'Instagram', 'Messenger']) {
    await expect(list.getByRole('button', { name: new RegExp(`^${channel}\\b`) }).first()).toBeVisible();
  }
});
