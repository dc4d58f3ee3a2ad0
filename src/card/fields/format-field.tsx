import { Box, chakra, Text } from '@chakra-ui/react';
import { Fragment, lazy, Suspense, type ReactNode } from 'react';
import type {
  Cancellation,
  FieldFormat,
  FieldValue,
  FormatValue,
  LineItem,
  Money,
  PaymentTransaction,
  Refund,
  Shipment,
  TrackingInfo,
} from '../../shared/fields';
import { EmptyValue } from '../../ui/empty-value';
import { StatusBadge } from '../../ui/status-badge';
import type { StatusTone } from '../../ui/system';
import { strings, statusLabel } from '../strings';
import { formatDate, formatMoney, formatNumber, formatRelative, type FormatOptions } from './format-values';

// Line items and tracking are order-detail fields: their code comes with the details, not the first paint.
const LineItems = lazy(() => import('../orders/order-items').then((module) => ({ default: module.LineItems })));
const Shipments = lazy(() => import('../orders/order-items').then((module) => ({ default: module.Shipments })));
// Shipments, payments, refunds and a cancellation are order-detail fields too, in a chunk of their own.
const loadOrderStory = () => import('../orders/shipments-and-payments');
const ShipmentList = lazy(() => loadOrderStory().then((module) => ({ default: module.ShipmentList })));
const PaymentList = lazy(() => loadOrderStory().then((module) => ({ default: module.PaymentList })));
const RefundList = lazy(() => loadOrderStory().then((module) => ({ default: module.RefundList })));
const CancellationNote = lazy(() => loadOrderStory().then((module) => ({ default: module.CancellationNote })));

/** How a Shopify status reads at a glance; the words are always there too. */
const statusTones: Record<string, StatusTone> = {
  PAID: 'positive',
  FULFILLED: 'positive',
  ENABLED: 'positive',
  AUTHORIZED: 'info',
  OPEN: 'info',
  IN_PROGRESS: 'info',
  SCHEDULED: 'info',
  INVITED: 'info',
  PENDING: 'attention',
  PARTIALLY_PAID: 'attention',
  UNFULFILLED: 'attention',
  PARTIALLY_FULFILLED: 'attention',
  PENDING_FULFILLMENT: 'attention',
  ON_HOLD: 'attention',
  EXPIRED: 'critical',
  REQUEST_DECLINED: 'critical',
  DECLINED: 'critical',
  REFUNDED: 'neutral',
  PARTIALLY_REFUNDED: 'neutral',
  VOIDED: 'neutral',
  RESTOCKED: 'neutral',
  DISABLED: 'neutral',
};

function isString(value: FieldValue): value is string {
  return typeof value === 'string';
}
function isNumber(value: FieldValue): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isMoney(value: unknown): value is Money {
  return isObject(value) && typeof value.amount === 'string' && typeof value.currencyCode === 'string';
}
function isStringList(value: FieldValue): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
function isLineItems(value: FieldValue): value is LineItem[] {
  return (
    Array.isArray(value) &&
    (value as unknown[]).every((item) => isObject(item) && typeof item.title === 'string' && isMoney(item.unitPrice))
  );
}
function isTracking(value: FieldValue): value is TrackingInfo[] {
  return Array.isArray(value) && (value as unknown[]).every((item) => isObject(item) && 'number' in item && 'url' in item);
}
function isListOf<T extends FieldValue>(key: string) {
  return (value: FieldValue): value is T => Array.isArray(value) && (value as unknown[]).every((item) => isObject(item) && key in item);
}
function isCancellation(value: FieldValue): value is Cancellation {
  const object: unknown = value;
  return isObject(object) && typeof object.at === 'string' && 'reason' in object;
}

type Formatter<F extends FieldFormat> = {
  /** The wire does not say which format a value has: check its shape before trusting the catalogue. */
  accepts: (value: FieldValue) => value is FormatValue[F];
  render: (value: FormatValue[F], options: FormatOptions) => ReactNode;
};

/**
 * An email that may wrap before its `@` and its dots (`amelie.dubois` / `@example.fr`), never inside a
 * word, unless one word alone is wider than the line.
 */
