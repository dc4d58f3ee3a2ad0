import { Box, Button, Flex, Heading, Stack, Text } from '@chakra-ui/react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isApiError } from '../../api/http';
import { customerOrdersQueryOptions } from '../../api/orders';
import type { MatchedCard, OrderSummary } from '../../shared/wire';
import { useCardEnv } from '../card-env';
import { errorViewFor } from '../states/error-state';
import { formatNumber } from '../fields/format-values';
import { useAnnounce } from '../live-region';
import { OrderCard, orderButtonId } from './order-card';
import { orderFlagsOf } from './order-flags';
import { strings } from '../strings';

type OrderHistoryProps = {
  card: MatchedCard;
  now: number;
  onOpen: (order: OrderSummary) => void;
  onIntent?: () => void;
  /** The order open beside the list (a wide card), marked as the current one. */
  openId?: string | null;
};

/** The customer's orders, newest first, with "Load more" until the full history is shown. */
export function OrderHistory({ card, now, onOpen, onIntent, openId = null }: OrderHistoryProps) {
  const { locale } = useCardEnv();
  const announce = useAnnounce();
  const text = strings.matched;
  const headingId = useId();
  const query = useInfiniteQuery(customerOrdersQueryOptions(card));
  const cardFields = card.mapping.orderCard;
  const pinnedHeadingId = useId();
  const [failure, setFailure] = useState<string | null>(null);

  const orders = query.data.pages.flatMap((page) => page.nodes);
  // Problem orders are pinned at the top, each saying why; the others follow, newest first.
  const pinned = orders.filter((order) => orderFlagsOf(order, now).length > 0);
  const rest = pinned.length > 0 ? orders.filter((order) => !pinned.includes(order)) : orders;
  const row = (order: OrderSummary) => (
    <Box as="li" key={order.id} minW="0">
      <OrderCard
        order={order}
        fields={cardFields}
        locale={locale}
        now={now}
        onOpen={onOpen}
        onIntent={onIntent}
        current={order.id === openId}
      />
    </Box>
  );
  const total = Math.max(card.customer.numberOfOrders, orders.length);
  const count = (n: number) => formatNumber(n, locale);

  async function loadMore() {
    if (query.isFetchingNextPage) return;
    setFailure(null);
    announce(text.loadingMore);
    const before = orders.length;
    const result = await query.fetchNextPage();
    if (result.isError) {
      const problem = strings.errors[errorViewFor(isApiError(result.error) ? result.error.code : 'INTERNAL')];
      const message = text.loadMoreFailed(`${problem.title}.`);
      setFailure(message);
      announce(message);
      return;
    }
    const loaded = (result.data?.pages ?? []).flatMap((page) => page.nodes);
    const added = loaded.length - before;
    announce(text.loadedMore(added, count(added), count(loaded.length), count(Math.max(total, loaded.length))));
    // At the end the button goes away: keep the keyboard in the list, on the first order it added.
    const firstAdded = loaded[before];
    if (!result.hasNextPage && firstAdded) {
      requestAnimationFrame(() => document.getElementById(orderButtonId(firstAdded.id))?.focus());
    }
  }

  return (
    <Stack as="section" aria-labelledby={headingId} gap="2" minW="0">
      <Flex gap="2" rowGap="0" wrap="wrap" align="baseline">
        <Heading as="h2" size="sm" id={headingId}>
          {text.orderCount(total, count(total))}
        </Heading>
        {orders.length > 0 && (
          <Text color="card.muted" fontSize="xs">
            {query.hasNextPage
              ? text.showing(count(orders.length), count(total))
              : orders.length >= total
                ? text.allShown(total, count(total))
                : text.moreThanVisible(count(orders.length))}
          </Text>
        )}
      </Flex>
      {orders.length === 0 ? (
        <Text>{text.noOrders}</Text>
      ) : (
        <>
          {pinned.length > 0 && (
            <Stack as="section" aria-labelledby={pinnedHeadingId} gap="1.5" minW="0">
              <Heading as="h3" size="xs" id={pinnedHeadingId} color="status.attention.fg">
                {strings.orderCard.needsAttentionGroup}
              </Heading>
              <Box as="ol" aria-label={strings.orderCard.needsAttentionGroup} listStyleType="none" display="grid" gap="1.5" minW="0">
                {pinned.map(row)}
              </Box>
            </Stack>
          )}
          {rest.length > 0 && pinned.length > 0 && (
            // The pinned group ends where the other orders begin: they have a heading of their own.
            <Heading as="h3" size="xs" color="card.muted" mt="1">
              {strings.orderCard.otherOrdersGroup}
            </Heading>
          )}
          {rest.length > 0 && (
            <Box
              as="ol"
              aria-label={pinned.length > 0 ? strings.orderCard.otherOrdersGroup : text.ordersLabel}
              listStyleType="none"
              display="grid"
              gap="1.5"
              minW="0"
              mt={pinned.length > 0 ? '-0.5' : undefined}
            >
              {rest.map(row)}
            </Box>
          )}
          {failure && <Text color="status.critical.fg">{failure}</Text>}
          {query.hasNextPage && (
            <Box>
              <Button
                variant="outline"
                size="sm"
                width="full"
                onClick={() => void loadMore()}
                // Not `disabled`: a disabled button would drop the keyboard focus while the page loads.
                aria-disabled={query.isFetchingNextPage || undefined}
              >
                {query.isFetchingNextPage ? text.loadingMore : text.loadMore}
              </Button>
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}
