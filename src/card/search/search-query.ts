import { compactName, compactOrderNumber, EMAIL_ADDRESS, looksLikePhone, ORDER_NUMBER, PERSON_NAME } from '../../shared/identifiers';
import type { CardLookup } from '../../shared/wire';
import type { SearchKind } from '../strings';

/**
 * What the agent typed, as a card lookup, or null when it cannot be one of `kind` (the BFF refuses the
 * same). Order numbers are taken as a caller reads them out ("1042", "# 1042"); the BFF normalises
 * phones to E.164.
 */
export function searchLookup(kind: SearchKind, typed: string): CardLookup | null {
  const value = typed.trim();
  switch (kind) {
    case 'orderNumber': {
      const compact = compactOrderNumber(value);
      // An order's name carries its number: a word without a digit is a name, searched as one.
      return ORDER_NUMBER.test(compact) && /\d/.test(compact) ? { orderNumber: compact } : null;
    }
    case 'name': {
      const name = compactName(value);
      return name.length <= 100 && PERSON_NAME.test(name) ? { name } : null;
    }
    case 'email':
      return value.length <= 320 && EMAIL_ADDRESS.test(value) ? { email: value } : null;
    case 'phone':
      return looksLikePhone(value) ? { phone: value } : null;
  }
}

/** The kind a value most likely is, for a first guess the agent can change. */
export function guessSearchKind(typed: string): SearchKind | null {
  const value = typed.trim();
  if (value.includes('@')) return 'email';
  if (value.startsWith('#')) return 'orderNumber';
  if (value.startsWith('+') || value.replace(/\D/g, '').length >= 9) return 'phone';
  if (PERSON_NAME.test(compactName(value))) return 'name';
  return null;
}
