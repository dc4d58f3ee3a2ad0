/**
 * The order actions' operations, each named, each checked against Shopify's schema in a test. Reading the
 * order and Shopify's suggested refund is one request; each action is one mutation after it. Only
 * `refundCreate` takes `@idempotent(key:)` in 2026-01: the same key sent again refunds nothing twice.
 */

const MONEY = 'shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }';

/** What every action checks before it reaches Shopify's mutation: the order's state, lines, tags, note, customer. */
const ACTION_ORDER = `id
    name
    presentmentCurrencyCode
    displayFinancialStatus
    displayFulfillmentStatus
    cancelledAt
    refundable
    note
    tags
    totalShippingPriceSet { presentmentMoney { amount currencyCode } }
    totalRefundedShippingSet { presentmentMoney { amount currencyCode } }
    customer { id displayName tags }
    lineItems(first: 50) {
      nodes { id title quantity refundableQuantity originalUnitPriceSet { presentmentMoney { amount currencyCode } } }
    }`;

export const actionOrderOperation = `query ActionOrder($id: ID!) {
  order(id: $id) {
    ${ACTION_ORDER}
  }
}`;

/** The order and Shopify's own computation of what a selection refunds, in the order's and the shop's currency. */
export const refundSuggestionOperation = `query RefundSuggestion($id: ID!, $lines: [RefundLineItemInput!], $shipping: Boolean, $full: Boolean) {
  order(id: $id) {
    ${ACTION_ORDER}
    suggestedRefund(refundLineItems: $lines, refundShipping: $shipping, suggestFullRefund: $full) {
      amountSet { ${MONEY} }
      shipping { amountSet { ${MONEY} } }
      refundLineItems { quantity lineItem { id title } subtotalSet { presentmentMoney { amount currencyCode } } }
      suggestedTransactions { gateway amountSet { presentmentMoney { amount currencyCode } } parentTransaction { id } }
    }
  }
}`;

export const refundCreateOperation = `mutation ActionRefund($input: RefundInput!, $key: String!) {
  refundCreate(input: $input) @idempotent(key: $key) {
    refund { id totalRefundedSet { presentmentMoney { amount currencyCode } } }
    order { id displayFinancialStatus }
    userErrors { field message }
  }
}`;

export const orderCancelOperation = `mutation ActionCancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, $refundMethod: OrderCancelRefundMethodInput, $notify: Boolean, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, restock: $restock, refundMethod: $refundMethod, notifyCustomer: $notify, staffNote: $staffNote) {
    job { id }
    orderCancelUserErrors { field message code }
  }
}`;

export const tagsAddOperation = `mutation ActionTagsAdd($id: ID!, $tags: [String!]!) {
  tagsAdd(id: $id, tags: $tags) {
    node { id }
    userErrors { field message }
  }
}`;

export const tagsRemoveOperation = `mutation ActionTagsRemove($id: ID!, $tags: [String!]!) {
  tagsRemove(id: $id, tags: $tags) {
    node { id }
    userErrors { field message }
  }
}`;

export const orderNoteOperation = `mutation ActionOrderNote($input: OrderInput!) {
  orderUpdate(input: $input) {
    order { id note }
    userErrors { field message }
  }
}`;

export const draftOrderFromOrderOperation = `mutation ActionDraftOrder($orderId: ID!) {
  draftOrderCreateFromOrder(orderId: $orderId) {
    draftOrder { id name invoiceUrl }
    userErrors { field message }
  }
}`;

export const shopCurrencyOperation = `query ShopCurrency {
  shop { currencyCode }
}`;

export const actionOperations = {
  actionOrderOperation,
  refundSuggestionOperation,
  refundCreateOperation,
  orderCancelOperation,
  tagsAddOperation,
  tagsRemoveOperation,
  orderNoteOperation,
  draftOrderFromOrderOperation,
  shopCurrencyOperation,
};

type Money = { amount: string; currencyCode: string };
type PresentmentBag = { presentmentMoney: Money };

export type ActionOrderNode = {
  id: string;
  name: string;
  presentmentCurrencyCode: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  cancelledAt: string | null;
  refundable: boolean;
  note: string | null;
  tags: string[];
  totalShippingPriceSet: PresentmentBag;
  totalRefundedShippingSet: PresentmentBag;
  customer: { id: string; displayName: string; tags: string[] } | null;
  lineItems: {
    nodes: { id: string; title: string; quantity: number; refundableQuantity: number; originalUnitPriceSet: PresentmentBag }[];
  };
};

export type SuggestedRefundNode = {
  amountSet: { shopMoney: Money; presentmentMoney: Money };
  shipping: { amountSet: { shopMoney: Money; presentmentMoney: Money } };
  refundLineItems: { quantity: number; lineItem: { id: string; title: string }; subtotalSet: PresentmentBag }[];
  suggestedTransactions: { gateway: string; amountSet: PresentmentBag; parentTransaction: { id: string } | null }[];
};

export type UserErrorNode = { field: string[] | null; message: string };
