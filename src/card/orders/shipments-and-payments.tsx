import { Box, Stack, Text } from '@chakra-ui/react';
import type { Cancellation, PaymentTransaction, Refund, Shipment } from '../../shared/fields';
import { StatusBadge } from '../../ui/status-badge';
import type { StatusTone } from '../../ui/system';
import { formatDate, formatMoney } from '../fields/format-values';
import { statusLabel, strings } from '../strings';
import { Shipments } from './order-items';

/** Where a parcel is, at a glance; the words are always there too. */
const shipmentTones: Record<string, StatusTone> = {
  DELIVERED: 'positive',
  PICKED_UP: 'positive',
  IN_TRANSIT: 'info',
  OUT_FOR_DELIVERY: 'info',
  READY_FOR_PICKUP: 'info',
  LABEL_PRINTED: 'neutral',
  LABEL_PURCHASED: 'neutral',
  CONFIRMED: 'neutral',
  FULFILLED: 'neutral',
  ATTEMPTED_DELIVERY: 'attention',
  DELAYED: 'attention',
  CARRIER_PICKED_UP: 'info',
  FAILURE: 'critical',
  CANCELED: 'critical',
  LABEL_VOIDED: 'critical',
  NOT_DELIVERED: 'critical',
  SUBMITTED: 'neutral',
};

const transactionTones: Record<string, StatusTone> = {
  SUCCESS: 'positive',
  PENDING: 'attention',
  AWAITING_RESPONSE: 'attention',
  FAILURE: 'critical',
  ERROR: 'critical',
  UNKNOWN: 'neutral',
};

const date = (iso: string | null, locale: string, withTime = false) => (iso ? formatDate(iso, locale, withTime) : null);

/** Each fulfillment: its status, when it should come or came, what it holds and how to track it. */
export function ShipmentList({ shipments, locale }: { shipments: Shipment[]; locale: string }) {
  return (
    <Stack as="ul" listStyleType="none" gap="2" minW="0">
      {shipments.map((shipment, index) => {
        const delivered = date(shipment.deliveredAt, locale);
        const expected = date(shipment.estimatedDeliveryAt, locale);
        return (
          <Box as="li" key={index} minW="0">
            <Box display="flex" flexWrap="wrap" columnGap="2" alignItems="center">
              <StatusBadge
                label={shipment.status ? statusLabel(shipment.status) : strings.fields.noStatus}
                tone={shipmentTones[shipment.status ?? ''] ?? 'neutral'}
              />
              {delivered ? (
                <Text as="span" fontSize="sm">
                  {strings.fields.delivered(delivered)}
                </Text>
              ) : expected ? (
                <Text as="span" fontSize="sm">
                  {strings.fields.expected(expected)}
                </Text>
              ) : null}
            </Box>
            {shipment.items.length > 0 && (
              <Text fontSize="sm" color="card.muted">
                {shipment.items.join(', ')}
              </Text>
            )}
            {shipment.tracking.length > 0 && <Shipments shipments={shipment.tracking} />}
          </Box>
        );
      })}
    </Stack>
  );
}

const isCharge = (payment: PaymentTransaction) => payment.status === 'SUCCESS' && (payment.kind === 'SALE' || payment.kind === 'CAPTURE');

/** Each payment transaction, and a warning when the order was charged more than once. */
export function PaymentList({ payments, locale }: { payments: PaymentTransaction[]; locale: string }) {
  const charges = payments.filter(isCharge).length;
  return (
    <Stack gap="1" minW="0">
      {charges > 1 && (
        <Box>
          <StatusBadge label={strings.fields.chargedTimes(charges)} tone="critical" />
        </Box>
      )}
      <Stack as="ul" listStyleType="none" gap="1" minW="0">
        {payments.map((payment, index) => {
          const when = date(payment.at, locale, true);
          const gateway = payment.gateway ? (strings.fields.gateways[payment.gateway] ?? payment.gateway) : null;
          return (
            <Box as="li" key={index} display="flex" flexWrap="wrap" columnGap="2" alignItems="center" fontSize="sm" minW="0">
              <Text as="span" fontWeight="medium">
                {statusLabel(payment.kind)}
              </Text>
              {payment.amount && <Text as="span">{formatMoney(payment.amount, locale)}</Text>}
              <StatusBadge label={statusLabel(payment.status)} tone={transactionTones[payment.status] ?? 'neutral'} />
              <Text as="span" color="card.muted">
                {[gateway, when].filter(Boolean).join(' · ')}
              </Text>
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** Each refund: how much, when, and its note. */
export function RefundList({ refunds, locale }: { refunds: Refund[]; locale: string }) {
  return (
    <Stack as="ul" listStyleType="none" gap="1" minW="0">
      {refunds.map((refund, index) => (
        <Box as="li" key={index} fontSize="sm" minW="0">
          {[refund.amount ? formatMoney(refund.amount, locale) : null, date(refund.at, locale, true)].filter(Boolean).join(' · ')}
          {refund.note && (
            <Text as="span" display="block" color="card.muted">
              {strings.fields.refundNote(refund.note)}
            </Text>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/** When and why the order was cancelled, and the staff's note. */
export function CancellationNote({ cancellation, locale }: { cancellation: Cancellation; locale: string }) {
  const when = date(cancellation.at, locale, true) ?? cancellation.at;
  const reason = cancellation.reason ? (strings.fields.cancelReasons[cancellation.reason] ?? statusLabel(cancellation.reason)) : null;
  return (
    <Box fontSize="sm" minW="0">
      <Text as="span" display="block">
        {strings.fields.cancelled(when, reason)}
      </Text>
      {cancellation.note && (
        <Text as="span" display="block" color="card.muted">
          {cancellation.note}
        </Text>
      )}
    </Box>
  );
}
