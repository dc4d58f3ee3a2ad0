import { chakra, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { previewRefund, runAction } from '../../api/actions';
import type { ActionOrder } from '../../shared/actions';
import { formatMoney } from '../fields/format-values';
import { ActionFlow, type Review } from './action-flow';
import { actionStrings as text } from './action-strings';
import { Checkbox, Field, fieldStyle } from './form-controls';

type DialogProps = { order: ActionOrder; locale: string; context: { conversationId?: string; host?: string }; onClose: () => void };

/** Refund chosen items (or the whole order), with or without shipping; the amount is Shopify's, in the order's currency. */
export function RefundForm({ order, locale, context, onClose }: DialogProps) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [wholeOrder, setWholeOrder] = useState(false);
  const [shipping, setShipping] = useState(false);
  const [restock, setRestock] = useState(true);
  const [notify, setNotify] = useState(true);
  const [note, setNote] = useState('');
  const lines = Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([lineItemId, quantity]) => ({ lineItemId, quantity }));
  const selection = { orderId: order.id, lines: wholeOrder ? [] : lines, wholeOrder, shipping };
  const money = (value: { amount: string; currencyCode: string }) => formatMoney(value, locale);

  const review = async (): Promise<Review> => {
    const preview = await previewRefund(selection);
    const amount = money(preview.amount);
    return {
      confirmLabel: text.refundConfirm(amount, order.name),
      refusal: preview.allowed ? null : preview.refusal,
      will: (
        <Stack gap="1">
          <Text>{text.refundWill(amount, order.name)}</Text>
          <Text fontWeight="medium">{text.refundLines}</Text>
          <chakra.ul ps="4">
            {preview.lines.map((line) => (
              <li key={line.lineItemId}>
                {line.quantity} × {line.title}: {money(line.amount)}
              </li>
            ))}
            {Number(preview.shipping.amount) > 0 && <li>{text.refundShippingLine(money(preview.shipping))}</li>}
          </chakra.ul>
          <Text>{text.restocks(restock)}</Text>
          <Text>{text.notifies(notify)}</Text>
        </Stack>
      ),
    };
  };

  const form = (
    <>
      <Checkbox label={text.wholeOrder} checked={wholeOrder} onChange={setWholeOrder} />
      {!wholeOrder &&
        order.lines
          .filter((line) => line.refundableQuantity > 0)
          .map((line) => (
            <Field key={line.id} label={text.quantityOf(line.title, line.refundableQuantity)}>
              {(id) => (
                <chakra.input
                  id={id}
                  type="number"
                  min={0}
                  max={line.refundableQuantity}
                  value={quantities[line.id] ?? 0}
                  onChange={(event) =>
                    setQuantities({
                      ...quantities,
                      [line.id]: Math.max(0, Math.min(line.refundableQuantity, Number(event.target.value) || 0)),
                    })
                  }
                  w="5rem"
                  {...fieldStyle}
                />
              )}
            </Field>
          ))}
      {Number(order.shippingLeft.amount) > 0 && (
        <Checkbox label={text.shipping(money(order.shippingLeft))} checked={shipping} onChange={setShipping} />
      )}
      <Checkbox label={text.restock} checked={restock} onChange={setRestock} />
      <Checkbox label={text.notify} checked={notify} onChange={setNotify} />
      <Field label={text.refundNote}>
        {(id) => <chakra.input id={id} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} {...fieldStyle} />}
      </Field>
      {!(wholeOrder || shipping || lines.length > 0) && <Text color="card.muted">{text.chooseSomething}</Text>}
    </>
  );

  return (
    <ActionFlow
      orderId={order.id}
      form={form}
      canReview={wholeOrder || shipping || lines.length > 0}
      review={review}
      perform={(key) => runAction.refund({ ...selection, key, restock, notify, ...(note.trim() ? { note: note.trim() } : {}), context })}
      onClose={onClose}
    />
  );
}
