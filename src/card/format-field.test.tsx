import { screen, within } from '@testing-library/react';
import type { FieldFormat, FieldValue, LineItem } from '../shared/fields';
import { renderWithProviders } from '../test/render';
import { FormattedValue, formatDate, formatMoney, safeHttpsUrl, type FormatOptions } from './format-field';

/** Intl puts narrow and non-breaking spaces in some locales; compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function show(format: FieldFormat, value: FieldValue | null, options: Partial<FormatOptions> = {}) {
  return renderWithProviders(
    <div data-testid="value">
      <FormattedValue format={format} value={value} locale="en-GB" density="full" {...options} />
    </div>,
  );
}
const shown = () => screen.getByTestId('value');

function item(title: string, quantity = 1): LineItem {
  return { title, variantTitle: null, quantity, sku: null, imageUrl: null, imageAlt: null, unitPrice: { amount: '10.00', currencyCode: 'EUR' } };
}

describe('money', () => {
  it('shows euros in their currency, in the agent locale', () => {
    expect(formatMoney({ amount: '1249.00', currencyCode: 'EUR' }, 'en-GB')).toBe('€1,249.00');
    expect(plain(formatMoney({ amount: '1249.00', currencyCode: 'EUR' }, 'fr-FR'))).toBe('1 249,00 €');
  });

  it('shows yen without decimals', () => {
    expect(formatMoney({ amount: '5400.0', currencyCode: 'JPY' }, 'en-GB')).toBe('JP¥5,400');
    expect(formatMoney({ amount: '5400', currencyCode: 'JPY' }, 'en-US')).toBe('¥5,400');
    expect(formatMoney({ amount: '5400', currencyCode: 'JPY' }, 'ja-JP')).toBe('￥5,400');
  });

  it('never converts: each amount keeps the currency it was paid in', () => {
    show('money', { amount: '42.00', currencyCode: 'GBP' }, { locale: 'de-DE' });
    expect(plain(shown().textContent)).toBe('42,00 £');
  });

  it('still shows the amount when the currency code is unknown', () => {
    expect(formatMoney({ amount: '12.50', currencyCode: 'BITCOIN' }, 'en-GB')).toBe('12.50 BITCOIN');
  });
});

describe('dates', () => {
  it("are written in the agent's locale", () => {
    expect(formatDate('2026-10-29T16:02:00Z', 'en-GB')).toBe('29 Oct 2026');
    expect(formatDate('2026-10-29T16:02:00Z', 'en-US')).toBe('Oct 29, 2026');
  });

  it('keep the machine-readable date for assistive technology', () => {
    show('date', '2026-10-29T16:02:00Z', { density: 'compact' });
    expect(shown().querySelector('time')).toHaveAttribute('dateTime', '2026-10-29T16:02:00Z');
  });

  it('show a value that is not a date as it came', () => {
    show('date', 'yesterday');
    expect(shown()).toHaveTextContent('yesterday');
  });
});

describe('statuses', () => {
  it('are written in words, not left to colour', () => {
    show('status', 'PARTIALLY_REFUNDED');
    expect(shown()).toHaveTextContent('Partially refunded');
  });
});

describe('tracking', () => {
  it('links an https tracking page', () => {
    show('tracking', [{ company: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/suivi?code=6A12345678901' }]);
    const link = within(shown()).getByRole('link', { name: '6A12345678901 (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://www.laposte.fr/suivi?code=6A12345678901');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(shown()).toHaveTextContent('Colissimo');
  });

  it.each([
    ['javascript:alert(document.domain)'],
    ['http://www.dhl.com/track?AWB=1234567890'],
    ['data:text/html,<script>alert(1)</script>'],
    ['not a url'],
  ])('never makes %s clickable, but still shows the number', (url) => {
    show('tracking', [{ company: 'DHL Express', number: '1234567890', url }]);
    expect(within(shown()).queryByRole('link')).not.toBeInTheDocument();
    expect(shown()).toHaveTextContent('DHL Express 1234567890');
  });

  it('offers "Track shipment" when there is a safe link but no number', () => {
    show('tracking', [{ company: null, number: null, url: 'https://track.example.com/abc' }]);
    expect(within(shown()).getByRole('link', { name: /Track shipment/ })).toBeInTheDocument();
  });

  it('accepts only https URLs as links', () => {
    expect(safeHttpsUrl('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHttpsUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeHttpsUrl('http://example.com')).toBeNull();
    expect(safeHttpsUrl(null)).toBeNull();
  });
});

describe('text from Shopify', () => {
  it('shows HTML as text, never as markup', () => {
    show('text', '<img src=x onerror="alert(1)">Please <b>leave</b> at the door');
    expect(shown()).toHaveTextContent('<img src=x onerror="alert(1)">Please <b>leave</b> at the door');
    expect(shown().querySelector('img, b')).toBeNull();
  });

  it('shows HTML in a product name as text', () => {
    show('lineItems', [item('Bougie parfumée <b>Figuier</b>')]);
    expect(screen.getByText('Bougie parfumée <b>Figuier</b>')).toBeInTheDocument();
    expect(shown().querySelector('b')).toBeNull();
  });
});

describe('lists', () => {
  it('shows tags as a list', () => {
    show('tags', ['VIP', 'wholesale']);
    expect(within(shown()).getAllByRole('listitem').map((tag) => tag.textContent)).toEqual(['VIP', 'wholesale']);
  });

  it('shows an address one line under another', () => {
    show('address', ['Amélie Dubois', '12 rue des Lilas', '69003 Lyon', 'France']);
    const lines = Array.from(shown().querySelectorAll('span > span')).map((line) => line.textContent);
    expect(lines).toEqual(['Amélie Dubois', '12 rue des Lilas', '69003 Lyon', 'France']);
  });

  it('shows each line item with its variant, quantity and unit price', () => {
    show('lineItems', [{ ...item('Pull en laine mérinos', 2), variantTitle: 'Bleu nuit / M', unitPrice: { amount: '59.90', currencyCode: 'EUR' } }]);
    const [line] = within(shown()).getAllByRole('listitem');
    expect(line).toHaveTextContent('Pull en laine mérinos');
    expect(line).toHaveTextContent('Bleu nuit / M');
    expect(line).toHaveTextContent('2 × €59.90');
  });

  it('shows three line items on a compact card, then how many more there are', () => {
    show('lineItems', ['A', 'B', 'C', 'D', 'E'].map((title) => item(title)), { density: 'compact' });
    const rows = within(shown()).getAllByRole('listitem').map((row) => row.textContent);
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)).toBe('and 2 more items');
  });
});

describe('numbers', () => {
  it("are grouped the agent's way", () => {
    show('number', 1234567, { locale: 'de-DE' });
    expect(shown()).toHaveTextContent('1.234.567');
  });
});

describe('missing values', () => {
  const missing: Array<[FieldFormat, FieldValue | null]> = [
    ['text', null],
    ['tags', []],
    ['money', 'not money'],
  ];
  it.each(missing)('show a dash that reads "Not set" (%s %j)', (format, value) => {
    show(format, value);
    expect(shown()).toHaveTextContent('—Not set');
    expect(within(shown()).getByText('—')).toHaveAttribute('aria-hidden', 'true');
  });
});
