import { Box, Button, Heading, Stack, Text } from '@chakra-ui/react';
import { useId } from 'react';
import type { MatchedCard } from '../shared/wire';
import { StatePanel } from '../ui/state-panel';
import { formatNumber } from './format-field';
import { OrderCard } from './order-card';
import { strings } from './strings';

type MatchedCustomerProps = {
  card: MatchedCard;
  locale: string;
  /** Set when the agent picked this customer among several: offers the way back to the list. */
  onBack?: (() => void) | undefined;
  focusOnMount?: boolean;
};

/** Shopify's count, or the orders in hand when the count lags behind them. */
export function orderTotal({ customer, orders }: MatchedCard): number {
  return Math.max(customer.numberOfOrders, orders.nodes.length);
}

export function MatchedCustomer({ card, locale, onBack, focusOnMount }: MatchedCustomerProps) {
  const { customer, orders, mapping, matchedBy } = card;
  const text = strings.matched;
  const countId = useId();
  const total = orderTotal(card);
  const partial = orders.pageInfo.hasNextPage || orders.nodes.length < total;

  return (
    <StatePanel title={customer.displayName} focusOnMount={focusOnMount}>
      <Stack gap="1" align="flex-start">
        <Text color="card.muted">{text.matchedBy(matchedBy)}</Text>
        {onBack && (
          <Button variant="ghost" size="xs" onClick={onBack}>
            {strings.multiple.back}
          </Button>
        )}
      </Stack>
      <Stack gap="2" minW="0">
        <Heading as="h2" size="sm" id={countId}>
          {text.orderCount(total, formatNumber(total, locale))}
        </Heading>
        {orders.nodes.length === 0 ? (
          <Text>{text.noOrders}</Text>
        ) : (
          <>
            {partial && <Text color="card.muted">{text.showingRecent(orders.nodes.length, formatNumber(orders.nodes.length, locale))}</Text>}
            {/* Newest first, as the BFF sends them. */}
            <Box as="ol" aria-label={text.ordersLabel} aria-describedby={countId} listStyleType="none" display="grid" gap="2" minW="0">
              {orders.nodes.map((order) => (
                <Box as="li" key={order.id} minW="0">
                  <OrderCard order={order} fields={mapping.orderCard} locale={locale} />
                </Box>
              ))}
            </Box>
          </>
        )}
      </Stack>
    </StatePanel>
  );
}
