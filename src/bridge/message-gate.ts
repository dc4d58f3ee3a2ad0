/** Why a message was dropped: the first check it failed. */
export type DropReason = 'not-parent' | 'origin' | 'shape';

export type Screened<T> = { ok: true; message: T; origin: string } | { ok: false; reason: DropReason };

type Incoming = Pick<MessageEvent, 'source' | 'origin' | 'data'>;

export type GateRules<T> = {
  /** The window that frames the card; null when the card is not framed (nothing is then accepted). */
  parent: unknown;
  allowedOrigins: ReadonlySet<string>;
  /** The message as the card understands it, or null. Must not throw. */
  parse: (data: unknown) => T | null;
};

/**
 * Checks a message in this order: it comes from the window that frames the card, from an allowed
 * origin, and parses. Pure.
 */
export function screenMessage<T>(event: Incoming, rules: GateRules<T>): Screened<T> {
  if (rules.parent === null || event.source !== rules.parent) return { ok: false, reason: 'not-parent' };
  if (!rules.allowedOrigins.has(event.origin)) return { ok: false, reason: 'origin' };
  const message = rules.parse(event.data);
  if (message === null) return { ok: false, reason: 'shape' };
  return { ok: true, message, origin: event.origin };
}

export type MessageTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

export type DropCounts = Record<DropReason, number>;

/**
 * Listens for messages that pass `screenMessage`; everything else is dropped, counted and noted in a
 * debug log (its reason and count only: a message may carry personal data). Returns the way to stop.
 */
export function listenToParent<T>(
  target: MessageTarget,
  rules: GateRules<T>,
  onMessage: (message: T, origin: string) => void,
  counts: DropCounts = { 'not-parent': 0, origin: 0, shape: 0 },
): () => void {
  const listener = (event: MessageEvent) => {
    const screened = screenMessage(event, rules);
    if (screened.ok) {
      onMessage(screened.message, screened.origin);
      return;
    }
    counts[screened.reason] += 1;
    console.debug(`[context-card] dropped a message (${screened.reason})`, { ...counts });
  };
  target.addEventListener('message', listener);
  return () => target.removeEventListener('message', listener);
}
