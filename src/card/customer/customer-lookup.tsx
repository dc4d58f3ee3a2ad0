import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useLayoutEffect, useState, type ComponentProps, type ReactNode } from 'react';
import { cardQueryOptions, isStillRefreshing } from '../../api/card';
import { isApiError, type ApiErrorCode } from '../../api/http';
import { restartCustomerOrders } from '../../api/orders';
import type { CardLookup, CardResponse, CustomerCandidate } from '../../shared/wire';
import { useCardEnv } from '../card-env';
import { ErrorState, errorViewFor } from '../states/error-state';
import { formatNumber } from '../fields/format-values';
import { useAnnounce } from '../live-region';
import { LoadingCard } from '../states/loading-card';
import { preloaded, usePreloaded } from '../../ui/preloaded';
import { useReleaseFirstPaint } from '../first-paint/release';
import type { MatchedCustomer } from './matched-customer';
import { LookupToolbar, type ToolbarBack } from '../search/lookup-toolbar';
import { ConfigurationPending, MultipleCustomers, NoCustomerFound } from '../states/other-states';
import { orderTotal } from '../orders/order-total';
import { strings } from '../strings';

// The found customer's view is not part of the first paint: its code loads from the start, while the card is fetched.
const matchedView = preloaded(() => import('./matched-customer'));
void matchedView.load().catch(() => {});

/** Resolves once the found customer's view is in: a render after it never shows the loading card for it. */
export const matchedViewLoaded = (): Promise<unknown> => matchedView.load();

/** How the agent got from the conversation's own lookup to the one on screen. */
type Step = { lookup: CardLookup; via: 'pick' | 'search' };

type CustomerLookupProps = {
  /** The conversation's own lookup; null when the host gave nothing to look up by. */
  lookup: CardLookup | null;
  /** What to show when there is nothing to look up: it receives the search the agent can run instead. */
  nothingToLookUp: (onSearch: (lookup: CardLookup) => void) => ReactNode;
};

/** Finds the customer, and keeps the agent's way through picks and searches, with a way back. */
export function CustomerLookup({ lookup, nothingToLookUp }: CustomerLookupProps) {
  const [trail, setTrail] = useState<Step[]>([]);
  const [searchOpen, setSearchOpen] = useState(false);
  // Once the agent has acted (retry, pick, search, back), each new view takes focus so the keyboard is not lost.
  const [acted, setActed] = useState(false);

  const act = (change: () => void) => {
    setActed(true);
    change();
  };
  const search = (found: CardLookup) =>
    act(() => {
      setTrail([{ lookup: found, via: 'search' }]);
      setSearchOpen(false);
    });
  const pick = (candidate: CustomerCandidate) =>
    act(() => setTrail((steps) => [...steps, { lookup: { customerId: candidate.id }, via: 'pick' }]));

  const step = trail.at(-1);
  const back: ToolbarBack | undefined = step && {
    label: step.via === 'pick' ? strings.multiple.back : strings.search.clear,
    onBack: () => act(() => setTrail((steps) => steps.slice(0, -1))),
  };
  const active = step?.lookup ?? lookup;

  if (active === null) return <Suspense fallback={<LoadingCard />}>{nothingToLookUp(search)}</Suspense>;
  return (
    <LookupResult
      key={JSON.stringify(active)}
      lookup={active}
      focusOnMount={acted}
      onAct={act}
      onPick={pick}
      onSearch={search}
      toolbar={(options) => (
        <LookupToolbar
          back={back}
          search={options.search ? { open: searchOpen, onOpenChange: setSearchOpen, onSearch: search } : undefined}
          end={options.end}
        />
      )}
    />
  );
}

type LookupResultProps = {
  lookup: CardLookup;
  focusOnMount: boolean;
  onAct: (change: () => void) => void;
  onPick: (candidate: CustomerCandidate) => void;
  onSearch: (lookup: CardLookup) => void;
  toolbar: (options: { search: boolean; end?: ReactNode }) => ReactNode;
};

