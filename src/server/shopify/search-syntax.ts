import { compactName, compactOrderNumber, ORDER_NUMBER, PERSON_NAME } from '../../shared/identifiers';
import { AppError } from '../http/problem';

/**
 * What a search value may hold: letters (with their accents), digits and the few marks of an E.164 phone,
 * an email, an order's name or a person's (`O’Brien`). No wildcard (`*`), operator (`:`, `-` in front, `OR`, brackets) or quote can be
 * among them, and the value is quoted on top, so a search finds the value as written or nothing.
 */
const SEARCHABLE = /^[\p{L}\p{N}+#@._%'’][\p{L}\p{M}\p{N}+#@._%'’-]*$/u;

/**
 * Builds a Shopify search-syntax term for a value the BFF has already validated. A value that is not
 * plainly searchable is refused here as well, so that no caller can pass search syntax by mistake.
 */
export function searchTerm(field: 'name', value: string): string {
  return `${field}:${quoted(value)}`;
}

/** A quoted free-text term: Shopify's default fields, matched literally. */
export function freeTextTerm(value: string): string {
  return quoted(value);
}

function quoted(value: string): string {
  if (!SEARCHABLE.test(value)) throw new AppError('BAD_REQUEST', 'The search holds characters Shopify would read as search syntax.');
  return `"${value}"`;
}

/**
 * The order-name search for what an agent types or a caller reads out: `#1042`, `1042`, `LL-1042`.
 * Null for anything else; the `OR` is ours, between quoted names, never the caller's.
 */
export function orderNameQuery(raw: string): string | null {
  const value = compactOrderNumber(raw);
  if (!ORDER_NUMBER.test(value)) return null;
  const names = new Set([value, /^\d+$/.test(value) ? `#${value}` : value]);
  return [...names].map((name) => searchTerm('name', name)).join(' OR ');
}

/**
 * The customer search for a name an agent typed: each word quoted, so `Margaret O'Brien` finds the
 * customers whose default search fields (first and last name among them) hold both words. Null for
 * anything that is not a name.
 */
export function customerNameQuery(raw: string): string | null {
  const value = compactName(raw);
  if (!PERSON_NAME.test(value)) return null;
  return value
    .split(' ')
    .map((word) => freeTextTerm(word))
    .join(' ');
}
