/**
 * The card's boot script, inlined into `card.html` and run as the page is parsed, before the card's
 * bundle has loaded: for a host that puts the conversation in the URL, it takes the token from the
 * fragment (clearing it from the address bar, as the card did) and starts the card-open request at
 * once. The card adopts that request (`takeEarlyCardResponse`) instead of sending its own.
 */
import { leaveForCard, openCardEarly, type BootHandoff } from '../api/early-card';
import { conversationInUrl, parseUrlContext } from '../bridge/adapters/url';
import { takeFragmentToken } from '../bridge/fragment-token';
import { lookupFor } from './context';

export function bootCard(win: Window): void {
  // The token is handed over before anything else can fail: the address bar no longer has it.
  const handoff: BootHandoff = { token: takeFragmentToken(win), request: null };
  leaveForCard(win, handoff);
  const url = parseUrlContext(win.location.href);
  const lookup = handoff.token && conversationInUrl(url, win.parent !== win) ? lookupFor(url) : null;
  if (handoff.token && lookup) handoff.request = openCardEarly(lookup, handoff.token, win.location.href);
}
