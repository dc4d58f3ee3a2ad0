import type { CardLookup } from '../../shared/wire';
import type { SearchKind } from '../strings';

const ORDER_NUMBER = /^#?[\p{L}\p{N}_-]{1,30}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;

/**
 * What the agent typed, as a card lookup, or null when it cannot be one of `kind`. Order numbers are
 * taken as a caller reads them out ("1042", "# 1042"); the BFF normalises phones to E.164.
 */
export function searchLookup(kind: SearchKind, typed: string): CardLookup | null {
  const value = typed.trim();
  switch (kind) {
    case 'orderNumber': {
      const compact = value.replace(/\s+/g, '');
      return ORDER_NUMBER.test(compact) ? { orderNumber: compact } : null;
    }
    case 'email':
      return value.length <= 320 && EMAIL.test(value) ? { email: value } : null;
    case 'phone': {
      const digits = value.replace(/\D/g, '');
      return PHONE_CHARACTERS.test(value) && digits.length >= 6 && digits.length <= 15 ? { phone: value } : null;
    }
  }
}

/** The kind a value most likely is, for a first guess the agent can change. */
export function guessSearchKind(typed: string): SearchKind | null {
  const value = typed.trim();
  if (value.includes('@')) return 'email';
  if (value.startsWith('#')) return 'orderNumber';
  if (value.startsWith('+') || value.replace(/\D/g, '').length >= 9) return 'phone';
  return null;
}
