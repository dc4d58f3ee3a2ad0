import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstPaintQuery, type FirstPaintView } from '../../shared/first-paint';
import { cardResponseSchema, type CardResponse } from '../../shared/wire';
import type { Logger } from '../setup/log';
import { personas, startHarness, type Harness } from '../test/harness';
import { builtFirstPaintModule, firstPaintFrom, firstPaints, loadBuiltFirstPaint, type RenderFirstPaint } from './first-paint';

const view: FirstPaintView = { width: 360, theme: 'dark', timeZone: 'Europe/Paris', locale: 'fr-FR', channel: 'WHATSAPP' };
const query = (overrides: Record<string, string> = {}) => ({
  ...Object.fromEntries(new URLSearchParams(firstPaintQuery(view))),
  ...overrides,
});

function testLogger(): Logger & { errors: unknown[][]; warnings: unknown[][] } {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  return {
    errors,
    warnings,
    debug: () => {},
    info: () => {},
    warn: (...args: unknown[]) => warnings.push(args),
    error: (...args: unknown[]) => errors.push(args),
    requestLine: () => {},
  } as unknown as Logger & { errors: unknown[][]; warnings: unknown[][] };
}

/** Paints the answer's state and the frame it was given, so a test can tell what was painted for what. */
const described: RenderFirstPaint = (card, _lookup, frame) => `<main>${card.state} ${frame.width} ${frame.timeZone} ${frame.locale}</main>`;

describe('the card-open answer with its first paint', () => {
  let h: Harness;
  const render = vi.fn(described);
  beforeAll(async () => {
    h = await startHarness({ firstPaint: firstPaintFrom(render) });
  });
  afterAll(() => h.close());

  const open = (search: string) => h.post(`/api/card${search}`, { phone: personas.amelie.phone });

  it("carries the paint of the agent's frame beside the very card it would carry without", async () => {
    const painted = (await (await open(`?${firstPaintQuery(view)}`)).json()) as CardResponse & { firstPaint?: string };
    const plain = (await (await open('')).json()) as CardResponse;

    expect(painted.firstPaint).toBe('<main>matched 360 Europe/Paris fr-FR</main>');
    const { firstPaint: _paint, ...card } = painted;
    expect(cardResponseSchema.safeParse(card).success).toBe(true);
    expect({ ...card, fetchedAt: '' }).toEqual({ ...plain, fetchedAt: '' });
    expect('firstPaint' in plain).toBe(false);
  });

  it.each([
    ['a width no frame has', { width: '99999' }],
    ['a width that is not a number', { width: 'wide' }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
    ['a locale that is not one', { locale: 'not a locale!' }],
    ['an unknown channel', { channel: 'FAX' }],
    ['an unknown theme', { theme: 'sepia' }],
  ])('answers a frame with %s with the card alone', async (_, overrides) => {
    render.mockClear();
    const response = await open(`?${new URLSearchParams(query(overrides))}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['state']).toBe('matched');
    expect('firstPaint' in body).toBe(false);
    expect(render).not.toHaveBeenCalled();
  });
});

describe('first paints', () => {
  const card: CardResponse = { state: 'not_found', tried: [{ kind: 'phone', value: '+33612345678' }] };
  const lookup = { phone: '+33612345678' };

  it('paints an answer once per frame: a card served from the cache is not rendered again', () => {
    const render = vi.fn(described);
    const paint = firstPaints(firstPaintFrom(render), testLogger());
    expect(paint(card, lookup, query())).toBe('<main>not_found 360 Europe/Paris fr-FR</main>');
    expect(paint(card, lookup, query())).toBe('<main>not_found 360 Europe/Paris fr-FR</main>');
    expect(render).toHaveBeenCalledTimes(1);
    expect(paint(card, lookup, query({ width: '1000' }))).toBe('<main>not_found 1000 Europe/Paris fr-FR</main>');
    expect(paint({ ...card }, lookup, query())).toBe('<main>not_found 360 Europe/Paris fr-FR</main>');
    expect(render).toHaveBeenCalledTimes(3);
  });

  it('paints a frame whose conversation names no channel', () => {
    const paint = firstPaints(firstPaintFrom(described), testLogger());
    expect(paint(card, lookup, query({ channel: '' }))).toBe('<main>not_found 360 Europe/Paris fr-FR</main>');
  });

  it('asks nothing of the renderer when the request wants no paint', () => {
    const render = vi.fn(described);
    expect(firstPaints(firstPaintFrom(render), testLogger())(card, lookup, {})).toBeNull();
    expect(render).not.toHaveBeenCalled();
  });

  it('leaves the card to paint itself when rendering fails, and says so in the log', () => {
    const logger = testLogger();
    const paint = firstPaints(
      firstPaintFrom(() => {
        throw new Error('no');
      }),
      logger,
    );
    expect(paint(card, lookup, query())).toBeNull();
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]?.[1]).toMatchObject({ state: 'not_found' });
  });

  it('keeps no unfinished paint: the next open renders again', () => {
    const render = vi.fn<RenderFirstPaint>().mockReturnValueOnce(null).mockReturnValue('<main>whole</main>');
    const paint = firstPaints(firstPaintFrom(render), testLogger());
    expect(paint(card, lookup, query())).toBeNull();
    expect(paint(card, lookup, query())).toBe('<main>whole</main>');
  });
});

describe("the build's renderer", () => {
  it('is loaded and made ready in the background, then paints', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'first-paint-'));
    mkdirSync(join(dist, 'server'));
    writeFileSync(
      builtFirstPaintModule(dist),
      'let ready = false;\nexport async function firstPaintReady() { ready = true; }\nexport function renderFirstPaint(card) { return ready ? `<main>${card.state}</main>` : null; }\n',
    );
    const source = loadBuiltFirstPaint(dist, testLogger());
    expect(await source.ready).toBe(true);
    expect(source.current()?.({ state: 'not_found', tried: [] }, { phone: '+1' }, view)).toBe('<main>not_found</main>');
  });

  it('is none when the build has no first-paint module, and the BFF says so once', async () => {
    const logger = testLogger();
    const source = loadBuiltFirstPaint(mkdtempSync(join(tmpdir(), 'no-first-paint-')), logger);
    expect(await source.ready).toBe(false);
    expect(source.current()).toBeNull();
    expect(logger.warnings).toHaveLength(1);
  });
});
