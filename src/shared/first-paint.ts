import type { Channel } from './channels';

/**
 * What the server needs to paint the card's first view as the agent's frame will show it: the frame's
 * width (one column or two), its colour scheme, and the agent's time zone, locale and channel. The boot
 * script sends it as the card-open request's query; it carries nothing about the shopper.
 */
export type FirstPaintView = {
  width: number;
  theme: 'light' | 'dark';
  timeZone: string;
  locale: string;
  channel?: Channel;
};

/** The query of a card-open request that asks for its first paint. */
export function firstPaintQuery(view: FirstPaintView): string {
  const query = new URLSearchParams({ width: String(view.width), theme: view.theme, timeZone: view.timeZone, locale: view.locale });
  if (view.channel) query.set('channel', view.channel);
  return query.toString();
}