function BreakableEmail({ email }: { email: string }) {
  const parts = email.split(/(?=[@.])/);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

// React escapes every string below: HTML in Shopify data shows as text, never as markup.
const formatters: { [F in FieldFormat]: Formatter<F> } = {
  text: {
    accepts: isString,
    render: (value) => (
      <Box as="span" whiteSpace="pre-line">
        {value}
      </Box>
    ),
  },
  email: { accepts: isString, render: (value) => <BreakableEmail email={value} /> },
  phone: { accepts: isString, render: (value) => value },
  number: { accepts: isNumber, render: (value, { locale }) => formatNumber(value, locale) },
  money: { accepts: isMoney, render: (value, { locale }) => formatMoney(value, locale) },
  date: {
    accepts: isString,
    render: (value, { locale, density, now }) => {
      const formatted = formatDate(value, locale, density === 'full');
      if (formatted === null) return value;
      return (
        <>
          <chakra.time dateTime={value} display="inline-block">
            {formatted}
          </chakra.time>{' '}
          {now !== undefined &&
            (density === 'compact' ? (
              <Text as="span" display="block" fontSize="xs" color="card.muted">
                {formatRelative(new Date(value).getTime(), now)}
              </Text>
            ) : (
              <Text as="span" display="inline-block" color="card.muted">
                {'· '}
                {formatRelative(new Date(value).getTime(), now)}
              </Text>
            ))}
        </>
      );
    },
  },
  status: {
    accepts: isString,
    render: (value) => <StatusBadge label={statusLabel(value)} tone={statusTones[value] ?? 'neutral'} />,
  },
  address: {
    accepts: isStringList,
    render: (lines) => (
      <Box as="span" display="block">
        {lines.map((line, index) => (
          <Box as="span" display="block" key={index}>
            {line}
          </Box>
        ))}
      </Box>
    ),
  },
  tags: {
    accepts: isStringList,
    render: (tags) => (
      <Box as="ul" display="flex" flexWrap="wrap" gap="1" listStyleType="none">
        {tags.map((tag, index) => (
          <Box as="li" key={index} px="1.5" borderRadius="sm" bg="card.chip" fontSize="xs" maxW="full">
            {tag}
          </Box>
        ))}
      </Box>
    ),
  },
  lineItems: {
    accepts: isLineItems,
    render: (items, options) => (
      <Suspense fallback={null}>
        <LineItems items={items} {...options} />
      </Suspense>
    ),
  },
  tracking: {
    accepts: isTracking,
    render: (shipments) => (
      <Suspense fallback={null}>
        <Shipments shipments={shipments} />
      </Suspense>
    ),
  },
  shipments: {
    accepts: isListOf<Shipment[]>('items'),
    render: (shipments, { locale }) => (
      <Suspense fallback={null}>
        <ShipmentList shipments={shipments} locale={locale} />
      </Suspense>
    ),
  },
  transactions: {
    accepts: isListOf<PaymentTransaction[]>('kind'),
    render: (payments, { locale }) => (
      <Suspense fallback={null}>
        <PaymentList payments={payments} locale={locale} />
      </Suspense>
    ),
  },
  refunds: {
    accepts: isListOf<Refund[]>('note'),
    render: (refunds, { locale }) => (
      <Suspense fallback={null}>
        <RefundList refunds={refunds} locale={locale} />
      </Suspense>
    ),
  },
  cancellation: {
    accepts: isCancellation,
    render: (cancellation, { locale }) => (
      <Suspense fallback={null}>
        <CancellationNote cancellation={cancellation} locale={locale} />
      </Suspense>
    ),
  },
};

function isEmpty(value: FieldValue | null | undefined): value is null | undefined {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function render<F extends FieldFormat>(format: F, value: FieldValue | null | undefined, options: FormatOptions): ReactNode {
  const formatter: Formatter<F> = formatters[format];
  if (isEmpty(value) || !formatter.accepts(value)) return <EmptyValue label={strings.notSet} />;
  return formatter.render(value, options);
}

type FormattedValueProps = FormatOptions & {
  format: FieldFormat;
  /** Missing and null both read as "Not set". */
  value: FieldValue | null | undefined;
};

/** One field value as the agent should read it, chosen by the field's format alone. */
export function FormattedValue({ format, value, ...options }: FormattedValueProps) {
  return <>{render(format, value, options)}</>;
}
