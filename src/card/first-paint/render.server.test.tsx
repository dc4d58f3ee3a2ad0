/**
 * The first paint as the BFF renders it, in Node (the `node` project): the card's own components, from the
 * answer and the agent's frame, without a window.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { amelie, matchedCard } from '../../../mocks/api/fixtures';
import type { FirstPaintView } from '../../shared/first-paint';
import type { CardResponse, MatchedCard } from '../../shared/wire';
import { formatDate } from '../fields/format-values';
import { firstPaintReady, renderFirstPaint } from './render';

const narrow: FirstPaintView = { width: 360, theme: 'light', timeZone: 'UTC', locale: 'en-GB', channel: 'WHATSAPP' };
const lookup = { phone: amelie.phone };

function paint(card: CardResponse = matchedCard(), view: Partial<FirstPaintView> = {}): string {
  const html = renderFirstPaint(card, lookup, { ...narrow, ...view });
  if (html === null) throw new Error('The paint was unfinished');
  return html;
}

const rows = (html: string) => [...html.matchAll(/<article aria-label="([^"]+)"/g)].map((match) => match[1]);

/** Amélie's newest order, placed late in the evening in London: already the next day in Tokyo. */
function lateOrder(): MatchedCard {
  const card = matchedCard();
  const [newest] = card.orders.nodes;
  if (!newest) throw new Error('Amélie has no orders');
  newest.createdAt = '2026-03-01T23:30:00Z';
  return card;
}

describe('the first paint, rendered on the server', () => {
  beforeAll(async () => {
    await firstPaintReady();
  }, 30_000);

  it('paints the found customer as the card shows her: her name, and each of her newest orders', () => {
    const html = paint();
    expect(html).toMatch(/^<style data-emotion="css-global/);
    expect(html).toMatch(/<h1[^>]*>Amélie Dubois<\/h1>/);
    expect(rows(html).sort()).toEqual(
      matchedCard()
        .orders.nodes.map((order) => order.name)
        .sort(),
    );
    expect(html).toContain('<main');
    expect(html).not.toContain('<!--$!-->');
  });

  it("lays the card out for the frame's width: the details behind a toggle when narrow, beside the list from 720 px", () => {
    const toggle = /<button type="button" aria-expanded="false"[^>]*>.*?Customer details<\/button>/;
    expect(paint(matchedCard(), { width: 360 })).toMatch(toggle);
    const wide = paint(matchedCard(), { width: 1000 });
    expect(wide).not.toMatch(toggle);
    expect(wide).toMatch(/<section[^>]*aria-labelledby="[^"]+"><h2[^>]*>Customer details<\/h2>/);
  });

  it("writes dates in the agent's time zone, and numbers in the agent's locale", () => {
    expect(paint(lateOrder(), { timeZone: 'UTC' })).toContain('1 Mar 2026');
    expect(paint(lateOrder(), { timeZone: 'Asia/Tokyo' })).toContain('2 Mar 2026');
    // The zone was the render's alone.
    expect(formatDate('2026-03-01T23:30:00Z', 'en-GB')).toBe(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date('2026-03-01T23:30:00Z')),
    );
    expect(paint(matchedCard(), { locale: 'de-DE' })).toContain('89,90\u00a0€');
  });

  it('paints each other kind of answer whole, its lazily loaded view included', () => {
    const tried = [{ kind: 'phone' as const, value: amelie.phone }];
    const notFound = paint({ state: 'not_found', tried });
    expect(notFound).toContain('No customer found');
    expect(notFound).not.toContain('<!--$!-->');
    expect(paint({ state: 'configuration_pending', missing: ['credential'], viewer: { role: 'agent' } })).not.toContain('<!--$!-->');
  });
});
