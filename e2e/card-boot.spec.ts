import { expect, test, type Page, type Request } from '@playwright/test';
import { inbox } from './card-inbox';

/** Every card-open call (`POST /api/card`) the page and its frames make from now on. */
function cardOpens(page: Page): Request[] {
  const opens: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/card') opens.push(request);
  });
  return opens;
}

/** When, in the card's own clock, its card-open call started and the page was parsed (module scripts run only after). */
type BootTimes = { cardOpenStart: number; parsed: number };
/** The few browser globals the page function below touches (the end-to-end tests have no DOM types). */
type InPage = {
  performance: {
    getEntriesByType(type: 'resource'): { name: string; startTime: number }[];
    getEntriesByType(type: 'navigation'): { domInteractive: number }[];
  };
};

test('the boot script starts the card-open request before the bundle has loaded, and the card makes no other', async ({ page }) => {
  const opens = cardOpens(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(inbox);
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ })
    .click();

  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
  await expect(
    card
      .getByRole('list', { name: /orders/i })
      .getByRole('article')
      .first(),
  ).toBeVisible();

  expect(opens).toHaveLength(1);
  expect(opens[0]?.postDataJSON()).toEqual({ phone: '+33612345678' });
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname === '/card');
  if (!frame) throw new Error('The card frame is missing');
  const times = await frame.evaluate((): BootTimes => {
    const page = globalThis as unknown as InPage;
    const entries = page.performance.getEntriesByType('resource');
    const open = entries.find((entry) => new URL(entry.name).pathname === '/api/card');
    const parsed = page.performance.getEntriesByType('navigation')[0]?.domInteractive;
    return { cardOpenStart: open?.startTime ?? Number.NaN, parsed: parsed ?? Number.NaN };
  });
  // Sent by the card's bundle, it could only have started once the page was parsed: module scripts run after.
  expect(times.cardOpenStart).toBeLessThan(times.parsed);
  // The token left the address bar, as before.
  expect(frame.url()).not.toContain('token=');
  expect(violations).toEqual([]);
});

test('a postMessage host gets one card-open request per conversation, sent as the context arrives', async ({ page }) => {
  const opens = cardOpens(page);
  await page.goto(`${inbox}/postmessage`);
  await page.getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ }).click();
  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
  await page.getByRole('button', { name: /Email\s+Sofía Hernández/ }).click();
  await expect(card.getByRole('heading', { name: 'Sofía Hernández' })).toBeVisible();
  await expect(
    card
      .getByRole('list', { name: /orders/i })
      .getByRole('article')
      .first(),
  ).toBeVisible();

  expect(opens.map((request) => request.postDataJSON() as unknown)).toEqual([
    { phone: '+33612345678' },
    { email: 'sofia.hernandez@example.mx' },
  ]);
});

test('the demo inbox warms the card of the conversation under the pointer and the next ones, and the open comes from the cache', async ({
  page,
}) => {
  const warms: unknown[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/demo-prewarm') warms.push(request.postDataJSON());
  });
  await page.goto(inbox);
  const list = page.getByRole('navigation', { name: 'Conversations' });
  const ids = await list.locator('.conversation').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-id')));
  await list.locator('.conversation').nth(1).hover();
  await expect.poll(() => warms).toEqual([{ conversationIds: ids.slice(1, 4) }]);

  const opened = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/card');
  await list.locator('.conversation').nth(1).click();
  expect((await opened).headers()['server-timing']).toBe('cache;desc="hit"');
});

test('a postMessage host warms the next card through the card itself', async ({ page }) => {
  const warms: unknown[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/card/prewarm') warms.push(request.postDataJSON());
  });
  await page.goto(`${inbox}/postmessage`);
  await page.getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ }).click();
  const card = page.frameLocator('iframe[title="Shopify context card"]');
  await expect(card.getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();

  await page.getByRole('button', { name: /Email\s+Sofía Hernández/ }).hover();
  await expect.poll(() => warms).toContainEqual({ email: 'sofia.hernandez@example.mx' });
});

/** The card's entry script, which runs after the first paint; held back, the first paint stays on screen. */
const cardEntry = /\/assets\/card-[\w-]+\.js$/;

// A time zone far from the machine's: the frame names it (from Temporal, in Chromium) and the server's
// first paint must show the orders' dates in it, as the card then does.
test.describe("in the agent's time zone", () => {
  test.use({ timezoneId: 'Pacific/Chatham' });

  for (const { theme, width, conversation } of [
    { theme: 'light', width: 360, conversation: /WhatsApp\s+Amélie Dubois/ },
    { theme: 'dark', width: 1000, conversation: /Email\s+Margaret O'Brien/ },
  ] as const) {
    test(`the answer's first paint shows the card before its code has run, just as the card then shows it (${width} px, ${theme})`, async ({
      page,
    }) => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(cardEntry, async (route) => {
        await held;
        await route.continue();
      });
      const opens = cardOpens(page);
      await page.goto(inbox);
      await page.selectOption('#theme', theme);
      await page.selectOption('#width', String(width));
      await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: conversation }).click();

      const frame = page.locator('iframe[title="Shopify context card"]');
      const card = page.frameLocator('iframe[title="Shopify context card"]');
      const firstPaint = card.locator('#first-paint');
      await expect(firstPaint.getByRole('heading', { level: 1 })).toHaveText(/\S/);
      await expect(card.locator('#root')).toBeHidden();
      // A picture, not yet live: nothing in it takes a click or the focus.
      await expect(firstPaint).toHaveAttribute('inert', '');
      await expect(firstPaint.getByRole('button').first()).toBeDisabled();
      const painted = await frame.screenshot({ animations: 'disabled', caret: 'hide' });

      release();
      await expect(firstPaint).toHaveCount(0);
      await expect(card.locator('#root').getByRole('heading', { level: 1 })).toBeVisible();
      await expect(card.locator('#root').getByRole('article').first()).toBeEnabled();
      const live = await frame.screenshot({ animations: 'disabled', caret: 'hide' });

      expect(Buffer.compare(painted, live), 'the first paint and the card differ on screen').toBe(0);
      expect(opens).toHaveLength(1);
      expect(new URL(opens[0]?.url() ?? '').searchParams.get('timeZone')).toBe('Pacific/Chatham');
    });
  }
});
