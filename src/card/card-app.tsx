import { Box, VisuallyHidden } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cardQueryOptions } from '../api/card';
import { isApiError, type ApiErrorCode } from '../api/http';
import type { CardLookup, CardResponse, CustomerCandidate } from '../shared/wire';
import { ConfigurationPending } from './configuration-pending';
import { agentLocale, expectedIdentifier, lookupFor, type ConversationContext } from './context';
import { ErrorState, errorViewFor } from './error-state';
import { formatNumber } from './format-field';
import { LoadingCard } from './loading-card';
import { MatchedCustomer, orderTotal } from './matched-customer';
import { MissingIdentifier } from './missing-identifier';
import { MultipleCustomers } from './multiple-customers';
import { NoCustomerFound } from './no-customer-found';
import { strings } from './strings';

export type CardAppProps = {
  context: ConversationContext;
  /** The signed BFF token; null when the host gave none. */
  token: string | null;
};

/** The Context Card: finds the conversation's Shopify customer and shows what the agent needs. */
export function CardApp({ context, token }: CardAppProps) {
  const lookup = lookupFor(context);
  return (
    <Box as="main" p="3" minW="0" maxW="full">
      {lookup === null ? (
        <MissingIdentifier expected={expectedIdentifier(context.channel)} channel={context.channel} />
      ) : token === null ? (
        <ErrorState code="UNAUTHENTICATED" />
      ) : (
        // A new conversation starts afresh: no customer picked, no focus moved.
        <CustomerLookup key={JSON.stringify(lookup)} lookup={lookup} token={token} locale={agentLocale(context)} />
      )}
    </Box>
  );
}

type CustomerLookupProps = { lookup: CardLookup; token: string; locale: string };

function CustomerLookup({ lookup, token, locale }: CustomerLookupProps) {
  const [picked, setPicked] = useState<CustomerCandidate | null>(null);
  // Once the agent has acted (retry, pick, back), each new view takes focus so the keyboard is not lost.
  const [acted, setActed] = useState(false);
  const query = useQuery(cardQueryOptions(picked ? { customerId: picked.id } : lookup, token));

  const act = (change: () => void) => {
    setActed(true);
    change();
  };
  const loading = query.isPending || (query.isError && query.isFetching);
  const errorCode: ApiErrorCode | null = query.isError ? (isApiError(query.error) ? query.error.code : 'INTERNAL') : null;

  return (
    <>
      {/* The card's one live region: loading, then what was found, in a few words. */}
      <VisuallyHidden role="status" aria-live="polite">
        {loading ? strings.loadingOrders : errorCode ? strings.errors[errorViewFor(errorCode)].title : summary(query.data, locale)}
      </VisuallyHidden>
      {loading ? (
        <LoadingCard />
      ) : errorCode ? (
        <ErrorState code={errorCode} onRetry={() => act(() => void query.refetch())} focusOnMount={acted} />
      ) : query.data ? (
        <CardView
          card={query.data}
          locale={locale}
          focusOnMount={acted}
          onPick={(candidate) => act(() => setPicked(candidate))}
          onBack={picked ? () => act(() => setPicked(null)) : undefined}
        />
      ) : null}
    </>
  );
}

type CardViewProps = {
  card: CardResponse;
  locale: string;
  focusOnMount: boolean;
  onPick: (candidate: CustomerCandidate) => void;
  onBack: (() => void) | undefined;
};

function CardView({ card, locale, focusOnMount, onPick, onBack }: CardViewProps) {
  switch (card.state) {
    case 'configuration_pending':
      return <ConfigurationPending missing={card.missing} role={card.viewer.role} focusOnMount={focusOnMount} />;
    case 'not_found':
      return <NoCustomerFound tried={card.tried} focusOnMount={focusOnMount} />;
    case 'multiple':
      return (
        <MultipleCustomers
          tried={card.tried}
          candidates={card.candidates}
          locale={locale}
          onPick={onPick}
          focusOnMount={focusOnMount}
        />
      );
    case 'matched':
      return <MatchedCustomer card={card} locale={locale} onBack={onBack} focusOnMount={focusOnMount} />;
  }
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
