import type { GraphQLResolveInfo } from 'graphql';
import { bulkMutations } from './graph-bulk';
import type { GraphContext } from './graph-context';
import { customerNodeById } from './graph-customer';
import { draftOrderById, orderById, refundById } from './graph-root';
import { changeTags, draftOrderCreateFromOrder, orderCancel, orderUpdate, type OrderLinks } from './mutation-order';
import { refundCreate, type RefundInput } from './mutation-refund';

/**
 * The mutations the sandbox performs: what People needs (bulk operations) and the card's order
 * actions. Each costs 10 points plus its payload's selection, as Shopify charges.
 */

const links: OrderLinks = { order: orderById, customer: customerNodeById, draftOrder: draftOrderById };

export const mutationRoot = {
  ...bulkMutations,
  refundCreate: (args: { input: RefundInput }, context: GraphContext, info: GraphQLResolveInfo) =>
    refundCreate(args, context, info, { order: orderById, refund: refundById }),
  orderCancel,
  orderUpdate: (args: Parameters<typeof orderUpdate>[0], context: GraphContext) => orderUpdate(args, context, links),
  tagsAdd: (args: { id: string; tags: string[] }, context: GraphContext) => changeTags('add', args, context, links),
  tagsRemove: (args: { id: string; tags: string[] }, context: GraphContext) => changeTags('remove', args, context, links),
  draftOrderCreateFromOrder: (args: { orderId: string }, context: GraphContext) => draftOrderCreateFromOrder(args, context, links),
};
