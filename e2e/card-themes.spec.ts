import { expect, test } from '@playwright/test';
import {
  expectNoHorizontalScroll,
  expectNoSeriousViolations,
  openCardPage,
  openConversation,
  screenshotCard,
  type Theme,
  type Width,
} from './card-inbox';

const themes: Theme[] = ['light', 'dark'];
const widths: Width[] = [280, 420];

for (const theme of themes) {
  for (const width of widths) {
    test(`the card in ${theme} at ${width} px: list, details and search, without sideways scrolling`, async ({ page }) => {
      // Three axe runs and three screenshots: over the default 30 s when the machine is busy.
      test.slow();
      const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/, { theme, width });
      await expect(card.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
      await expect(card.locator('body')).toHaveCSS('background-color', theme === 'dark' ? 'rgb(17, 17, 17)' : 'rgb(255, 255, 255)');

      await expectNoHorizontalScroll(page);
      await expectNoSeriousViolations(page);
      await screenshotCard(page, `card-list-${theme}-${width}`);

      await card
        .getByRole('button', { name: /^Show details of order/ })
        .first()
        .click();
      await expect(card.getByRole('article', { name: /^Order / })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoSeriousViolations(page);
      await screenshotCard(page, `card-details-${theme}-${width}`);

      await page.keyboard.press('Escape');
      await card.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(card.getByRole('search')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoSeriousViolations(page);
      await screenshotCard(page, `card-search-${theme}-${width}`);
    });
  }
}

test('without a theme from the host, the card follows the system preference', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await openCardPage(page, { channel: 'EMAIL', email: 'sofia.hernandez@example.mx', locale: 'es-MX' });

  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expectNoSeriousViolations(page, 'page');
  await context.close();
});

test('the states without orders pass axe too: several matches and a customer with no orders, dark', async ({ page }) => {
  let card = await openConversation(page, /SMS\s+Jack Taylor/, { theme: 'dark', width: 280 });
  await expect(card.getByRole('heading', { name: 'Several customers match' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await screenshotCard(page, 'card-multiple-dark-280');

  card = await openConversation(page, /WhatsApp\s+Priya Raman/, { theme: 'dark', width: 280 });
  await expect(card.getByText('No orders yet.')).toBeVisible();
  await expectNoSeriousViolations(page);
});
