import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { channels } from '../../shared/channels';
import { firstPaintQuery, type FirstPaintView } from '../../shared/first-paint';
import type { CardLookup, CardResponse } from '../../shared/wire';
import type { Logger } from '../setup/log';

/** Renders the card's `<main>` for an answer as a frame of `view` shows it first (`src/card/first-paint/render.tsx`). */
export type RenderFirstPaint = (card: CardResponse, lookup: CardLookup, view: FirstPaintView) => string | null;

function validTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function validLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** The frame a card-open request's query describes (`firstPaintQuery`). */
export const firstPaintViewSchema = z.object({
  width: z.coerce.number().check(z.int(), z.minimum(120), z.maximum(4000)),
  theme: z.enum(['light', 'dark']),
  timeZone: z.string().check(z.maxLength(64), z.refine(validTimeZone)),
  locale: z.string().check(z.maxLength(64), z.refine(validLocale)),
  channel: z.optional(z.enum(channels)),
});

/** The first-paint module of the build in `distDir` (`vite build` writes it to `dist/server/`). */
export const builtFirstPaintModule = (distDir: string) => join(distDir, 'server', 'first-paint.js');

type FirstPaintModule = { renderFirstPaint: RenderFirstPaint; firstPaintReady: () => Promise<unknown> };

/** Where the BFF gets its renderer: `current` is null until it is in (and for good when there is none). */
export type FirstPaintSource = { current(): RenderFirstPaint | null; ready: Promise<boolean> };

/** A renderer that is in from the start (tests give one). */
export const firstPaintFrom = (render: RenderFirstPaint): FirstPaintSource => ({ current: () => render, ready: Promise.resolve(true) });

/**
 * The build's renderer, loaded (and warmed) in the background as the BFF starts: until it is in, or when
 * the build has none, card opens carry no first paint and the card paints itself, as it always can.
 */
export function loadBuiltFirstPaint(distDir: string, logger: Logger): FirstPaintSource {
  let renderer: RenderFirstPaint | null = null;
  const file = builtFirstPaintModule(distDir);
  if (!existsSync(file)) {
    logger.warn('the build has no first-paint module: cards paint in the browser only', { file });
    return { current: () => null, ready: Promise.resolve(false) };
  }
  const ready = (async () => {
    const loaded = (await import(pathToFileURL(file).href)) as FirstPaintModule;
    await loaded.firstPaintReady();
    renderer = loaded.renderFirstPaint;
    return true;
  })().catch((error: unknown) => {
    logger.error('the first-paint module failed to load: cards paint in the browser only', { error });
    return false;
  });
  return { current: () => renderer, ready };
}

/**
 * The first paint of `card` for the frame `query` describes, or null when the request asks for none
 * (or for a frame it cannot describe), the renderer is not in yet, a view of the answer is not ready, or
 * rendering failed: then the card paints itself. A card answer kept in the cache is painted once per frame.
 */
export function firstPaints(source: FirstPaintSource, logger: Logger) {
  const painted = new WeakMap<CardResponse, Map<string, string>>();
  return (card: CardResponse, lookup: CardLookup, query: Record<string, string>): string | null => {
    if (query['width'] === undefined) return null;
    const render = source.current();
    // A conversation without a channel sends an empty one.
    const { channel, ...frame } = query;
    const view = firstPaintViewSchema.safeParse(channel ? { ...frame, channel } : frame);
    if (!render || !view.success) return null;
    const key = firstPaintQuery(view.data);
    const paints = painted.get(card) ?? new Map<string, string>();
    const kept = paints.get(key);
    if (kept !== undefined) return kept;
    let html: string | null;
    try {
      html = render(card, lookup, view.data);
    } catch (error) {
      logger.error('rendering a first paint failed: the card paints itself', { error, state: card.state });
      return null;
    }
    if (html === null) return null;
    paints.set(key, html);
    painted.set(card, paints);
    return html;
  };
}

export type FirstPaints = ReturnType<typeof firstPaints>;
