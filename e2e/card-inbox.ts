import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { createSandboxSeed } from '../mocks/shopify/seed';
import { e2ePorts } from '../playwright.config';

/** The demo inbox (another origin than the card) and the card's own origin. */
export const inbox = `http://127.0.0.1:${e2ePorts.demo}`;
export const cardOrigin = `http://localhost:${e2ePorts.bff}`;
const CARD_FRAME = 'iframe[title="Shopify context card"]';

export type Theme = 'light' | 'dark';
export type Width = 280 | 360 | 420 | 1000;

/**
 * Opens a conversation of the demo inbox, in a theme and at a card width, and gives the card. `path` picks
 * the inbox's host (`/postmessage`: the host that takes text into its reply box).
 */
export async function openConversation(
  page: Page,
  conversation: RegExp,
  options: { theme?: Theme; width?: Width; path?: '/' | '/postmessage' } = {},
): Promise<FrameLocator> {
  await page.goto(`${inbox}${options.path ?? '/'}`);
  if (options.theme) await page.selectOption('#theme', options.theme);
  if (options.width) await page.selectOption('#width', String(options.width));
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: conversation }).click();
  const card = page.frameLocator(CARD_FRAME);
  await expect(card.getByRole('heading', { level: 1 })).toBeVisible();
  return card;
}

/** A signed agent token from the demo inbox, for opening the card on its own. */
export async function demoToken(page: Page): Promise<string> {
  const response = await page.request.post(`${inbox}/demo-token?role=agent`, { headers: { Origin: inbox } });
  return ((await response.json()) as { token: string }).token;
}

/** The card's page on its own (no inbox around it), with these URL parameters. */
export async function openCardPage(page: Page, query: Record<string, string>): Promise<void> {
  const token = await demoToken(page);
  await page.goto(`${cardOrigin}/card?${new URLSearchParams(query).toString()}#token=${encodeURIComponent(token)}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * axe on the card inside the inbox: the frame path reaches into the cross-origin frame, and only
 * the card is judged (the inbox around it is a demo). Serious and critical violations fail.
 */
export async function expectNoSeriousViolations(page: Page, where: 'framed' | 'page' = 'framed'): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (where === 'framed') builder.include([CARD_FRAME, 'html']);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  expect(serious).toEqual([]);
}

/** The card frame's document never scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page
    .frameLocator(CARD_FRAME)
    .locator('html')
    .evaluate((html) => ({ scrollWidth: html.scrollWidth, clientWidth: html.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

const screenshotDir = 'e2e/output/screenshots';

/** A picture of the whole card (the frame made as tall as its content), for review. */
export async function screenshotCard(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const height = Math.min(
    await page
      .frameLocator(CARD_FRAME)
      .locator('html')
      .evaluate((html) => html.scrollHeight),
    4000,
  );
  const viewport = page.viewportSize();
  if (viewport && viewport.height < height + 200) await page.setViewportSize({ width: viewport.width, height: height + 200 });
  const iframe = page.locator(CARD_FRAME);
  await iframe.evaluate((element, h) => {
    element.setAttribute('style', `${element.getAttribute('style') ?? ''}; height: ${h}px; max-height: none`);
  }, height);
  await iframe.screenshot({ path: `${screenshotDir}/${name}.png`, animations: 'disabled' });
}

/** What the sandbox store (anchored to today, like the one the BFF runs against) holds for a shopper, newest first. */
export function sandboxOrderNames(email: string): string[] {
  const seed = createSandboxSeed();
  const customer = seed.customers.find((c) => c.email === email);
  if (!customer) throw new Error(`No sandbox customer ${email}`);
  return seed.orders
    .filter((order) => order.customerId === customer.id)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((order) => order.name);
}
