import type { Money } from '../../shared/fields';
import { uiLanguage } from '../strings';

export type FormatOptions = {
  /** The agent's locale, for numbers, money and dates. */
  locale: string;
  /** `compact` on an order card in the list, `full` where there is room for everything. */
  density: 'compact' | 'full';
  /** The time dates are measured from ("3 days ago"); without it, dates are shown alone. */
  now?: number | undefined;
};

/**
 * Intl's formatters are costly to make (each loads locale data) and a card shows dozens of values: one
 * formatter per locale and options, made on first use and kept.
 */
function made<Args extends unknown[], Formatter>(make: (...args: Args) => Formatter): (...args: Args) => Formatter {
  const formatters = new Map<string, Formatter>();
  return (...args) => {
    const key = JSON.stringify(args);
    let formatter = formatters.get(key);
    if (formatter === undefined) {
      formatter = make(...args);
      formatters.set(key, formatter);
    }
    return formatter;
  };
}

const numberFormat = made((locale: string, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));
const dateFormat = made((locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options));
const relativeFormat = made((language: string) => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** Money in its own currency, never converted; an unknown currency code still shows its amount. */
export function formatMoney({ amount, currencyCode }: Money, locale: string): string {
  if (amount.trim() === '' || !Number.isFinite(Number(amount))) return `${amount} ${currencyCode}`;
  try {
    // The decimal string keeps every digit Shopify sent; a float could round a large amount.
    return numberFormat(locale, { style: 'currency', currency: currencyCode }).format(amount as `${number}`);
  } catch {
    return `${amount} ${currencyCode}`;
  }
}

/** The agent's time zone when it is not this runtime's own: set only while the server renders a first paint. */
let agentTimeZone: string | undefined;

/**
 * Runs `render` with dates shown in `timeZone`, the agent's, instead of this runtime's. The server's first
 * paint renders synchronously for one agent at a time, so the zone cannot leak into another's render.
 */
export function inTimeZone<T>(timeZone: string, render: () => T): T {
  const outer = agentTimeZone;
  agentTimeZone = timeZone;
  try {
    return render();
  } finally {
    agentTimeZone = outer;
  }
}

/** A date in the agent's locale, or null when the value is not a date. */
export function formatDate(iso: string, locale: string, withTime = false): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const style: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  return dateFormat(locale, agentTimeZone ? { ...style, timeZone: agentTimeZone } : style).format(date);
}

const relativeSteps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "3 days ago", "yesterday", "in 2 hours": how far `time` is from `now`, in the strings' language. */
export function formatRelative(time: number, now: number): string {
  let value = (time - now) / 1000;
  let unit: Intl.RelativeTimeFormatUnit = 'second';
  for (const [step, size] of relativeSteps) {
    unit = step;
    if (Math.abs(value) < size) break;
    value /= size;
  }
  return relativeFormat(uiLanguage).format(Math.round(value), unit);
}

/** How old data is, e.g. "5 minutes ago". */
export function formatAge(ageSeconds: number, now: number = Date.now()): string {
  return formatRelative(now - Math.max(0, ageSeconds) * 1000, now);
}

/** The URL when it is a well-formed `https:` address; anything else (`javascript:`, `http:`, junk) gets no link. */
export function safeHttpsUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
