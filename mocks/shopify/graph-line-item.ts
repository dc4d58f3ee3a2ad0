import { catalogue, productImageUrl } from './catalogue';
import { gid } from './graph-context';
import { moneyBag } from './money';
import type { LineItemRecord, OrderRecord } from './seed-model';

/** An order's line item in the schema's shape; its quantities follow refunds and fulfillments. */
export function lineItemNode(item: LineItemRecord, order: OrderRecord) {
  const product = catalogue.find((candidate) => candidate.handle === item.productHandle);
  const bag = (minor: number) => moneyBag(minor, order.currency);
  const fulfilled = order.fulfillments
    .flatMap((fulfillment) => fulfillment.lineItems)
    .filter((entry) => entry.lineItemId === item.id)
    .reduce((sum, entry) => sum + entry.quantity, 0);
  return {
    __typename: 'LineItem',
    id: gid('LineItem', item.id),
    title: item.title,
    name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
    variantTitle: item.variantTitle,
    quantity: item.quantity,
    currentQuantity: item.currentQuantity,
    unfulfilledQuantity: Math.max(0, item.currentQuantity - fulfilled),
    refundableQuantity: item.currentQuantity,
    nonFulfillableQuantity: item.quantity - item.currentQuantity,
    sku: item.sku,
    vendor: 'Linden & Loom',
    requiresShipping: item.requiresShipping,
    isGiftCard: product?.requiresShipping === false,
    taxable: true,
    merchantEditable: order.closedAt === null,
    image: product && {
      id: gid('ProductImage', 30_000_000_000 + catalogue.indexOf(product) + 1),
      url: productImageUrl(product.handle),
      altText: product.title,
      width: 1200,
      height: 1200,
    },
    originalUnitPriceSet: bag(item.unitPrice),
    discountedUnitPriceSet: bag(item.unitPrice),
    discountedUnitPriceAfterAllDiscountsSet: bag(item.unitPrice),
    originalTotalSet: bag(item.unitPrice * item.quantity),
    discountedTotalSet: () => bag(item.unitPrice * item.quantity),
    totalDiscountSet: bag(0),
  };
}
