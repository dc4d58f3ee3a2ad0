import type { Channel } from '../../shared/channels';
import type { FieldKey, FieldValue, Money, TrackingInfo } from '../../shared/fields';
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
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

function shipments(fields: Fields): TrackingInfo[] {
  const value = fields['order.tracking'];
  return Array.isArray(value)
    ? (value as TrackingInfo[]).filter((s) => s && typeof s === 'object' && (s.number || safeHttpsUrl(s.url)))
    : [];
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
    ...shipments(fields)
      .slice(0, MAX_SHIPMENTS)
      .map((shipment) => `${words.tracking}: ${trackingLine(shipment)}`),
  ].filter((line): line is string => line !== null && line !== '');

  return channel === 'SMS' ? lines.join('. ') : lines.join('\n');
}
