import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, openCardPage, openConversation, sandboxOrderNames } from './card-inbox';

test('on a Voice call, the order number the caller reads out opens that order, however old', async ({ page }) => {
  const card = await openConversation(page, /Voice\s+/);
  // Far down a history of 250: no page of the list would show it without paging.
  const deep = sandboxOrderNames('margaret.obrien@example.ie')[200] ?? '';
  const spoken = deep.replace('#', '');

  await card.getByRole('button', { name: 'Search', exact: true }).click();
  const search = card.getByRole('search', { name: 'Search Shopify' });
  await expect(search.getByRole('radio', { name: 'Order number' })).toBeChecked();
  await expect(search.getByRole('textbox', { name: 'Order number' })).toBeFocused();
  await expectNoSeriousViolations(page);
  await page.keyboard.type(spoken);
  await page.keyboard.press('Enter');

  await expect(card.getByRole('heading', { level: 1, name: `Order ${deep}` })).toBeFocused();
  await expect(card.getByText("Margaret O'Brien's order")).toBeVisible();
  await expect(card.getByRole('list', { name: 'Order actions' })).toBeVisible();

  await card.getByRole('button', { name: /Back to orders/ }).click();
  await expect(card.getByRole('heading', { level: 1, name: "Margaret O'Brien" })).toBeFocused();
  await expect(card.getByText(`matched by order number ${deep}`)).toBeVisible();

  await card.getByRole('button', { name: 'Clear the search' }).click();
  await expect(card.getByRole('heading', { level: 1 })).not.toHaveText("Margaret O'Brien");
});

test('the agent finds a shopper by name, picking among the customers who share it', async ({ page }) => {
  const card = await openConversation(page, /Voice\s+/);

  await card.getByRole('button', { name: 'Search', exact: true }).click();
  const search = card.getByRole('search', { name: 'Search Shopify' });
  await search.getByRole('radio', { name: 'Name' }).check();
  await search.getByRole('textbox', { name: 'Customer name' }).fill('taylor');
  await search.getByRole('button', { name: 'Search' }).click();

  await expect(card.getByRole('heading', { level: 1, name: 'Several customers match' })).toBeFocused();
  await expect(card.getByText('More than one Shopify customer has the name taylor.')).toBeVisible();
  const matches = card.getByRole('list', { name: 'Matching customers' });
  await matches.getByRole('button', { name: /Emily Taylor/ }).click();
  await expect(card.getByRole('heading', { level: 1, name: 'Emily Taylor' })).toBeFocused();

  // A full name finds the one customer at once.
  await card.getByRole('button', { name: 'Search', exact: true }).click();
  await search.getByRole('radio', { name: 'Name' }).check();
  await search.getByRole('textbox', { name: 'Customer name' }).fill('Sofía Hernández');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(card.getByRole('heading', { level: 1, name: 'Sofía Hernández' })).toBeFocused();
  await expect(card.getByText('matched by name Sofía Hernández')).toBeVisible();
});

test('the agent finds the right person by email when the conversation found the wrong one', async ({ page }) => {
  const card = await openConversation(page, /WhatsApp\s+Amélie Dubois/);

  await card.getByRole('button', { name: 'Search', exact: true }).click();
  const search = card.getByRole('search', { name: 'Search Shopify' });
  await search.getByRole('radio', { name: 'Email' }).check();
  await search.getByRole('textbox', { name: 'Email address' }).fill('sofia.hernandez@example.mx');
  await search.getByRole('button', { name: 'Search' }).click();

  await expect(card.getByRole('heading', { level: 1, name: 'Sofía Hernández' })).toBeFocused();
  await expect(card.getByText('matched by email sofia.hernandez@example.mx')).toBeVisible();
});

test('when nobody has the conversation’s phone, the card says which phone it tried and offers the search', async ({ page }) => {
  await openCardPage(page, { channel: 'WHATSAPP', phone: '+15555550100', theme: 'light', locale: 'en-GB' });

  await expect(page.getByRole('heading', { level: 1, name: 'No customer found' })).toBeVisible();
  await expect(page.getByText(/No Shopify customer has the phone \+1 555/)).toBeVisible();
  await expect(page.getByRole('search', { name: 'Search Shopify' })).toBeVisible();
  await expectNoSeriousViolations(page, 'page');

  await page.getByRole('textbox', { name: 'Order number' }).fill('not an order!');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('Type an order number, such as #1042 or 1042.')).toBeVisible();
  await expectNoSeriousViolations(page, 'page');
});

test('a Voice call without a number still lets the agent search', async ({ page }) => {
  await openCardPage(page, { channel: 'VOICE', theme: 'dark', locale: 'en-GB' });

  await expect(page.getByRole('heading', { level: 1, name: 'No phone number to look up' })).toBeVisible();
  await page.getByRole('radio', { name: 'Email' }).check();
  await page.getByRole('textbox', { name: 'Email address' }).fill('chloe.martin@example.com');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Chloé Martin' })).toBeVisible();
  await expectNoSeriousViolations(page, 'page');
});
