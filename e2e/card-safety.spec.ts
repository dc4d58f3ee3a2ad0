import { expect, test } from '@playwright/test';
import { openConversation, sandboxOrderNames } from './card-inbox';

// Chloé Martin's orders carry hostile values: HTML in notes and tags, `javascript:` and `http:` tracking links.
test("Chloé's hostile tracking links are never clickable, and nothing she sent runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const card = await openConversation(page, /Instagram\s+Chloé Martin/);
  const [, inTransit, delivered] = sandboxOrderNames('chloe.martin@example.com');

  for (const name of [inTransit, delivered]) {
    await card.getByRole('button', { name: `Show details of order ${name}` }).click();
    const details = card.getByRole('article', { name: `Order ${name}` });
    await expect(details.getByText('Shipments', { exact: true })).toBeVisible();
    // The tracking number shows; the only links are the ones the card makes safe (https).
    const hrefs = await details.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.every((href) => href.startsWith('https://'))).toBe(true);
    await expect(details.getByRole('button', { name: 'Copy tracking link' })).toHaveCount(0);
    await page.keyboard.press('Escape');
  }

  await expect(card.locator('main script, main img[src="x"], main b')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
