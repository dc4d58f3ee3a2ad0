import { Box } from '@chakra-ui/react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, type ComponentProps, type ReactNode } from 'react';
import { cardQueryOptions } from '../api/card';
import { isApiError } from '../api/http';
import type { CardLookup } from '../shared/wire';
import { useSessionToken } from '../api/session';
import { CardEnvProvider, type CardActions } from './card-env';
import { agentLocale, expectedIdentifier, lookupFor, type ConversationContext } from './context';
import { CustomerLookup } from './customer/customer-lookup';
import { ErrorState } from './states/error-state';
import { LiveRegion } from './live-region';
import { MissingIdentifier } from './states/other-states';

export type { CardActions } from './card-env';

export type CardAppProps = {
  context: ConversationContext;
  /** What the host can do for the card, e.g. put text into the agent's reply. */
  actions?: CardActions;
};

const noActions: CardActions = {};

/**
 * Starts the card's query for the conversation's lookup as soon as this chunk has run, before the app has
 * rendered: it adopts the boot script's request, so the app's first render may already have the answer.
 */
export function startCardQuery(queryClient: QueryClient, lookup: CardLookup): void {
  void queryClient.prefetchQuery(cardQueryOptions(lookup));
}

/** A token that arrives after a call failed for want of one lets that call try again. */
function useRetryWithNewToken(queryClient: QueryClient, token: string | null): void {
  useEffect(() => {
    if (!token) return;
    void queryClient.refetchQueries({
      type: 'active',
      predicate: (query) =>
        isApiError(query.state.error) && (query.state.error.code === 'TOKEN_EXPIRED' || query.state.error.code === 'UNAUTHENTICATED'),
    });
  }, [queryClient, token]);
}

/** The card's frame around whatever it shows: the page's main landmark and its one live region. */
export function CardShell({ children }: { children: ReactNode }) {
  return (
    <Box as="main" p="3" minW="0" maxW="full">
      <LiveRegion>{children}</LiveRegion>
    </Box>
  );
}

type CardBodyProps = {
  context: ConversationContext;
  lookup: CardLookup | null;
  actions: CardActions;
  missing: (onSearch?: ComponentProps<typeof MissingIdentifier>['onSearch']) => ReactNode;
};

/** The card for an agent with a session: the customer found by the conversation's lookup, or a search. */
export function CardBody({ context, lookup, actions, missing }: CardBodyProps) {
  return (
    <CardEnvProvider
      value={{
        locale: agentLocale(context),
        channel: context.channel,
        actions,
        conversation: {
          ...(context.conversationId ? { conversationId: context.conversationId } : {}),
          ...(context.host ? { host: context.host } : {}),
        },
      }}
    >
      {/* A new conversation starts afresh: no customer picked, no search, no focus moved. */}
      <CustomerLookup key={JSON.stringify(lookup)} lookup={lookup} nothingToLookUp={missing} />
    </CardEnvProvider>
  );
}

/** The Context Card: finds the conversation's Shopify customer and shows what the agent needs. */
export function CardApp({ context, actions = noActions }: CardAppProps) {
  const token = useSessionToken();
  useRetryWithNewToken(useQueryClient(), token);
  const lookup = lookupFor(context);
  const missing = (onSearch?: ComponentProps<typeof MissingIdentifier>['onSearch']) => (
    <MissingIdentifier expected={expectedIdentifier(context.channel)} channel={context.channel} onSearch={onSearch} />
  );
  return (
    <CardShell>
      {token === null ? (
        lookup === null ? (
          <Suspense fallback={null}>{missing()}</Suspense>
        ) : (
          <ErrorState code="UNAUTHENTICATED" />
        )
      ) : (
        <CardBody context={context} lookup={lookup} actions={actions} missing={missing} />
      )}
    </CardShell>
  );
}
