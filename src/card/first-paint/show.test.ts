import { matchedCard } from '../../../mocks/api/fixtures';
import { stubMediaQuery } from '../../test/render';
import { FIRST_PAINT_ID, frameTimeZone, frameView, releaseFirstPaint, showFirstPaint } from './show';

const painted = '<main><h1>Amélie Dubois</h1></main>';

function slot(): HTMLElement {
  const element = document.createElement('div');
  element.id = FIRST_PAINT_ID;
  document.body.append(element);
  return element;
}

const answer = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) } });

describe('the first paint in the page', () => {
  afterEach(() => {
    document.getElementById(FIRST_PAINT_ID)?.remove();
    vi.unstubAllGlobals();
  });

  it('shows the paint the answer brings, and leaves the answer whole for the card to read', async () => {
    const element = slot();
    const given = answer(JSON.stringify({ firstPaint: painted, ...matchedCard() }));
    await showFirstPaint(given, document);
    expect(element.innerHTML).toBe(painted);
    expect(((await given.json()) as { state: string }).state).toBe('matched');
  });

  it('shows nothing once the card has let it go', async () => {
    slot();
    releaseFirstPaint(document);
    await showFirstPaint(answer(JSON.stringify({ firstPaint: painted, ...matchedCard() })), document);
    expect(document.getElementById(FIRST_PAINT_ID)).toBeNull();
  });

  it.each([
    ['a refusal', answer(JSON.stringify({ code: 'UNAUTHENTICATED' }), 401)],
    ['an answer without a paint', answer(JSON.stringify({ state: 'not_found', tried: [] }))],
    ['a paint that is not text', answer(JSON.stringify({ state: 'not_found', tried: [], firstPaint: { html: painted } }))],
  ])('paints nothing for %s', async (_, given) => {
    const element = slot();
    await showFirstPaint(given, document);
    expect(element.innerHTML).toBe('');
  });

  it('rejects an answer that is not JSON, painting nothing', async () => {
    const element = slot();
    await expect(showFirstPaint(answer('<html>Bad gateway</html>'), document)).rejects.toThrow();
    expect(element.innerHTML).toBe('');
  });

  it("describes the frame as the card's own media queries and formats will see it, as the request's query", () => {
    stubMediaQuery('(prefers-color-scheme: dark)');
    expect(frameView(window, { customer: {}, channel: 'EMAIL', locale: 'fr-FR', theme: 'light' })).toEqual({
      width: String(window.innerWidth),
      theme: 'light',
      timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: 'fr-FR',
      channel: 'EMAIL',
    });
    // Without the host's theme, the system's; without a channel, none.
    expect(frameView(window, { customer: {} })).toMatchObject({ theme: 'dark', channel: '' });
    stubMediaQuery('none');
    expect(frameView(window, { customer: {} }).theme).toBe('light');
  });

  it("asks Temporal for the agent's time zone where the browser has it, and Intl where it has not", () => {
    expect(frameTimeZone(window)).toBe(new Intl.DateTimeFormat().resolvedOptions().timeZone);
    const withTemporal = Object.assign(Object.create(window) as Window, { Temporal: { Now: { timeZoneId: () => 'Pacific/Chatham' } } });
    expect(frameTimeZone(withTemporal)).toBe('Pacific/Chatham');
  });
});
