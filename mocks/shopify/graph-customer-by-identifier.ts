import { GraphQLError } from 'graphql';
import { customerNode, customerNodeById } from './graph-customer';
import { parseGid, requireScope, type GraphContext } from './graph-context';

/** `CustomerIdentifierInput`: exactly one of these names the customer. */
export type CustomerIdentifier = {
  id?: string | null;
  emailAddress?: string | null;
  phoneNumber?: string | null;
  customId?: unknown;
};

/** A phone as Shopify keeps it (E.164): the lookup tolerates spaces, dashes, dots and brackets around the digits. */
const e164 = (phone: string) => phone.replace(/[\s\-().]/g, '');

/**
 * `customerByIdentifier(identifier:)`, as Shopify answers it: one customer or null, never a list.
 * An email matches whatever its case; a phone matches the customer's own phone (not an address's),
 * which Shopify keeps unique to one customer, as it does emails. No search syntax applies: `*` is a
 * character like any other. The sandbox has no metafields, so a `customId` finds nobody.
 */
export function customerByIdentifier(args: { identifier: CustomerIdentifier }, context: GraphContext) {
  requireScope(context, 'read_customers', 'customerByIdentifier');
  const { id, emailAddress, phoneNumber, customId } = args.identifier;
  const given = [id, emailAddress, phoneNumber, customId].filter((value) => value != null);
  if (given.length !== 1) {
    throw new GraphQLError('Exactly one of id, emailAddress, phoneNumber or customId must be provided.', {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
  const customers = context.index.seed.customers;
  if (id != null) {
    const gid = parseGid(id);
    return gid.type === 'Customer' ? customerNodeById(gid.id, context) : null;
  }
  if (emailAddress != null) {
    const wanted = emailAddress.trim().toLowerCase();
    const found = customers.find((customer) => customer.email?.toLowerCase() === wanted);
    return found ? customerNode(found) : null;
  }
  if (phoneNumber != null) {
    const wanted = e164(phoneNumber.trim());
    const found = customers.find((customer) => customer.phone !== null && customer.phone === wanted);
    return found ? customerNode(found) : null;
  }
  return null;
}
