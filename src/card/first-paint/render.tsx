/**
 * The card's first paint, rendered on the server (built into `dist/server/first-paint.js`): the very
 * components the card renders, given the card-open answer and the agent's frame as the boot script
 * reported it. The boot script shows this HTML as the answer lands; the card takes over once it has
 * rendered the same view itself (`releaseFirstPaint`).
 */
import { ChakraProvider } from '@chakra-ui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { cardKeys } from '../../api/card-keys';
import type { FirstPaintView } from '../../shared/first-paint';
import type { CardLookup, CardResponse } from '../../shared/wire';
import { DARK_QUERY } from '../../ui/color-scheme';
import { ReportedMediaContext } from '../../ui/media-query';
import { cardSystem } from '../../ui/system';
import { CardBody, CardShell } from '../card-app';
import { matchedViewLoaded } from '../customer/customer-lookup';
import { inTimeZone } from '../fields/format-values';
import { warmUpAnswers } from './warm-up';

/**
 * Whether a frame of `view` matches `query`: the queries the card asks, `(min-width: Npx)`, `(max-width: Npx)`
 * and `(prefers-color-scheme: dark)`; any other query does not match.
 */
export function matchesFrame(query: string, view: FirstPaintView): boolean {
  const width = /^\((min|max)-width:\s*(\d+)px\)$/.exec(query);
  if (width) return width[1] === 'min' ? view.width >= Number(width[2]) : view.width <= Number(width[2]);
  return query === DARK_QUERY && view.theme === 'dark';
}

/** A boundary whose view was not ready: React left its fallback (a loading card) for the browser to fill. */
const UNFINISHED = '<!--$!-->';

/** The longest the lazy views' chunks may take to come in (a view still out is painted by the card itself). */
const WARM_UP_MS = 10_000;

/**
 * Resolves once every view a first paint may show has its code in and has run: each kind of answer is
 * painted until none of its views is left unfinished (a lazy view's chunk is in from its second paint).
 */
export async function firstPaintReady(): Promise<void> {
  await matchedViewLoaded();
  const view: FirstPaintView = { width: 360, theme: 'light', timeZone: 'UTC', locale: 'en' };
  const giveUpAt = Date.now() + WARM_UP_MS;
  for (const { card, lookup } of warmUpAnswers) {
    while (renderFirstPaint(card, lookup, view) === null && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

const noActions = {};
const nothingMissing = () => null;

/**
 * The card's `<main>` for `card`, the answer to `lookup`, as a frame of `view` shows it first; null when a
 * view of it is not ready (its code is still loading), since a loading card is not the answer.
 */
export function renderFirstPaint(card: CardResponse, lookup: CardLookup, view: FirstPaintView): string | null {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  queryClient.setQueryData(cardKeys.lookup(lookup), card);
  const context = { customer: {}, locale: view.locale, ...(view.channel ? { channel: view.channel } : {}) };
  const html = inTimeZone(view.timeZone, () =>
    renderToString(
      <ReportedMediaContext.Provider value={(query) => matchesFrame(query, view)}>
        <QueryClientProvider client={queryClient}>
          <ChakraProvider value={cardSystem}>
            <CardShell>
              <CardBody context={context} lookup={lookup} actions={noActions} missing={nothingMissing} />
            </CardShell>
          </ChakraProvider>
        </QueryClientProvider>
      </ReportedMediaContext.Provider>,
    ),
  );
  return html.includes(UNFINISHED) ? null : html;
}
