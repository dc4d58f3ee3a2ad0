import { screen, within } from '@testing-library/react';
import type { FieldFormat, FieldValue } from '../../shared/fields';
import { renderWithProviders } from '../../test/render';
import { FormattedValue } from './format-field';
import { formatAge, formatDate, formatMoney, formatRelative, safeHttpsUrl, type FormatOptions } from './format-values';

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

describe('text from Shopify', () => {
  it('shows HTML as text, never as markup', () => {
    show('text', '<img src=x onerror="alert(1)">Please <b>leave</b> at the door');
    expect(shown()).toHaveTextContent('<img src=x onerror="alert(1)">Please <b>leave</b> at the door');
    expect(shown().querySelector('img, b')).toBeNull();
  });
});

describe('lists', () => {
  it('shows tags as a list', () => {
    show('tags', ['VIP', 'wholesale']);
    expect(
      within(shown())
        .getAllByRole('listitem')
        .map((tag) => tag.textContent),
    ).toEqual(['VIP', 'wholesale']);
  });

  it('shows an address one line under another', () => {
    show('address', ['Amélie Dubois', '12 rue des Lilas', '69003 Lyon', 'France']);
    const lines = Array.from(shown().querySelectorAll('span > span')).map((line) => line.textContent);
    expect(lines).toEqual(['Amélie Dubois', '12 rue des Lilas', '69003 Lyon', 'France']);
  });
});

describe('links', () => {
  it('accepts only https URLs', () => {
    expect(safeHttpsUrl('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHttpsUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeHttpsUrl('http://example.com')).toBeNull();
    expect(safeHttpsUrl(null)).toBeNull();
  });
});

describe('line items and tracking', () => {
  it('are drawn by their own renderers, loaded when first shown', async () => {
    show('tracking', [{ company: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/suivi?code=6A12345678901' }]);
    expect(await within(shown()).findByRole('link', { name: '6A12345678901 (opens in a new tab)' })).toBeInTheDocument();
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

describe('relative times', () => {
  const now = Date.parse('2026-11-20T09:00:00Z');

  it('say how long ago, in the words of the card', () => {
    expect(formatRelative(Date.parse('2026-11-17T09:00:00Z'), now)).toBe('3 days ago');
    expect(formatRelative(Date.parse('2026-11-19T09:00:00Z'), now)).toBe('yesterday');
    expect(formatRelative(Date.parse('2026-11-20T08:55:00Z'), now)).toBe('5 minutes ago');
    expect(formatRelative(Date.parse('2026-08-20T09:00:00Z'), now)).toBe('3 months ago');
    expect(formatRelative(Date.parse('2024-11-20T09:00:00Z'), now)).toBe('2 years ago');
  });

  it('give the age of data', () => {
    expect(formatAge(300, now)).toBe('5 minutes ago');
    expect(formatAge(7200, now)).toBe('2 hours ago');
  });

  it('follow a date when there is a now to measure from', () => {
    show('date', '2026-11-17T09:00:00Z', { density: 'full', now });
    expect(shown()).toHaveTextContent('17 Nov 2026, 09:00 · 3 days ago');
  });
});

describe('emails', () => {
  it('may wrap before the @ and before each dot, never inside a word', () => {
    show('email', 'amelie.dubois@example.fr');
    expect(shown()).toHaveTextContent('amelie.dubois@example.fr');
    // A line break can only come where a <wbr> is: before ".dubois", "@example" and ".fr".
    const pieces = [...shown().childNodes].flatMap((node) => (node.nodeName === 'WBR' ? ['|'] : [node.textContent ?? '']));
    expect(pieces.join('')).toBe('amelie|.dubois|@example|.fr');
  });
});
