/**
 * The card's first paint in the page, with no React: the boot script asks for it with the card-open
 * request and shows it as the answer lands; the card lets it go once it shows its own view.
 */
import type { FirstPaintView } from '../../shared/first-paint';
import { DARK_QUERY } from '../../ui/color-scheme';
import { agentLocale, type ConversationContext } from '../context';

/** The element of `card.html` that holds the first paint; while it has any, the card's own root is hidden. */
export const FIRST_PAINT_ID = 'first-paint';

type WithTemporal = { Temporal?: { Now: { timeZoneId(): string } } };

/**
 * The agent's time zone. Temporal tells it in about a millisecond; Intl, in a page of a new browser
 * process, takes some 50 ms to load the locale's date formats first (the card needs them only later).
 */
export function frameTimeZone(win: Window): string {
  return (win as unknown as WithTemporal).Temporal?.Now.timeZoneId() ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The agent's frame as the server should paint the card for it (the card-open request's query, read by
 * the BFF as a `FirstPaintView`): the card's own media queries and formats will agree.
 */
export function frameView(win: Window, context: ConversationContext): Record<keyof FirstPaintView, string> {
  return {
    width: String(win.innerWidth),
    theme: context.theme ?? (win.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'),
    timeZone: frameTimeZone(win),
    locale: agentLocale(context),
    channel: context.channel ?? '',
  };
}

/**
 * Shows the first paint the card-open answer carries, as soon as it lands, unless the card already shows
 * its own view. Reads a copy: the card reads the answer itself (and drops the paint from it). A refusal
 * (a problem document) carries none; an answer that is not JSON rejects.
 */
export async function showFirstPaint(answer: Response, doc: Document): Promise<void> {
  const body = (await answer.clone().json()) as { firstPaint?: unknown } | null;
  const slot = doc.getElementById(FIRST_PAINT_ID);
  if (slot && typeof body?.firstPaint === 'string') slot.innerHTML = body.firstPaint;
}

/** The card shows its own view: the first paint goes for good (one that lands later is not shown). */
export function releaseFirstPaint(doc: Document): void {
  doc.getElementById(FIRST_PAINT_ID)?.remove();
}
