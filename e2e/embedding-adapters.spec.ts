import { expect, test, type Page } from '@playwright/test';
import { cardOrigin, customInboxFraming, demoInbox, type BrowserWindow } from './embedding-hosts';

const card = (page: Page) => page.frameLocator('iframe[title="Shopify context card"]');
const conversations = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

/** The card's own document, to read what the theme did to it. */
async function cardColorMode(page: Page): Promise<string | undefined> {
  const frame = page.frames().find((f) => f.url().startsWith(`${cardOrigin}/card`));
  return frame?.evaluate(() => (globalThis as unknown as BrowserWindow).document.documentElement.style.colorScheme);
}

test.describe('URL parameters', () => {
  test('an Infobip custom card URL finds the shopper from its template values', async ({ page }) => {
    // What Infobip fills into the custom card URL of the README for a Viber conversation.
    const cardUrl =
      `/card?channel=VIBER_BM&phone=%2B48601234567&name=${encodeURIComponent('Łukasz Wiśniewski')}` +
      '&conversationId=8d1c6a52-4e8a-4b7e-9d1f-6a0c2f1b9e11&agentId=agent-42&host=infobip';
    await page.goto(customInboxFraming(cardUrl));

    await expect(card(page).getByRole('heading', { name: 'Łukasz Wiśniewski' })).toBeVisible();
    await expect(card(page).getByText(/matched by phone/i)).toBeVisible();
  });
});

test.describe('Chatwoot dashboard app', () => {
  test('the card reads the conversation Chatwoot posts, and follows the agent to the next conversation', async ({ page }) => {
    await page.goto(`${demoInbox}/chatwoot`);
    await conversations(page)
      .getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ })
      .click();
    await page.getByRole('tab', { name: 'Shopify' }).click();

    await expect(card(page).getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();
    await expect(card(page).getByText(/matched by phone/i)).toBeVisible();

    // Chatwoot does not tell the app about the switch: the card asks again when its tab is shown.
    await conversations(page)
      .getByRole('button', { name: /Email\s+Sofía Hernández/ })
      .click();
    await page.getByRole('tab', { name: 'Shopify' }).click();
    await expect(card(page).getByRole('heading', { name: 'Sofía Hernández' })).toBeVisible();
    await expect(card(page).getByText(/matched by email/i)).toBeVisible();
    await expect(card(page).getByRole('heading', { name: 'Amélie Dubois' })).toHaveCount(0);
  });

  test("the card follows Chatwoot's theme live", async ({ page }) => {
    await page.goto(`${demoInbox}/chatwoot`);
    await conversations(page)
      .getByRole('button', { name: /SMS\s+Oliver Bennett/ })
      .click();
    await page.getByRole('tab', { name: 'Shopify' }).click();
    await expect(card(page).getByRole('heading', { name: 'Oliver Bennett' })).toBeVisible();
    expect(await cardColorMode(page)).toBe('light');

    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => cardColorMode(page)).toBe('dark');
    await expect(card(page).getByRole('heading', { name: 'Oliver Bennett' })).toBeVisible();
  });

  test('older Chatwoot builds, which send only the conversation and the contact, work too', async ({ page }) => {
    await page.goto(`${demoInbox}/chatwoot`);
    await page.getByLabel('Chatwoot build').selectOption('older');
    await conversations(page)
      .getByRole('button', { name: /Viber\s+Łukasz Wiśniewski/ })
      .click();
    await page.getByRole('tab', { name: 'Shopify' }).click();

    await expect(card(page).getByRole('heading', { name: 'Łukasz Wiśniewski' })).toBeVisible();
  });
});

test.describe('our postMessage protocol', () => {
  test('the host sends context, theme, locale and token; the card follows without reloading and reports its height', async ({ page }) => {
    await page.goto(`${demoInbox}/postmessage`);
    await conversations(page)
      .getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ })
      .click();
    await expect(card(page).getByRole('heading', { name: 'Amélie Dubois' })).toBeVisible();

    // The card told the host its height, and the host sized the frame to it.
    await expect(page.getByText(/^Card height: \d+ px$/)).toBeVisible();
    const reported = Number((await page.getByText(/^Card height:/).textContent())?.match(/\d+/)?.[0]);
    const frameHeight = await page
      .locator('iframe[title="Shopify context card"]')
      .evaluate((frame) => frame.getBoundingClientRect().height);
    expect(Math.abs(frameHeight - reported)).toBeLessThanOrEqual(1);

    // Another conversation arrives as a message: the same card document shows the next shopper.
    const cardFrame = page.frames().find((f) => f.url().startsWith(`${cardOrigin}/card`));
    await cardFrame?.evaluate(() => {
      (globalThis as unknown as BrowserWindow).sameDocument = true;
    });
    await conversations(page)
      .getByRole('button', { name: /Email\s+Sofía Hernández/ })
      .click();
    await expect(card(page).getByRole('heading', { name: 'Sofía Hernández' })).toBeVisible();
    expect(await cardFrame?.evaluate(() => (globalThis as unknown as BrowserWindow).sameDocument)).toBe(true);

    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => cardColorMode(page)).toBe('dark');

    const firstDate = card(page)
      .getByRole('article')
      .first()
      .getByText(/2026|2025/)
      .first();
    const english = await firstDate.textContent();
    await page.getByLabel('Locale').selectOption('de-DE');
    await expect(firstDate).not.toHaveText(english ?? '');
  });

  test('insert-text puts what the agent picked in the card into the host’s reply box', async ({ page }) => {
    await page.goto(`${demoInbox}/postmessage`);
    await conversations(page)
      .getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ })
      .click();
    const firstOrder = card(page)
      .getByRole('list', { name: /orders/i })
      .getByRole('article')
      .first();
    const orderName = await firstOrder.getAttribute('aria-label');
    expect(orderName).toMatch(/^#\d+$/);
    await firstOrder.getByRole('button', { name: /show details/i }).click();

    await card(page).getByRole('button', { name: 'Insert into reply' }).click();

    await expect(page.getByLabel('Reply')).toHaveValue(new RegExp(`${orderName}`));
  });
});

test('hosts that cannot take text into their reply box are not offered it', async ({ page }) => {
  await page.goto(demoInbox);
  await conversations(page)
    .getByRole('button', { name: /WhatsApp\s+Amélie Dubois/ })
    .click();
  await card(page)
    .getByRole('list', { name: /orders/i })
    .getByRole('article')
    .first()
    .getByRole('button', { name: /show details/i })
    .click();

  await expect(card(page).getByRole('button', { name: /copy/i }).first()).toBeVisible();
  await expect(card(page).getByRole('button', { name: 'Insert into reply' })).toHaveCount(0);
});
