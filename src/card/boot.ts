/**
 * The card's boot script, inlined into `card.html` and run as the page is parsed, before the card's
 * bundle has loaded: for a host that puts the conversation in the URL, it takes the token from the
 * fragment (clearing it from the address bar, as the card did) and starts the card-open request at
 * once, asking for the card's first paint, which it shows as the answer lands. The card adopts that
 * request (`takeEarlyCardResponse`) instead of sending its own.
 *
 * The card's own code runs after that first paint: evaluated earlier, it would hold the page's one
 * thread while the answer waits to be shown.
 */
import { leaveForCard, openCardEarly, type BootHandoff } from '../api/early-card';
import { conversationInUrl, parseUrlContext } from '../bridge/adapters/url';
import { takeFragmentToken } from '../bridge/fragment-token';
import { lookupFor } from './context';
import { frameView, showFirstPaint } from './first-paint/show';

/** The longest the card's code waits for the first paint: past it, the card runs and shows its loading state. */
export const FIRST_PAINT_WAIT_MS = 300;

/**
 * Runs the card's code, once: the entry script the build left as a module preload (`data-card-entry`, ahead
 * of this script), fetched from the first byte; the preload goes once the script takes its place. Nothing
 * on a page without one (the development server's).
 */
export function startCardCode(doc: Document): void {
  const entry = doc.querySelector<HTMLLinkElement>('link[data-card-entry]');
  if (!entry) return;
  entry.remove();
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = entry.href;
  doc.head.append(script);
}

export function bootCard(win: Window): void {
  const doc = win.document;
  // The token is handed over before anything else can fail: the address bar no longer has it.
  const handoff: BootHandoff = { token: takeFragmentToken(win), request: null };
  leaveForCard(win, handoff);
  const url = parseUrlContext(win.location.href);
  const lookup = handoff.token && conversationInUrl(url, win.parent !== win) ? lookupFor(url) : null;
  if (!handoff.token || !lookup) return startCardCode(doc);
  // The answer brings the card's first paint for this frame, shown as it lands, in the frame's colours.
  const view = frameView(win, url);
  handoff.request = openCardEarly(lookup, handoff.token, win.location.href, String(new URLSearchParams(view)));
  const root = doc.documentElement;
  root.classList.add(view.theme);
  root.style.colorScheme = view.theme;
  // Once the first paint is on screen (the frame after it was put in), or the answer failed, or it is late.
  const afterPaint = () => win.requestAnimationFrame(() => win.setTimeout(startCardCode, 0, doc));
  handoff.request.response.then((answer) => showFirstPaint(answer, doc)).then(afterPaint, afterPaint);
  win.setTimeout(startCardCode, FIRST_PAINT_WAIT_MS, doc);
}
