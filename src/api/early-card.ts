import type { CardLookup } from '../shared/wire';

/**
 * The card-open request the boot script in `card.html` starts before the card's bundle has loaded,
 * and how the card takes it over: one request, never two. Imported by the boot script itself, so it
 * stays tiny: no zod, no error classes.
 */

/** The headers and body of a call to the BFF, the same for the boot script and the fetch wrapper. */
export function bffRequestInit(method: string, token: string | null, body: unknown, signal?: AbortSignal | null): RequestInit {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return { method, headers, body: body === undefined ? null : JSON.stringify(body), signal: signal ?? null };
}

/** One string per lookup, so the card adopts the early request only for the very lookup it asked. */
export const lookupSignature = (lookup: CardLookup): string => JSON.stringify(lookup);

export type EarlyCardRequest = { signature: string; response: Promise<Response> };

/** What the boot script hands the card: the token it took from the fragment and the request it started. */
export type BootHandoff = { token: string | null; request: EarlyCardRequest | null };

const HANDOFF = Symbol.for('card.boot');
type Holder = { [HANDOFF]?: BootHandoff };

/**
 * Starts the card-open request for `lookup`, as `fetchCard` would send it; with `query` (`firstPaintQuery`),
 * the answer also carries the card's first paint for the frame it describes.
 */
export function openCardEarly(lookup: CardLookup, token: string, base: string, query = ''): EarlyCardRequest {
  const url = new URL('/api/card', base);
  url.search = query;
  const response = fetch(url, bffRequestInit('POST', token, lookup));
  // Nobody may take it (the card failed to load): an unhandled rejection would only be noise.
  response.catch(() => undefined);
  return { signature: lookupSignature(lookup), response };
}

/** Asks the BFF to fetch and keep the card for `lookup` (a host expects it to be opened); nothing is awaited. */
export function prewarmCard(lookup: CardLookup, token: string, base: string): void {
  fetch(new URL('/api/card/prewarm', base), bffRequestInit('POST', token, lookup)).catch(() => undefined);
}

/** Leaves the handoff where the card's bundle finds it; the card takes it once. */
export function leaveForCard(win: object, handoff: BootHandoff): void {
  (win as Holder)[HANDOFF] = handoff;
}

let early: EarlyCardRequest | null = null;

/** A card-open request started ahead of the card (as the host named the conversation), for it to adopt. */
export function offerEarlyCardRequest(request: EarlyCardRequest | null): void {
  early = request;
}

/**
 * The boot script's handoff, taken once (later calls, and a page without the boot script, get null).
 * The early request waits for `takeEarlyCardResponse`.
 */
export function takeBootHandoff(win: object): BootHandoff | null {
  const holder = win as Holder;
  const handoff = holder[HANDOFF] ?? null;
  delete holder[HANDOFF];
  early = handoff?.request ?? null;
  return handoff;
}

/**
 * The response of the early request when it asked for this very lookup; null otherwise. Either way the
 * early request is spent: the first lookup the card makes is the conversation's own.
 */
export function takeEarlyCardResponse(lookup: CardLookup): Promise<Response> | null {
  const taken = early;
  early = null;
  return taken && taken.signature === lookupSignature(lookup) ? taken.response : null;
}