function LookupResult({ lookup, focusOnMount, onAct, onPick, onSearch, toolbar }: LookupResultProps) {
  const { locale } = useCardEnv();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const query = useQuery(cardQueryOptions(lookup));
  const loading = query.isPending || (query.isError && query.isFetching && !query.data);
  const errorCode: ApiErrorCode | null = query.isError ? (isApiError(query.error) ? query.error.code : 'INTERNAL') : null;
  // Asking again for the fresh card while the last good one shows is one refresh to the agent, not many.
  const refreshing = (query.isFetching && !loading) || (!query.isError && isStillRefreshing(query.data));

  const message = loading
    ? strings.loadingOrders
    : refreshing
      ? strings.refreshing
      : errorCode
        ? strings.errors[errorViewFor(errorCode)].title
        : summary(query.data, locale);
  // In the same commit as the view it describes, so the live region never lags behind the screen.
  useLayoutEffect(() => announce(message), [announce, message]);
  // The found customer lets the first paint go once its own view is in (`Matched`); any other answer, now.
  useReleaseFirstPaint(!loading && query.data?.state !== 'matched');

  if (loading) return <LoadingCard />;
  const card = query.data;
  if (!card) {
    return (
      <>
        {toolbar({ search: false })}
        <ErrorState code={errorCode ?? 'INTERNAL'} onRetry={() => onAct(() => void query.refetch())} focusOnMount={focusOnMount} />
      </>
    );
  }
  return (
    <Suspense fallback={<LoadingCard />}>
      <CardView
        card={card}
        locale={locale}
        focusOnMount={focusOnMount}
        refreshing={refreshing}
        onRefresh={() => {
          if (query.isFetching) return;
          void query.refetch().then((result) => {
            if (result.data?.state === 'matched') restartCustomerOrders(queryClient, result.data);
          });
        }}
        onPick={onPick}
        onSearch={onSearch}
        toolbar={toolbar}
      />
    </Suspense>
  );
}

type CardViewProps = Pick<LookupResultProps, 'focusOnMount' | 'onPick' | 'onSearch' | 'toolbar'> & {
  card: CardResponse;
  locale: string;
  refreshing: boolean;
  onRefresh: () => void;
};

function CardView({ card, locale, focusOnMount, refreshing, onRefresh, onPick, onSearch, toolbar }: CardViewProps) {
  switch (card.state) {
    case 'configuration_pending':
      return <ConfigurationPending missing={card.missing} role={card.viewer.role} focusOnMount={focusOnMount} />;
    case 'not_found':
      return (
        <>
          {toolbar({ search: false })}
          <NoCustomerFound tried={card.tried} onSearch={onSearch} focusOnMount={focusOnMount} />
        </>
      );
    case 'multiple':
      return (
        <>
          {toolbar({ search: true })}
          <MultipleCustomers
            tried={card.tried}
            candidates={card.candidates}
            {...(card.more ? { more: true } : {})}
            locale={locale}
            onPick={onPick}
            focusOnMount={focusOnMount}
          />
        </>
      );
    case 'matched':
      return (
        <Matched
          card={card}
          focusOnMount={focusOnMount}
          refreshing={refreshing}
          onRefresh={onRefresh}
          toolbar={(end) => toolbar({ search: true, end })}
        />
      );
  }
}

/** The found customer, once the view's code is in (it has usually arrived with the answer). */
function Matched(props: ComponentProps<typeof MatchedCustomer>) {
  const view = usePreloaded(matchedView);
  useReleaseFirstPaint(view !== undefined);
  return view ? <view.MatchedCustomer {...props} /> : <LoadingCard />;
}

function summary(card: CardResponse | undefined, locale: string): string {
  switch (card?.state) {
    case undefined:
      return '';
    case 'configuration_pending':
      return strings.configurationPending.title;
    case 'not_found':
      return strings.notFound.title;
    case 'multiple':
      return strings.multiple.title;
    case 'matched': {
      const count = orderTotal(card);
      return strings.matched.summary(card.customer.displayName, strings.matched.orderCount(count, formatNumber(count, locale)));
    }
  }
}
