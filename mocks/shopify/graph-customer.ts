import type { GraphQLResolveInfo } from 'graphql';
import { paginate, type ConnectionArgs } from './connection';
import { gid, iso, isOrderVisible, listConnection, orderSortValue, requireScope, type GraphContext, type ListArgs } from './graph-context';
import { addressNode, orderNode } from './graph-order';
import { moneyV2, shopCurrency, toShopMinor } from './money';
import { displayNameOf } from './personas';
import { orderFilters, type OrderSearchRecord } from './search-filters';
import type { CustomerRecord, OrderRecord } from './seed-model';

/** Schema-shaped customers, and the order lists that both `Customer.orders` and `orders` serve. */

const orderLinks = { customer: (id: number, context: GraphContext) => customerNodeById(id, context) };

export function toOrderNode(order: OrderRecord) {
  return orderNode(order, orderLinks);
}

export function customerNodeById(id: number, context: GraphContext) {
  const customer = context.index.customersById.get(id);
  return customer ? customerNode(customer) : null;
}

/** The orders connection over `orders`, after the 60-day rule, the search query and the sort. */
export function ordersConnection(orders: readonly OrderRecord[], args: ListArgs, context: GraphContext, info: GraphQLResolveInfo) {
  const { customersById } = context.index;
  const items = (): OrderSearchRecord[] =>
    orders
      .filter((order) => isOrderVisible(order, context))
      .map((order) => ({
        id: order.id,
        order,
        customer: order.customerId === null ? null : (customersById.get(order.customerId) ?? null),
      }));
  return listConnection({
    items,
    args,
    context,
    info,
    filters: orderFilters(context.index.nowMs),
    sortValue: (record, sortKey) => orderSortValue(record.order, sortKey, record.customer),
    toNode: (record) => toOrderNode(record.order),
  });
}

function ordersOf(customer: CustomerRecord, context: GraphContext): OrderRecord[] {
  return customer.orderIds.flatMap((id) => context.index.ordersById.get(id) ?? []);
}

export function customerNode(customer: CustomerRecord) {
  const addresses = () => customer.addresses.map((address) => ({ id: address.id, sortValue: address.id, address }));
  return {
    __typename: 'Customer',
    id: gid('Customer', customer.id),
    legacyResourceId: String(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: displayNameOf(customer.firstName, customer.lastName, customer.locale) || customer.email || customer.phone || '',
    // Deprecated in favour of defaultEmailAddress and defaultPhoneNumber, but still answered.
    email: customer.email,
    phone: customer.phone,
    defaultEmailAddress: () =>
      customer.email === null
        ? null
        : {
            emailAddress: customer.email,
            marketingState: customer.emailMarketingState,
            marketingOptInLevel: customer.emailMarketingState === 'SUBSCRIBED' ? 'SINGLE_OPT_IN' : null,
            marketingUpdatedAt: customer.emailMarketingState === 'NOT_SUBSCRIBED' ? null : iso(customer.createdAt),
            validFormat: true,
          },
    defaultPhoneNumber: () =>
      customer.phone === null
        ? null
        : {
            phoneNumber: customer.phone,
            marketingState: customer.smsMarketingState,
            marketingOptInLevel: customer.smsMarketingState === 'SUBSCRIBED' ? 'SINGLE_OPT_IN' : null,
            marketingUpdatedAt: customer.smsMarketingState === 'NOT_SUBSCRIBED' ? null : iso(customer.createdAt),
          },
    validEmailAddress: customer.email !== null,
    state: customer.state,
    tags: customer.tags,
    note: customer.note,
    verifiedEmail: customer.verifiedEmail,
    locale: customer.locale,
    taxExempt: false,
    dataSaleOptOut: false,
    createdAt: iso(customer.createdAt),
    updatedAt: iso(customer.updatedAt),
    // Like Shopify: the count covers every order, even those the 60-day rule hides.
    numberOfOrders: String(customer.orderIds.length),
    canDelete: customer.orderIds.length === 0,
    amountSpent: (_args: unknown, context: GraphContext) => {
      const spent = ordersOf(customer, context).reduce(
        (sum, order) => sum + toShopMinor(order.received - order.refunded, order.currency),
        0,
      );
      return moneyV2(spent, shopCurrency);
    },
    defaultAddress: () => addressNode(customer.defaultAddress),
    addresses: (args: { first?: number | null }) => customer.addresses.slice(0, args.first ?? customer.addresses.length).map(addressNode),
    addressesV2: (args: ConnectionArgs & { reverse?: boolean }, _context: GraphContext, info: GraphQLResolveInfo) => {
      const items = addresses();
      if (args.reverse) items.reverse();
      return paginate(info.fieldName, items, args, (entry) => addressNode(entry.address), { descending: args.reverse === true });
    },
    orders: (args: ListArgs, context: GraphContext, info: GraphQLResolveInfo) => {
      requireScope(context, 'read_orders', 'orders');
      return ordersConnection(ordersOf(customer, context), args, context, info);
    },
    lastOrder: (_args: unknown, context: GraphContext) => {
      requireScope(context, 'read_orders', 'lastOrder');
      const newest = ordersOf(customer, context)
        .filter((order) => isOrderVisible(order, context))
        .reduce<OrderRecord | null>((latest, order) => (!latest || order.createdAt > latest.createdAt ? order : latest), null);
      return newest ? toOrderNode(newest) : null;
    },
  };
}
