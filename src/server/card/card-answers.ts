import { fieldDefinition, type FieldKey, type FieldValue } from '../../shared/fields';
import type { FieldMapping } from '../../shared/mapping';
import { identifierHelp } from '../../shared/identifiers';
import { problemFlags } from '../../shared/order-flags';
import type { CardResponse, MatchedIdentifier, OrderFlag, OrderPage, OrderSummary } from '../../shared/wire';
import type { AppScopes } from '../shopify/card-operations';
import { AppError } from '../http/problem';
import { shopifyFields } from '../shopify/shopify-fields';
import { displayPhone, normalisePhone } from './phone';

/** What the card's answers are built from: Shopify's nodes, as the card's operations select them. */
export type Node = Record<string, unknown>;
export type OrderNode = Node & { id: string; name: string };
export type OrdersConnection = { nodes: OrderNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
export type CustomerNode = Node & { id: string; displayName: string; numberOfOrders: string; orders: OrdersConnection };

/** A problem naming the identifier the BFF cannot look up, and what it takes instead. */
export function badIdentifier(path: keyof typeof identifierHelp): AppError {
  return new AppError('BAD_REQUEST', `${path}: ${identifierHelp[path]}.`, [{ path, message: identifierHelp[path] }]);
}

/** The admin's fields of a node; phones grouped the international way, as the card writes them everywhere. */
export function readFields(node: Node, keys: readonly FieldKey[]): Partial<Record<FieldKey, FieldValue | null>> {
  return Object.fromEntries(
    keys.map((key) => {
      const value = shopifyFields[key].read(node);
      return [key, fieldDefinition(key).format === 'phone' && typeof value === 'string' ? readablePhone(value) : value];
    }),
  );
}

/** `+447700900123` as `+44 7700 900123`; a phone that does not parse as Shopify has it. */
export function readablePhone(raw: string): string {
  const phone = normalisePhone(raw);
  return phone ? displayPhone(phone) : raw;
}

export function count(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

const scalar = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const list = (value: unknown): Node[] =>
  Array.isArray(value) ? value.filter((item): item is Node => typeof item === 'object' && item !== null) : [];

export function orderFlagsOf(order: Node, now: number): OrderFlag[] {
  return problemFlags(
    {
      createdAt: scalar(order.createdAt),
      cancelledAt: scalar(order.cancelledAt),
      displayFinancialStatus: scalar(order.displayFinancialStatus),
      displayFulfillmentStatus: scalar(order.displayFulfillmentStatus),
      transactions: list(order.flagPayments).map((t) => ({ kind: scalar(t.kind), status: scalar(t.status) })),
      disputeStatuses: list(order.disputes).flatMap((d) => scalar(d.status) ?? []),
    },
    now,
  );
}

/** One order as a row of the card: its name, date, the admin's order-card fields and its problem flags. */
export function orderSummary(order: OrderNode, mapping: FieldMapping, now: number): OrderSummary {
  return {
    id: order.id,
    name: order.name,
    ...(typeof order.createdAt === 'string' ? { createdAt: order.createdAt } : {}),
    fields: readFields(order, mapping.orderCard),
    flags: orderFlagsOf(order, now),
  };
}

export function orderPage(connection: OrdersConnection, mapping: FieldMapping, now: number): OrderPage {
  return { nodes: connection.nodes.map((order) => orderSummary(order, mapping, now)), pageInfo: connection.pageInfo };
}

/** The order in the Shopify admin: `https://admin.shopify.com/store/{handle}/orders/{id}`. */
export function orderAdminUrl(shopDomain: string, orderGid: string): string {
  const handle = shopDomain.replace(/\.myshopify\.com$/, '');
  const id = orderGid.split('/').pop() ?? '';
  return `https://admin.shopify.com/store/${encodeURIComponent(handle)}/orders/${encodeURIComponent(id)}`;
}

/** The card of a customer Shopify found: the admin's fields of the customer and of the first page of orders. */
export function matchedCard(
  node: CustomerNode,
  matchedBy: MatchedIdentifier,
  context: { mapping: FieldMapping; shopDomain: string; scopes: AppScopes; now: number },
): CardResponse {
  const granted = new Set(context.scopes.currentAppInstallation.accessScopes.map((scope) => scope.handle));
  return {
    state: 'matched',
    matchedBy,
    customer: {
      id: node.id,
      displayName: node.displayName,
      numberOfOrders: count(node.numberOfOrders),
      fields: readFields(node, context.mapping.customerDetails),
    },
    orders: orderPage(node.orders, context.mapping, context.now),
    mapping: context.mapping,
    shop: { domain: context.shopDomain, allOrdersVisible: granted.has('read_all_orders') },
    fetchedAt: new Date(context.now).toISOString(),
  };
}
