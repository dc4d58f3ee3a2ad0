import type { Channel } from '../../shared/channels';
import type { FieldKey, FieldValue, Money, Shipment, TrackingInfo } from '../../shared/fields';
import { formatDate, formatMoney, safeHttpsUrl } from '../fields/format-values';
import { statusLabel, strings } from '../strings';

type Fields = Partial<Record<FieldKey, FieldValue | null>>;

/** How many shipments a summary names: a reply is not a manifest. */
const MAX_SHIPMENTS = 2;

function text(fields: Fields, key: FieldKey): string | null {
  const value = fields[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function money(fields: Fields, key: FieldKey): Money | null {
  const value = fields[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'amount' in value ? value : null;
}

/** The order's tracking: the tracking field's, else each shipment's. */
export function trackingOf(fields: Fields): TrackingInfo[] {
  const tracking = fields['order.tracking'];
  const shipped = fields['order.shipments'];
  const all = Array.isArray(tracking)
    ? (tracking as TrackingInfo[])
    : Array.isArray(shipped)
      ? (shipped as Shipment[]).flatMap((shipment) => (Array.isArray(shipment?.tracking) ? shipment.tracking : []))
      : [];
  return all.filter((s) => s && typeof s === 'object' && (s.number || safeHttpsUrl(s.url)));
}

/** Where the shipments are, e.g. "In transit, expected 21 Nov 2026". */
function shipmentStatuses(fields: Fields, locale: string): string[] {
  const value = fields['order.shipments'];
  if (!Array.isArray(value)) return [];
  return (value as Shipment[]).flatMap((shipment) => {
    if (!shipment?.status) return [];
    const delivered = shipment.deliveredAt ? formatDate(shipment.deliveredAt, locale) : null;
    const expected = shipment.estimatedDeliveryAt ? formatDate(shipment.estimatedDeliveryAt, locale) : null;
    const when = delivered ? strings.fields.delivered(delivered) : expected ? strings.fields.expected(expected) : null;
    return [[statusLabel(shipment.status), when].filter(Boolean).join(', ')];
  });
}

/** A tracking line: carrier, number and the link only when it is https. */
export function trackingLine(shipment: TrackingInfo): string {
  return [shipment.company, shipment.number, safeHttpsUrl(shipment.url)].filter(Boolean).join(' ');
}

/**
 * A short plain-text summary of an order for the agent's reply, from the fields the card has (nothing
 * the admin did not choose to show). WhatsApp gets the order number in `*bold*`; SMS gets one line.
 */
export function replySummary(order: { name: string; fields: Fields }, channel: Channel | undefined, locale: string): string {
  const words = strings.replySummary;
  const { fields } = order;
  const statuses = [text(fields, 'order.displayFulfillmentStatus'), text(fields, 'order.displayFinancialStatus')]
    .filter((status): status is string => status !== null)
    .map(statusLabel);
  const placedAt = text(fields, 'order.createdAt');
  const placed = placedAt ? formatDate(placedAt, locale) : null;
  const total = money(fields, 'order.currentTotalPrice') ?? money(fields, 'order.totalPrice');

  const title = words.order(order.name);
  const head = [channel === 'WHATSAPP' ? `*${title}*` : title, placed ? words.placed(placed) : null].filter(Boolean).join(', ');
  const lines = [
    head,
    statuses.length ? statuses.join(' · ') : null,
    total ? words.total(formatMoney(total, locale)) : null,
    ...shipmentStatuses(fields, locale)
      .slice(0, MAX_SHIPMENTS)
      .map((status) => `${words.shipment}: ${status}`),
    ...trackingOf(fields)
      .slice(0, MAX_SHIPMENTS)
      .map((shipment) => `${words.tracking}: ${trackingLine(shipment)}`),
  ].filter((line): line is string => line !== null && line !== '');

  return channel === 'SMS' ? lines.join('. ') : lines.join('\n');
}
