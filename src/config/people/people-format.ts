import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { AttributeType, Person } from '../../shared/people';
import { when } from '../strings';
import { peopleStrings } from './people-strings';

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "in 3 minutes", "2 hours ago": how far `iso` is from `now`. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  let value = (Date.parse(iso) - now) / 1000;
  let unit: Intl.RelativeTimeFormatUnit = 'second';
  for (const [step, size] of steps) {
    unit = step;
    if (Math.abs(value) < size) break;
    value /= size;
  }
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(Math.round(value), unit);
}

/** An E.164 number as people write it internationally (`+33 6 12 34 56 78`); as stored when it does not parse. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** A country's name from its ISO code (`FR` → France); the code itself when the browser does not know it. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Money in its own currency, never converted. */
export function formatMoney(money: { amount: string; currencyCode: string }): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currencyCode }).format(money.amount as `${number}`);
  } catch {
    return `${money.amount} ${money.currencyCode}`;
  }
}

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A custom attribute's value as an admin reads it, by its type. */
export function formatAttribute(value: string | number | boolean, type: AttributeType): string {
  const t = peopleStrings.person;
  if (type === 'boolean') return value === true || value === 'true' ? t.yes : t.no;
  if (type === 'datetime' && typeof value === 'string') return when(value);
  if (type === 'date' && typeof value === 'string') {
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
  }
  if ((type === 'decimal' || type === 'integer') && value !== '' && Number.isFinite(Number(value))) {
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: 20 }).format(Number(value));
  }
  return String(value);
}

/** A person's name as the list and their page show it; their first email or phone when Shopify has no name. */
export function personName(person: Pick<Person, 'firstName' | 'lastName' | 'emails' | 'phones'>): string {
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return name || person.emails[0] || (person.phones[0] ? formatPhone(person.phones[0]) : peopleStrings.people.unnamed);
}
