import { Box, Button, Flex, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { actionOrderQueryOptions, allowedActionsQueryOptions } from '../../api/actions';
import type { ActionKind, ActionOrder } from '../../shared/actions';
import { useCardEnv } from '../card-env';
import { useNarrow } from '../use-wide';
import { ActionDialog } from './action-dialog';
import { Problem } from './action-flow';
import { actionStrings as text } from './action-strings';
import { RefundForm } from './refund-dialog';
import { CancelForm, DraftOrderForm, NoteForm, TagForm } from './order-change-forms';

type Opened = 'refund' | 'cancel' | 'addTag' | 'removeTag' | 'editNote' | 'draftOrder';

const buttons: { opens: Opened; label: string; needs: ActionKind[] }[] = [
  { opens: 'refund', label: text.refund, needs: ['refund'] },
  { opens: 'cancel', label: text.cancel, needs: ['cancel'] },
  { opens: 'addTag', label: text.addTag, needs: ['orderTags', 'customerTags'] },
  { opens: 'removeTag', label: text.removeTag, needs: ['orderTags', 'customerTags'] },
  { opens: 'editNote', label: text.editNote, needs: ['orderNote'] },
  { opens: 'draftOrder', label: text.draftOrder, needs: ['draftOrder'] },
];

type OrderActionButtonsProps = { order: { id: string; name: string }; conversation: { conversationId?: string; host?: string } };

/** The order actions this agent may use, each a button opening its dialog; none when none is switched on. */
export function OrderActionButtons({ order, conversation }: OrderActionButtonsProps) {
  const allowed = useQuery(allowedActionsQueryOptions());
  const [opened, setOpened] = useState<Opened | null>(null);
  const narrow = useNarrow();
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const kinds = allowed.data?.allowed ?? [];
  const shown = buttons.filter((button) => button.needs.some((kind) => kinds.includes(kind)));
  if (shown.length === 0) return null;
  const label = buttons.find((button) => button.opens === opened)?.label ?? '';
  // In a narrow card, more than two actions would stack above the order's fields: they wait behind one button.
  const grouped = narrow && shown.length > 2;
  return (
    <>
      {grouped && (
        <Box>
          <Button variant="outline" size="xs" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded((was) => !was)}>
            {text.group(shown.length)} <span aria-hidden="true">{expanded ? '▴' : '▾'}</span>
          </Button>
        </Box>
      )}
      <Flex
        as="ul"
        id={listId}
        hidden={grouped && !expanded}
        display={grouped && !expanded ? 'none' : 'flex'}
        aria-label={text.buttons}
        gap="2"
        wrap="wrap"
        listStyleType="none"
      >
        {shown.map((button) => (
          <li key={button.opens}>
            <Button variant="outline" size="xs" onClick={() => setOpened(button.opens)}>
              {button.label}
            </Button>
          </li>
        ))}
      </Flex>
      {opened && (
        <ActionDialog title={`${label}: ${order.name}`} onClose={() => setOpened(null)}>
          <DialogBody opened={opened} orderId={order.id} allowed={kinds} conversation={conversation} onClose={() => setOpened(null)} />
        </ActionDialog>
      )}
    </>
  );
}

function DialogBody({
  opened,
  orderId,
  allowed,
  conversation,
  onClose,
}: {
  opened: Opened;
  orderId: string;
  allowed: readonly ActionKind[];
  conversation: { conversationId?: string; host?: string };
  onClose: () => void;
}) {
  const { locale } = useCardEnv();
  const order = useQuery(actionOrderQueryOptions(orderId));
  if (order.isPending) return <Text role="status">{text.loadingOrder}</Text>;
  if (order.isError) return <Problem>{text.orderUnreadable}</Problem>;
  const data: ActionOrder = order.data;
  const props = { order: data, context: conversation, onClose };
  const refusal = opened === 'refund' ? data.notAllowed.refund : opened === 'cancel' ? data.notAllowed.cancel : undefined;
  if (refusal) return <Problem>{text.cannot(refusal)}</Problem>;
  switch (opened) {
    case 'refund':
      return <RefundForm {...props} locale={locale} />;
    case 'cancel':
      return <CancelForm {...props} />;
    case 'addTag':
      return <TagForm {...props} mode="add" allowed={allowed} />;
    case 'removeTag':
      return <TagForm {...props} mode="remove" allowed={allowed} />;
    case 'editNote':
      return <NoteForm {...props} />;
    case 'draftOrder':
      return <DraftOrderForm {...props} />;
  }
}
