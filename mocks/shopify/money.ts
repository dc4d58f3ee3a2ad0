/**
 * Money in the sandbox store: amounts are kept in minor units (cents, or yen) so sums never drift,
 * and leave the store as decimal strings the way Shopify's `Decimal` scalar does.
 */
export type CurrencyCode = 'USD' | 'EUR' | 'GBP' | 'JPY' | 'CAD';

/** The shop's own currency: `shopMoney` amounts and `Customer.amountSpent` are in it. */
export const shopCurrency: CurrencyCode = 'USD';

/** Units of presentment currency per US dollar: fixed, so that the seed stays deterministic. */
const ratesFromUsd: Record<CurrencyCode, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 150, CAD: 1.38 };

export function minorDigits(currency: CurrencyCode): number {
  return currency === 'JPY' ? 0 : 2;
}

/** "129.90" for 12990 cents; "12900" for 12900 yen. */
export function formatAmount(minor: number, currency: CurrencyCode): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(Math.round(minor));
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The price a shopper sees in their currency for a catalogue price in US cents: rounded up to a
 * whole unit and ending in .90 (or to the next hundred yen), as merchants set fixed market prices.
 */
export function localPrice(usdCents: number, currency: CurrencyCode): number {
  if (currency === 'USD') return usdCents;
  const converted = (usdCents / 100) * ratesFromUsd[currency];
  if (currency === 'JPY') return Math.ceil(converted / 100) * 100;
  return Math.ceil(converted) * 100 - 10;
}

/** Converts a presentment amount (minor units) to the shop currency (cents). */
export function toShopMinor(minor: number, currency: CurrencyCode): number {
  const units = minor / 10 ** minorDigits(currency);
  return Math.round((units / ratesFromUsd[currency]) * 100);
}

/** Rounds a computed amount (tax, a share of a refund) to the currency's minor unit. */
export function roundMinor(value: number): number {
  return Math.round(value);
}

/** Shopify's `Money` and `Decimal` strings ("12.5", "12.50") in minor units; null when it is not an amount. */
export function parseMoney(amount: string, currency: CurrencyCode): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(amount.trim())) return null;
  return Math.round(Number(amount) * 10 ** minorDigits(currency));
}

export type MoneyV2 = { amount: string; currencyCode: CurrencyCode };
export type MoneyBag = { shopMoney: MoneyV2; presentmentMoney: MoneyV2 };

export function moneyV2(minor: number, currency: CurrencyCode): MoneyV2 {
  return { amount: formatAmount(minor, currency), currencyCode: currency };
}

/** A MoneyBag for an amount in the order's presentment currency. */
export function moneyBag(presentmentMinor: number, presentment: CurrencyCode): MoneyBag {
  return {
    shopMoney: moneyV2(toShopMinor(presentmentMinor, presentment), shopCurrency),
    presentmentMoney: moneyV2(presentmentMinor, presentment),
  };
}
