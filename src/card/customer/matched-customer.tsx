import { Box, Button, Grid } from '@chakra-ui/react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { lazy, Suspense, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { customerOrdersQueryOptions } from '../../api/orders';
import type { MatchedCard, OrderSummary } from '../../shared/wire';
import { Notice } from '../../ui/notice';
import { StatePanel } from '../../ui/state-panel';
import { useCardEnv } from '../card-env';
import { AbandonedCheckoutNotice } from './abandoned-checkout';
import { CustomerDetails, customerDetailRows } from './customer-details';
import { CustomerSummary } from './customer-summary';
import { DetailsSkeleton } from '../orders/details-skeleton';
import { formatAge } from '../fields/format-values';
import { orderButtonId } from '../orders/order-card';
import { OrderHistory } from '../orders/order-history';
import { strings } from '../strings';
import { useNow } from '../use-now';
import { useWide } from '../use-wide';

// The details of an order are not part of the first paint: their code loads when the agent heads for one.
const loadDetails = () => import('../orders/order-details-view');
const OrderDetailsView = lazy(() => loadDetails().then((module) => ({ default: module.OrderDetailsView })));
const preloadDetails = () => void loadDetails();

type MatchedCustomerProps = {
  card: MatchedCard;
  /** Back and search controls above the customer, with `end` at their end; hidden with the rest while an order is open. */
  toolbar: (end: ReactNode) => ReactNode;
  focusOnMount?: boolean;
  onRefresh: () => void;
  refreshing: boolean;
};

function pageScroll(): Element {
  return document.scrollingElement ?? document.documentElement;
}

export function MatchedCustomer({ card, toolbar, focusOnMount, onRefresh, refreshing }: MatchedCustomerProps) {
  const { customer, mapping, matchedBy, stale, shop } = card;
  const { locale } = useCardEnv();
  const now = useNow();
  const wide = useWide();
  // An order-number search opens that order, wherever it stands in the history.
  const [open, setOpen] = useState<OrderSummary | null>(card.openOrder ?? null);
  const list = useRef<HTMLDivElement>(null);
  // Where the agent was in the list, to come back to it from an order's details.
  const returnTo = useRef<{ orderId: string; scrollTop: number } | null>(
    card.openOrder ? { orderId: card.openOrder.id, scrollTop: 0 } : null,
  );

  // The open order as the history now has it: after an action, the list is fetched again and the details follow it.
  const history = useInfiniteQuery(customerOrdersQueryOptions(card));
  const freshest = (order: OrderSummary) => history.data.pages.flatMap((page) => page.nodes).find((node) => node.id === order.id) ?? order;

  const openOrder = (order: OrderSummary) => {
    returnTo.current = { orderId: order.id, scrollTop: pageScroll().scrollTop };
    setOpen(order);
  };

  useLayoutEffect(() => {
    if (open) {
      // Side by side, the list stays where it is: only the details change.
      if (!wide) pageScroll().scrollTop = 0;
      return;
    }
    const back = returnTo.current;
    if (!back) return;
    returnTo.current = null;
    if (!wide) pageScroll().scrollTop = back.scrollTop;
    // The order's row, or the customer's name when the order was opened from a search and is further down.
    const row = document.getElementById(orderButtonId(back.orderId)) ?? list.current?.querySelector<HTMLElement>('h1');
    row?.focus({ preventScroll: !wide });
  }, [open, wide]);

  const refreshButton = (
    <Button variant="outline" size="xs" onClick={onRefresh} aria-disabled={refreshing || undefined}>
      {refreshing ? strings.refreshing : strings.refresh}
    </Button>
  );
  const hasDetails = customerDetailRows(mapping.customerDetails).length > 0;
  const customerDetails = <CustomerDetails customer={customer} fields={mapping.customerDetails} locale={locale} now={now} />;

  const details = open && (
    <Suspense fallback={<DetailsSkeleton />}>
      <OrderDetailsView
        key={open.id}
        order={freshest(open)}
        mapping={mapping}
        now={now}
        onBack={() => setOpen(null)}
        {...(wide ? { beside: true } : {})}
        {...(open.id === card.openOrder?.id ? { customerName: customer.displayName } : {})}
      />
    </Suspense>
  );

  const listView = (
    // Hidden, not unmounted, while an order is open in a narrow card: the pages loaded and the place in them stay.
    <Box hidden={!wide && open !== null} minW="0" ref={list}>
      {toolbar(stale ? null : refreshButton)}
      <StatePanel title={customer.displayName} focusOnMount={focusOnMount && !card.openOrder}>
        <CustomerSummary
          customer={customer}
          matchedBy={matchedBy}
          locale={locale}
          {...(hasDetails && !wide ? { details: customerDetails } : {})}
        />
        {stale ? (
          <Notice tone="attention" action={refreshButton}>
            {strings.stale.notice(formatAge(stale.ageSeconds, now), stale.reason)}
          </Notice>
        ) : null}
        {!shop.allOrdersVisible && <Notice tone="info">{strings.recentOrdersOnly}</Notice>}
        {card.abandonedCheckout && <AbandonedCheckoutNotice checkout={card.abandonedCheckout} locale={locale} now={now} />}
        <OrderHistory card={card} now={now} onOpen={openOrder} onIntent={preloadDetails} openId={wide ? (open?.id ?? null) : null} />
      </StatePanel>
    </Box>
  );

  if (!wide) {
    return (
      <>
        {details}
        {listView}
      </>
    );
  }
  // A wide panel: the list on one side, the open order (or, before one is opened, the customer's details) on the other.
  return (
    <Grid templateColumns="minmax(0, 26rem) minmax(0, 1fr)" gap="6" alignItems="start">
      {listView}
      <Box position="sticky" top="0" maxH="100dvh" overflowY="auto" minW="0" pt="1" pb="3">
        {details || customerDetails}
      </Box>
    </Grid>
  );
}
