import { expect, test, type Frame, type Page } from '@playwright/test';
import { cardOrigin, customInbox, customInboxFraming, demoInbox, protocol, unlistedOrigin, type BrowserWindow } from './embedding-hosts';

const card = (page: Page) => page.frameLocator('iframe[title="Shopify context card"]');

const amelie = { conversationId: 'conv-1000', channel: 'WHATSAPP', customer: { name: 'Amélie Dubois', phone: '+33612345678' } };
const sofia = { conversationId: 'conv-1004', channel: 'EMAIL', customer: { name: 'Sofía Hernández', email: 'sofia.hernandez@example.mx' } };

test('a page on an origin that is not allowed cannot frame the card', async ({ page, request }) => {
  const headers = (await request.get(`${cardOrigin}/card`)).headers();
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'self'( \S+)+$/);
  expect(headers['content-security-policy']).toContain(demoInbox);
  expect(headers['content-security-policy']).toContain(customInbox);
  expect(headers['content-security-policy']).not.toContain(unlistedOrigin);

  await page.goto(`${unlistedOrigin}/frame-card`);
  await expect(page).toHaveTitle('loaded');
  await expect(card(page).locator('#root')).toHaveCount(0);
  await expect(card(page).getByRole('heading')).toHaveCount(0);
});

type HostWindow = { fromCard: { type?: string }[]; toCard(message: unknown): void; agentToken(): Promise<string> };

async function openHostPage(page: Page): Promise<void> {
  await page.goto(`${customInbox}/inbox`);
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as HostWindow).fromCard.map((m) => m.type))).toContain('ready');
  await page.evaluate(
    async ({ protocol, amelie }) => {
      const host = globalThis as unknown as HostWindow;
      host.toCard({ ...protocol, type: 'context', context: amelie });
      host.toCard({ ...protocol, type: 'token', token: await host.agentToken() });
    },
    { protocol, amelie },
  );
  await expect(card(page).getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
}

function frameNamed(page: Page, name: string): Frame {
  const frame = page.frame({ name });
  if (!frame) throw new Error(`no frame named ${name}`);
  return frame;
}

test('messages from an unlisted origin, from a frame that is not the parent, or of the wrong shape change nothing', async ({ page }) => {
  const dropped: string[] = [];
  page.on('console', (message) => {
    const reason = /\[context-card\] dropped a message \(([\w-]+)\)/.exec(message.text())?.[1];
    if (reason) dropped.push(reason);
  });
  await openHostPage(page);
  const forged = { ...protocol, type: 'context', context: sofia };

  // Another app in the inbox, on an origin the card does not know, posts to the card's window.
  await frameNamed(page, 'other-app').evaluate(
    (message) => (globalThis as unknown as BrowserWindow).parent.frames[0]?.postMessage(message, '*'),
    forged,
  );
  // A frame on the inbox's own origin that is not the card's parent.
  await frameNamed(page, 'sibling').evaluate(
    ({ message, target }) =>
      (globalThis as unknown as BrowserWindow).parent.document.getElementById('card')?.contentWindow?.postMessage(message, target),
    { message: forged, target: cardOrigin },
  );
  // The parent itself, with messages that do not parse.
  await page.evaluate(
    ({ protocol, sofia }) => {
      const host = globalThis as unknown as HostWindow;
      host.toCard({ ...protocol, type: 'context', context: { ...sofia, customer: { email: 42 } } });
      host.toCard({ ...protocol, version: 2, type: 'context', context: sofia });
      host.toCard({ namespace: 'someone-else', version: 1, type: 'context', context: sofia });
      host.toCard(JSON.stringify({ event: 'appContext', data: { conversation: { id: 1004 }, contact: { email: sofia.customer.email } } }));
      // Then one good message: once it shows, every message before it has been read.
      host.toCard({ ...protocol, type: 'theme', theme: 'dark' });
    },
    { protocol, sofia },
  );

  const cardFrame = page.frames().find((f) => f.url().startsWith(`${cardOrigin}/card`));
  await expect
    .poll(() => cardFrame?.evaluate(() => (globalThis as unknown as BrowserWindow).document.documentElement.style.colorScheme))
    .toBe('dark');
  await expect(card(page).getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
  await expect(card(page).getByRole('heading', { name: 'Sofía Hernández' })).toHaveCount(0);
  expect(dropped.filter((reason) => reason === 'not-parent')).toHaveLength(2);
  expect(dropped.filter((reason) => reason === 'shape')).toHaveLength(4);
});

test.describe('an expired token', () => {
  test('is renewed over postMessage without the agent noticing', async ({ page }) => {
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url() === `${cardOrigin}/api/card` && response.request().method() === 'POST') statuses.push(response.status());
    });
    await page.goto(`${demoInbox}/postmessage`);
    await page.getByLabel('Session').selectOption('expired-renewed');
    await page.getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ }).click();

    await expect(card(page).getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
    expect(statuses).toEqual([401, 200]);
  });

  test('shows that the session has expired when the host sends no fresh token', async ({ page }) => {
    await page.goto(`${demoInbox}/postmessage`);
    await page.getByLabel('Session').selectOption('expired');
    await page.getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ }).click();

    await expect(card(page).getByRole('heading', { name: 'Your session has expired' })).toBeVisible({ timeout: 15_000 });
  });

  test('shows that the session has expired at once when the host passes the token in the URL', async ({ page }) => {
    await page.goto(customInboxFraming('/card?channel=WHATSAPP&phone=%2B33612345678&host=infobip', { expired: true }));

    await expect(card(page).getByRole('heading', { name: 'Your session has expired' })).toBeVisible({ timeout: 3_000 });
  });
});
