import { fetchCard } from '../api/card';
import { takeBootHandoff } from '../api/early-card';
import { pageSession } from '../api/session';
import { server } from '../../mocks/api/server';
import { http, HttpResponse } from 'msw';
import { matchedCard } from '../../mocks/api/fixtures';
import { stubMediaQuery } from '../test/render';
import { bootCard, FIRST_PAINT_WAIT_MS, startCardCode } from './boot';
import { FIRST_PAINT_ID } from './first-paint/show';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC03In0.c2lnbmF0dXJl';

/** Every request the card sends to the (mock) BFF's card endpoint, with its token and body. */
function cardOpens() {
  const opens: { authorization: string | null; body: unknown }[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname !== '/api/card') return;
    const copy = request.clone();
    const entry = { authorization: copy.headers.get('Authorization'), body: undefined as unknown };
    opens.push(entry);
    void copy.json().then((body: unknown) => (entry.body = body));
  };
  server.events.on('request:start', listener);
  return { opens, stop: () => server.events.removeListener('request:start', listener) };
}

describe('the card boot script', () => {
  beforeEach(() => stubMediaQuery('none'));
  afterEach(() => {
    vi.unstubAllGlobals();
    takeBootHandoff(window);
    window.history.replaceState(null, '', '/');
  });

  it('starts the card-open request from the URL, and the card adopts it instead of sending another', async () => {
    window.history.replaceState(null, '', `/card?channel=WHATSAPP&phone=%2B33612345678&host=infobip#token=${jwt}`);
    const { opens, stop } = cardOpens();

    bootCard(window);
    expect(window.location.href).not.toContain(jwt);
    const handoff = takeBootHandoff(window);
    expect(handoff?.token).toBe(jwt);
    pageSession.update(handoff?.token ?? null);

    const card = await fetchCard({ phone: '+33612345678' });
    expect(card.state).toBe('matched');
    await vi.waitFor(() => expect(opens[0]?.body).toEqual({ phone: '+33612345678' }));
    expect(opens).toHaveLength(1);
    expect(opens[0]?.authorization).toBe(`Bearer ${jwt}`);

    // Adopted once: the next ask is a request of its own.
    await fetchCard({ phone: '+33612345678' });
    expect(opens).toHaveLength(2);
    stop();
  });

  it('is not adopted for another lookup', async () => {
    window.history.replaceState(null, '', `/card?channel=EMAIL&email=amelie.dubois%40example.fr#token=${jwt}`);
    const { opens, stop } = cardOpens();
    bootCard(window);
    pageSession.update(takeBootHandoff(window)?.token ?? null);

    await fetchCard({ phone: '+33612345678' });
    await vi.waitFor(() =>
      expect(opens.map((open) => open.body)).toEqual([{ email: 'amelie.dubois@example.fr' }, { phone: '+33612345678' }]),
    );
    stop();
  });

  it.each([
    ['a postMessage host', '/card?host=postmessage&channel=SMS&phone=%2B33612345678'],
    ['a Chatwoot dashboard app', '/card?host=chatwoot&channel=SMS&phone=%2B33612345678'],
    ['a conversation without an identifier to look up', '/card?channel=WHATSAPP&name=Am%C3%A9lie'],
  ])('hands over the token but asks nothing for %s', async (_, url) => {
    window.history.replaceState(null, '', `${url}#token=${jwt}`);
    const { opens, stop } = cardOpens();
    bootCard(window);
    expect(takeBootHandoff(window)).toEqual({ token: jwt, request: null });
    expect(window.location.href).not.toContain(jwt);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opens).toEqual([]);
    stop();
  });

  describe('with the first paint', () => {
    const painted = '<main><h1>Amélie Dubois</h1></main>';
    const entry = '/assets/card-entry.js';
    const entryScript = () => document.querySelector(`script[type="module"][src$="${entry}"]`);

    beforeEach(() => {
      document.body.innerHTML = `<div id="${FIRST_PAINT_ID}"></div><div id="root"></div>`;
      document.head.insertAdjacentHTML('beforeend', `<link rel="modulepreload" href="${entry}" data-card-entry>`);
    });
    afterEach(() => {
      document.head.querySelectorAll('link[rel="modulepreload"], script').forEach((element) => element.remove());
      document.body.innerHTML = '';
      document.documentElement.className = '';
    });

    it("asks for its frame's paint, shows it as the answer lands, then runs the card's code", async () => {
      const asked: URL[] = [];
      server.use(
        http.post('*/api/card', ({ request }) => {
          asked.push(new URL(request.url));
          return HttpResponse.json({ firstPaint: painted, ...matchedCard() });
        }),
      );
      window.history.replaceState(null, '', `/card?channel=WHATSAPP&phone=%2B33612345678&theme=dark&locale=de-AT#token=${jwt}`);

      bootCard(window);
      // In the frame's colours from the start; the card's code waits for the paint.
      expect(document.documentElement.classList.contains('dark')).toBe(true);
      expect(entryScript()).toBeNull();
      await vi.waitFor(() => expect(document.getElementById(FIRST_PAINT_ID)?.innerHTML).toBe(painted));
      await vi.waitFor(() => expect(entryScript()).not.toBeNull());
      expect(document.querySelector('link[data-card-entry]')).toBeNull();

      expect(Object.fromEntries(asked[0]?.searchParams ?? [])).toEqual({
        width: String(window.innerWidth),
        theme: 'dark',
        timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
        locale: 'de-AT',
        channel: 'WHATSAPP',
      });
      // The card adopts the answer, without the paint.
      pageSession.update(takeBootHandoff(window)?.token ?? null);
      const card = await fetchCard({ phone: '+33612345678' });
      expect(card).toEqual(matchedCard());
      expect(asked).toHaveLength(1);
    });

    it("runs the card's code when the answer fails, and when it is late", async () => {
      server.use(http.post('*/api/card', () => HttpResponse.error()));
      window.history.replaceState(null, '', `/card?channel=WHATSAPP&phone=%2B33612345678#token=${jwt}`);
      bootCard(window);
      await vi.waitFor(() => expect(entryScript()).not.toBeNull());
      expect(document.getElementById(FIRST_PAINT_ID)?.innerHTML).toBe('');
      takeBootHandoff(window);

      vi.useFakeTimers({ toFake: ['setTimeout'] });
      try {
        document.head.insertAdjacentHTML('beforeend', `<link rel="modulepreload" href="/assets/again.js" data-card-entry>`);
        server.use(http.post('*/api/card', () => new Promise<Response>(() => {})));
        window.history.replaceState(null, '', `/card?channel=WHATSAPP&phone=%2B33612345678#token=${jwt}`);
        bootCard(window);
        vi.advanceTimersByTime(FIRST_PAINT_WAIT_MS - 1);
        expect(document.querySelector('script[src$="/assets/again.js"]')).toBeNull();
        vi.advanceTimersByTime(1);
        expect(document.querySelector('script[src$="/assets/again.js"]')).not.toBeNull();
      } finally {
        vi.useRealTimers();
      }
    });

    it("runs the card's code at once, and once, when there is nothing to ask", () => {
      window.history.replaceState(null, '', `/card?host=postmessage#token=${jwt}`);
      bootCard(window);
      expect(entryScript()).not.toBeNull();
      startCardCode(document);
      expect(document.querySelectorAll('script[type="module"]')).toHaveLength(1);
    });
  });

  it('asks nothing without a token, and leaves the card nothing to adopt', () => {
    window.history.replaceState(null, '', '/card?channel=SMS&phone=%2B33612345678');
    bootCard(window);
    expect(takeBootHandoff(window)).toEqual({ token: null, request: null });
    expect(takeBootHandoff(window)).toBeNull();
  });
});
