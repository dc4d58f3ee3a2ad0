import { Box, Button, Flex, Heading, Stack, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { isApiError } from '../../api/http';
import { orderDetailsQueryOptions } from '../../api/order-details';
import type { FieldMapping } from '../../shared/mapping';
import type { OrderSummary } from '../../shared/wire';
import { Notice } from '../../ui/notice';
import { useCardEnv } from '../card-env';
import { DetailsSkeleton } from './details-skeleton';
import { canRetry, errorViewFor } from '../states/error-state';
import { FieldList } from '../fields/field-list';
import { formatAge, formatDate, formatRelative } from '../fields/format-values';
import { useAnnounce } from '../live-region';
import { OrderActions } from './order-actions';
import { OrderFlagBadges } from './order-flag-badges';
import { flagExplains, orderFlagsOf } from './order-flags';
import { strings } from '../strings';
import { preloaded, usePreloaded } from '../../ui/preloaded';

/** The order actions (their buttons, dialogs and words) load with the first order's details, apart from the card. */
const orderActionButtons = preloaded(() => import('../actions/order-action-buttons'));

// The renderers of line items and tracking come in a chunk of their own: start loading it with the details.
void import('./order-items');

type OrderDetailsViewProps = {
  /** The order as the list showed it: its number, flags and order-card fields show at once. */
  order: OrderSummary;
  mapping: FieldMapping;
  now: number;
  onBack: () => void;
  /** Shown beside the list (a wide card): the list keeps the page's heading, the order is a section of it. */
  beside?: boolean;
  /** The customer's name, when the order was opened straight from a search and their card has not been seen. */
  customerName?: string;
};

/** Escape goes back, unless something inside (a menu, a field) has used the key already. */
function useEscape(onEscape: () => void) {
  const latest = useRef(onEscape);
  useEffect(() => {
    latest.current = onEscape;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** One order with the order-detail fields the admin chose, and what the agent can do with it. */
export function OrderDetailsView({ order, mapping, now, onBack, customerName, beside = false }: OrderDetailsViewProps) {
  const { locale, conversation } = useCardEnv();
  const actionButtons = usePreloaded(orderActionButtons);
  const announce = useAnnounce();
  const text = strings.details;
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const query = useQuery(orderDetailsQueryOptions(order.id));
  useEscape(onBack);

  // Before paint, so the keyboard never rests on the hidden list.
  useLayoutEffect(() => heading.current?.focus(), []);

  const errorCode = query.isError ? (isApiError(query.error) ? query.error.code : 'INTERNAL') : null;
  const errorView = errorCode === 'NOT_FOUND' ? 'orderNotFound' : errorCode ? errorViewFor(errorCode) : null;
  useLayoutEffect(() => {
    if (query.isPending && query.isFetching) announce(text.loading(order.name));
    else if (errorView) announce(strings.errors[errorView].title);
  }, [announce, errorView, order.name, query.isFetching, query.isPending, text]);

  const flags = orderFlagsOf(order, now);
  const explained = new Set(flags.map((flag) => flagExplains[flag]));
  const placed = order.createdAt ?? null;
  const placedDate = placed ? formatDate(placed, locale) : null;
  // What the list showed that the details do not carry: the agent keeps seeing it, but a status a flag explains only once.
  const fromList = mapping.orderCard.filter(
    (key) =>
      key !== 'order.name' && !(key === 'order.createdAt' && placedDate) && !explained.has(key) && !mapping.orderDetails.includes(key),
  );
  const details = query.data;
  const stale = details?.stale;

  return (
    <Stack as="article" aria-labelledby={titleId} gap="3" minW="0">
      <Flex gap="2" align="center" wrap="wrap">
        <Button variant="ghost" size="xs" onClick={onBack} ms="-2">
          {beside ? (
            <>
              <span aria-hidden="true">×</span> {text.close}
            </>
          ) : (
            <>
              <span aria-hidden="true">←</span> {text.back}
            </>
          )}
        </Button>
        <Text as="span" fontSize="xs" color="card.muted" aria-hidden="true">
          {text.backHint}
        </Text>
      </Flex>
      <Heading as={beside ? 'h2' : 'h1'} size="md" id={titleId} ref={heading} tabIndex={-1} outline="none">
        {text.title(order.name)}
      </Heading>
      {(customerName || (placed && placedDate)) && (
        <Text fontSize="sm" color="card.muted" mt="-2">
          {customerName && text.customer(customerName)}
          {customerName && placed && placedDate && ' · '}
          {placed && placedDate && (
            <>
              {customerName ? strings.orderCard.placed.toLowerCase() : strings.orderCard.placed} <time dateTime={placed}>{placedDate}</time>{' '}
              · {formatRelative(new Date(placed).getTime(), now)}
            </>
          )}
        </Text>
      )}
      <OrderFlagBadges flags={flags} mt="-1" />
      {fromList.length > 0 && <FieldList keys={fromList} values={order.fields} locale={locale} density="compact" now={now} />}
      {stale && (
        <Notice
          tone="attention"
          action={
            <Button variant="outline" size="xs" onClick={() => void query.refetch()} aria-disabled={query.isFetching || undefined}>
              {query.isFetching ? strings.refreshing : strings.refresh}
            </Button>
          }
        >
          {strings.stale.notice(formatAge(stale.ageSeconds, now))}
        </Notice>
      )}
      {details ? (
        <>
          <OrderActions
            order={{
              name: details.name,
              adminUrl: details.adminUrl,
              fields: { ...(placed ? { 'order.createdAt': placed } : {}), ...order.fields, ...details.fields },
            }}
          />
          {actionButtons && (
            <actionButtons.OrderActionButtons order={{ id: details.id, name: details.name }} conversation={conversation ?? {}} />
          )}
          <Box p="3" borderWidth="1px" borderColor="card.border" borderRadius="md" bg="card.surface" minW="0">
            <FieldList keys={mapping.orderDetails} values={details.fields} locale={locale} density="full" now={now} />
          </Box>
        </>
      ) : errorCode && errorView ? (
        <Stack gap="2" p="3" borderWidth="1px" borderColor="status.critical.border" borderRadius="md">
          <Heading as="h2" size="sm">
            {strings.errors[errorView].title}
          </Heading>
          <Text>{strings.errors[errorView].detail}</Text>
          {errorCode !== 'NOT_FOUND' && canRetry(errorCode) && (
            <Box>
              <Button variant="outline" size="sm" onClick={() => void query.refetch()}>
                {strings.retry}
              </Button>
            </Box>
          )}
        </Stack>
      ) : (
        <DetailsSkeleton />
      )}
    </Stack>
  );
}
