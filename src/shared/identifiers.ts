/**
 * What a shopper can be looked up by, as the BFF accepts it, so that nothing else (a search
 * wildcard, an operator, a quote) can reach Shopify from a conversation or a search box. The card
 * checks the same before it asks; the BFF parses a phone to E.164 on top.
 */

/**
 * An email address: letters, digits and `. _ % + ' -` before the `@`, a domain of dotted labels
 * after it. Letters of any script, since shoppers' addresses are not all ASCII.
 */
export const EMAIL_ADDRESS = /^[\p{L}\p{N}._%+'-]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

/** An order's name as a caller reads it out (`#1042`, `1042`, `LL-1042`), without its spaces. */
export const ORDER_NUMBER = /^#?[\p{L}\p{N}][\p{L}\p{N}_-]{0,29}$/u;

/**
 * A person's name as an agent types it: words of letters (any script) joined by spaces, apostrophes,
 * hyphens or dots (`Margaret O'Brien`, `Jean-Luc`, `山田 花子`). No digit, wildcard, colon, quote or bracket,
 * and no word Shopify's search reads as an operator (`OR`, `AND`, `NOT`).
 */
export const PERSON_NAME = /^(?!(?:.* )?(?:OR|AND|NOT)(?: |$))\p{L}[\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]+){0,5}$/u;

/** `  margaret   o'brien ` as `margaret o'brien`: one space between words. */
export const compactName = (value: string): string => value.trim().replace(/\s+/g, ' ');

const PHONE_CHARACTERS = /^\(?\+?[\d\s().-]+$/;

/** Written like a phone number: digits (6 to 15), a leading plus, and spaces, dots, dashes or brackets between. */
export function looksLikePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE_CHARACTERS.test(value) && digits >= 6 && digits <= 15;
}

/** `# 1042` and `10 42` as `#1042` and `1042`: callers read order numbers out in groups. Words stay apart. */
export const compactOrderNumber = (value: string): string =>
  value
    .trim()
    .replace(/^#\s+/, '#')
    .replace(/(\d)\s+(?=\d)/g, '$1');

export const identifierHelp = {
  email: 'Give an email address, such as name@example.com',
  phone: 'Give a phone number with its country code, such as +44 7700 900123',
  orderNumber: 'Give an order number, such as #1042, 1042 or LL-1042',
  name: "Give a name of letters, such as Margaret O'Brien",
} as const;
