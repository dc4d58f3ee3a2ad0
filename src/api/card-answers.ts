/**
 * The card's answers from the BFF, checked by hand: zod would be most of the card's first paint.
 * Each check is typed from the zod wire (`shared/wire.ts`), so a property or a state added there
 * without its check here does not compile; a test holds both to the same answers.
 */
import { isFieldKey, type FieldFormat, type FieldKey, type FieldValue, type FormatValue } from '../shared/fields';
import type { FieldMapping } from '../shared/mapping';
import {
  array,
  boolean,
  anyOf,
  guard,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
  variant,
  type Check,
} from '../shared/checks';
import { orderFlags } from '../shared/order-flags';
import type {
  CardResponse,
  CustomerCandidate,
  MatchedIdentifier,
  OrderDetails,
  OrderPage,
  OrderPageResponse,
  OrderSummary,
} from '../shared/wire';

const money = object<FormatValue['money']>({ amount: string, currencyCode: string });
const strings = array(string);
const tracking = array(
  object<FormatValue['tracking'][number]>({ company: nullable(string), number: nullable(string), url: nullable(string) }),
);

/** Each format's value; a format without its check here does not compile. */
const formatChecks: { [F in FieldFormat]: Check<FormatValue[F]> } = {
  text: string,
  email: string,
  phone: string,
  number,
  money,
  date: string,
  status: string,
  address: strings,
  tags: strings,
  lineItems: array(
    object<FormatValue['lineItems'][number]>({
      title: string,
      variantTitle: nullable(string),
      quantity: number,
      sku: nullable(string),
      imageUrl: nullable(string),
      imageAlt: nullable(string),
      unitPrice: money,
    }),
  ),
  tracking,
  shipments: array(
    object<FormatValue['shipments'][number]>({
      status: nullable(string),
      estimatedDeliveryAt: nullable(string),
      deliveredAt: nullable(string),
      items: strings,
      tracking,
    }),
  ),
  transactions: array(
    object<FormatValue['transactions'][number]>({
      kind: string,
      status: string,
      gateway: nullable(string),
      amount: nullable(money),
      at: nullable(string),
    }),
  ),
  refunds: array(object<FormatValue['refunds'][number]>({ amount: nullable(money), at: nullable(string), note: nullable(string) })),
  cancellation: object<FormatValue['cancellation']>({ at: string, reason: nullable(string), note: nullable(string) }),
};

/** Any format's value, as the wire's union: the catalogue, not the value, says which format it is. */
const fieldValue = anyOf<FieldValue>(Object.values(formatChecks), 'a field value');
const fieldValues = record(isFieldKey, nullable(fieldValue));

const fieldKey: Check<FieldKey> = guard((value): value is FieldKey => typeof value === 'string' && isFieldKey(value), 'a field key');
const mapping = object<FieldMapping>({ orderCard: array(fieldKey), orderDetails: array(fieldKey), customerDetails: array(fieldKey) });

const orderSummary = object<OrderSummary>({
  id: string,
  name: string,
  createdAt: optional(string),
  fields: fieldValues,
  flags: optional(array(oneOf(orderFlags))),
});
const orderPage = object<OrderPage>({
  nodes: array(orderSummary),
  pageInfo: object<OrderPage['pageInfo']>({ hasNextPage: boolean, endCursor: nullable(string) }),
});

const identifier = object<MatchedIdentifier>({
  kind: oneOf(['email', 'phone', 'orderNumber', 'name', 'customerId']),
  value: string,
  display: optional(string),
  via: optional(oneOf(['customer', 'address', 'people'])),
});
const candidate = object<CustomerCandidate>({
  id: string,
  displayName: string,
  email: nullable(string),
  phone: nullable(string),
  numberOfOrders: number,
});
const stale = object<NonNullable<OrderDetails['stale']>>({ reason: string, ageSeconds: number, refreshing: optional(boolean) });

type State<S extends CardResponse['state']> = Extract<CardResponse, { state: S }>;
type Matched = State<'matched'>;

/** `POST /api/card`. */
export const cardAnswer = variant<CardResponse, 'state'>('state', {
  configuration_pending: object<State<'configuration_pending'>>({
    state: oneOf(['configuration_pending']),
    missing: array(oneOf(['credential', 'mapping'])),
    viewer: object<State<'configuration_pending'>['viewer']>({ role: oneOf(['agent', 'admin']) }),
  }),
  not_found: object<State<'not_found'>>({ state: oneOf(['not_found']), tried: array(identifier) }),
  multiple: object<State<'multiple'>>({
    state: oneOf(['multiple']),
    tried: array(identifier),
    candidates: array(candidate),
    more: optional(boolean),
  }),
  matched: object<Matched>({
    state: oneOf(['matched']),
    matchedBy: identifier,
    customer: object<Matched['customer']>({ id: string, displayName: string, numberOfOrders: number, fields: fieldValues }),
    orders: orderPage,
    mapping,
    shop: object<Matched['shop']>({ domain: string, allOrdersVisible: boolean }),
    fetchedAt: string,
    stale: optional(stale),
    abandonedCheckout: optional(
      object<NonNullable<Matched['abandonedCheckout']>>({
        id: string,
        abandonedAt: string,
        total: nullable(object<NonNullable<NonNullable<Matched['abandonedCheckout']>['total']>>({ amount: string, currencyCode: string })),
        items: array(string),
        recoveryUrl: nullable(string),
      }),
    ),
    openOrder: optional(orderSummary),
  }),
});

/** `POST /api/card/orders`. */
export const orderPageAnswer = object<OrderPageResponse>({ orders: orderPage, fetchedAt: string });

/** `POST /api/card/order`. */
export const orderDetailsAnswer = object<OrderDetails>({
  id: string,
  name: string,
  fields: fieldValues,
  adminUrl: string,
  fetchedAt: string,
  stale: optional(stale),
});
