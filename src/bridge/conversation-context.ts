import type { Channel } from '../shared/channels';
import type { ColorMode } from '../ui/color-mode';

/**
 * What the host tells the card about the conversation beside it, whichever adapter it came through.
 * Every part may be missing.
 */
export type ConversationContext = {
  /** Which inbox: `infobip`, `chatwoot`, `postmessage`… */
  host?: string;
  conversationId?: string;
  channel?: Channel;
  customer: { name?: string; email?: string; phone?: string };
  agentId?: string;
  locale?: string;
  theme?: ColorMode;
};

/** A rule for one field of the context: whether a (trimmed, non-empty) value from the host will do. */
export type FieldRule<T extends string = string> = (value: string) => value is T;

const rule =
  (test: (value: string) => boolean): FieldRule =>
  (value): value is string =>
    test(value);

// Control characters have no place in anything the host hands us and would garble the card.
const printable = /^[^\p{Cc}]+$/u;
const text = (max: number) => rule((value) => value.length <= max && printable.test(value));
// The same pattern as zod's email check (its "practical" one), which the BFF's wire also uses.
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** What each field of the context must look like, whoever sends it. */
export const contextFields = {
  host: rule((value) => /^[a-z0-9][a-z0-9._-]{0,39}$/i.test(value)),
  conversationId: text(200),
  agentId: text(200),
  name: text(200),
  email: rule((value) => value.length <= 320 && EMAIL.test(value)),
  // Digits with the usual separators; the BFF normalises to E.164 before matching.
  phone: rule((value) => value.length <= 64 && /^\+?[\d ().-]+$/.test(value) && /(?:\d\D*){5}/.test(value)),
  locale: rule((value) => value.length <= 64 && isLocale(value)),
  theme: (value: string): value is ColorMode => value === 'light' || value === 'dark',
};

/**
 * The parsed value, or undefined when absent or invalid: a bad value is dropped, never thrown.
 * Numbers are read as text (hosts send ids both ways).
 */
export function pickField<T extends string>(accepts: FieldRule<T>, raw: unknown): T | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  return accepts(trimmed) ? trimmed : undefined;
}

/** A locale in its canonical form (`en-gb` → `en-GB`), or undefined. */
export function pickLocale(raw: unknown): string | undefined {
  const locale = pickField(contextFields.locale, raw);
  return locale === undefined ? undefined : Intl.getCanonicalLocales(locale)[0];
}

export function pickTheme(raw: unknown): ColorMode | undefined {
  return pickField(contextFields.theme, typeof raw === 'string' ? raw.toLowerCase() : raw);
}

/** The context without its undefined parts, so that two contexts compare by what they say. */
export function compactContext(context: ConversationContext): ConversationContext {
  const customer = Object.fromEntries(Object.entries(context.customer).filter(([, v]) => v !== undefined));
  const rest = Object.fromEntries(Object.entries(context).filter(([key, v]) => key !== 'customer' && v !== undefined));
  return { ...rest, customer } as ConversationContext;
}

export function sameContext(a: ConversationContext, b: ConversationContext): boolean {
  return JSON.stringify(sorted(compactContext(a))) === JSON.stringify(sorted(compactContext(b)));
}

function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sorted(v)]),
  );
}
