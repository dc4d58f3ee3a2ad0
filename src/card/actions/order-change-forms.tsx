import { Button, chakra, Flex, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { runAction } from '../../api/actions';
import { cancelReasonLabels, cancelReasons, type ActionKind, type ActionOrder } from '../../shared/actions';
import { copyText } from '../../ui/copy-text';
import { useCardEnv } from '../card-env';
import { useAnnounce } from '../live-region';
import { ActionFlow } from './action-flow';
import { actionStrings as text } from './action-strings';
import { Checkbox, Choice, Field, fieldStyle } from './form-controls';

type FormProps = { order: ActionOrder; context: { conversationId?: string; host?: string }; onClose: () => void };

export function CancelForm({ order, context, onClose }: FormProps) {
  const [reason, setReason] = useState<(typeof cancelReasons)[number]>('CUSTOMER');
  const [restock, setRestock] = useState(true);
  const [refund, setRefund] = useState(true);
  const [notify, setNotify] = useState(true);
  const form = (
    <>
      <Field label={text.reason}>
        {(id) => (
          <chakra.select id={id} value={reason} onChange={(event) => setReason(event.target.value as typeof reason)} {...fieldStyle}>
            {cancelReasons.map((value) => (
              <option key={value} value={value}>
                {cancelReasonLabels[value]}
              </option>
            ))}
          </chakra.select>
        )}
      </Field>
      <Checkbox label={text.restock} checked={restock} onChange={setRestock} />
      <Checkbox label={text.refundPayment} checked={refund} onChange={setRefund} />
      <Checkbox label={text.notify} checked={notify} onChange={setNotify} />
    </>
  );
  return (
    <ActionFlow
      orderId={order.id}
      form={form}
      canReview
      review={() => ({
        confirmLabel: text.cancelConfirm(order.name),
        will: (
          <Stack gap="1">
            <Text>{text.cancelWill(order.name, cancelReasonLabels[reason].toLowerCase())}</Text>
            <Text>{text.cancelRefunds(refund)}</Text>
            <Text>{text.restocks(restock)}</Text>
            <Text>{text.notifies(notify)}</Text>
          </Stack>
        ),
      })}
      perform={(key) => runAction.cancel({ orderId: order.id, key, reason, restock, refund, notify, context })}
      onClose={onClose}
    />
  );
}

type TagFormProps = FormProps & { mode: 'add' | 'remove'; allowed: readonly ActionKind[] };

/** Add or remove a tag on the order or on its customer, as far as each is switched on. */
export function TagForm({ order, context, onClose, mode, allowed }: TagFormProps) {
  const targets = [
    ...(allowed.includes('orderTags') ? [{ value: 'order' as const, label: text.onOrder(order.name) }] : []),
    ...(allowed.includes('customerTags') && order.customer
      ? [{ value: 'customer' as const, label: text.onCustomer(order.customer.displayName) }]
      : []),
  ];
  const [target, setTarget] = useState(targets[0]?.value ?? 'order');
  const [tag, setTag] = useState('');
  const existing = target === 'order' ? order.tags : (order.customer?.tags ?? []);
  const [chosen, setChosen] = useState('');
  const value = (mode === 'add' ? tag : chosen || existing[0] || '').trim();
  const where = target === 'order' ? order.name : (order.customer?.displayName ?? '');
  const form = (
    <>
      {targets.length > 1 && <Choice legend={text.target} value={target} options={targets} onChange={setTarget} />}
      {mode === 'add' ? (
        <Field label={text.tag}>
          {(id) => (
            <chakra.input
              id={id}
              value={tag}
              maxLength={40}
              onChange={(event) => setTag(event.target.value.replace(/,/g, ''))}
              {...fieldStyle}
            />
          )}
        </Field>
      ) : existing.length === 0 ? (
        <Text>{text.noTags}</Text>
      ) : (
        <Field label={text.tagToRemove}>
          {(id) => (
            <chakra.select id={id} value={value} onChange={(event) => setChosen(event.target.value)} {...fieldStyle}>
              {existing.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </chakra.select>
          )}
        </Field>
      )}
    </>
  );
  const id = target === 'order' ? order.id : (order.customer?.id ?? '');
  return (
    <ActionFlow
      orderId={order.id}
      form={form}
      canReview={value.length > 0}
      review={() => ({
        confirmLabel: mode === 'add' ? text.addTagConfirm(value) : text.removeTagConfirm(value),
        will: <Text>{mode === 'add' ? text.addTagWill(value, where) : text.removeTagWill(value, where)}</Text>,
      })}
      perform={(key) =>
        runAction.tags({
          target: target === 'order' ? { kind: 'order', id } : { kind: 'customer', id },
          orderId: order.id,
          key,
          add: mode === 'add' ? [value] : [],
          remove: mode === 'remove' ? [value] : [],
          context,
        })
      }
      onClose={onClose}
    />
  );
}

export function NoteForm({ order, context, onClose }: FormProps) {
  const [note, setNote] = useState(order.note ?? '');
  const form = (
    <Field label={text.note}>
      {(id) => (
        <chakra.textarea id={id} value={note} rows={4} maxLength={5000} onChange={(event) => setNote(event.target.value)} {...fieldStyle} />
      )}
    </Field>
  );
  return (
    <ActionFlow
      orderId={order.id}
      form={form}
      canReview={note !== (order.note ?? '')}
      review={() => ({
        confirmLabel: text.noteConfirm,
        will: (
          <Stack gap="1">
            <Text>{text.noteWill(order.name, note.trim() === '')}</Text>
            {note.trim() && (
              <Text whiteSpace="pre-wrap" ps="2" borderStartWidth="2px" borderColor="card.border">
                {note}
              </Text>
            )}
          </Stack>
        ),
      })}
      perform={(key) => runAction.note({ orderId: order.id, key, note, context })}
      onClose={onClose}
    />
  );
}

function InvoiceLink({ url }: { url: string }) {
  const { actions } = useCardEnv();
  const announce = useAnnounce();
  return (
    <Stack gap="2">
      <Text fontWeight="medium">{text.invoiceLink}</Text>
      <Text wordBreak="break-all">{url}</Text>
      <Flex gap="2" wrap="wrap">
        <Button
          size="xs"
          variant="outline"
          onClick={() => void copyText(url).then((copied) => announce(copied ? text.copied : text.copyFailed))}
        >
          {text.copyLink}
        </Button>
        {actions.insertText && (
          <Button
            size="xs"
            variant="outline"
            onClick={() => {
              actions.insertText?.(url);
              announce(text.inserted);
            }}
          >
            {text.insertLink}
          </Button>
        )}
      </Flex>
    </Stack>
  );
}

export function DraftOrderForm({ order, context, onClose }: FormProps) {
  return (
    <ActionFlow
      orderId={order.id}
      form={<Text>{text.draftWill(order.name)}</Text>}
      canReview
      review={() => ({ confirmLabel: text.draftConfirm, will: <Text>{text.draftWill(order.name)}</Text> })}
      perform={(key) => runAction.draftOrder({ orderId: order.id, key, context })}
      done={(outcome) => outcome.invoiceUrl && <InvoiceLink url={outcome.invoiceUrl} />}
      onClose={onClose}
    />
  );
}
