import { Box, chakra, Flex, VisuallyHidden } from '@chakra-ui/react';
import type { FieldKey } from '../../shared/fields';
import type { OrderSummary } from '../../shared/wire';
import { FieldList } from '../fields/field-list';
import { OrderFlagBadges } from './order-flag-badges';
import { flagTones, orderFlagsOf } from './order-flags';
import { strings } from '../strings';

type OrderCardProps = {
  order: OrderSummary;
  /** The admin's order-card fields, in their order. */
  fields: readonly FieldKey[];
  locale: string;
  now: number;
  onOpen: (order: OrderSummary) => void;
  /** Warms up what opening needs, on the first hint that the agent may open it. */
  onIntent?: () => void;
};

/** The id of the button that opens an order, so that coming back from its details can focus it. */
export function orderButtonId(orderId: string): string {
  return `open-${orderId}`;
}

/**
 * The whole card opens the order: its button's hit area is stretched over the card, and links
 * inside (a tracking link) sit above it.
 */
const OpenButton = chakra('button', {
  base: {
    font: 'inherit',
    fontWeight: 'semibold',
    color: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    outline: 'none',
    _after: { content: '""', position: 'absolute', inset: '0', borderRadius: 'md' },
    _focusVisible: {
      _after: { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: 'gray.focusRing', outlineOffset: '2px' },
    },
  },
});

/** One order in the list: its number, what is wrong with it, and the fields the admin chose for the order card. */
export function OrderCard({ order, fields, locale, now, onOpen, onIntent }: OrderCardProps) {
  const flags = orderFlagsOf(order, now);
  const loudest = flags[0] ? flagTones[flags[0]] : null;
  // The order number is the card's title; it is not repeated as a row.
  const rows = fields.filter((key) => key !== 'order.name');

  return (
    <Box
      as="article"
      aria-label={order.name}
      position="relative"
      display="grid"
      gap="2"
      p="3"
      minW="0"
      borderWidth="1px"
      borderColor="card.border"
      borderRadius="md"
      // A problem order has a bar of its tone along its start edge; its badges say what the problem is.
      boxShadow={loudest ? `inset 4px 0 0 {colors.status.${loudest}.border}` : undefined}
      data-flagged={loudest ? '' : undefined}
      bg="card.surface"
      transition="background-color 0.1s"
      _hover={{ bg: 'card.hover' }}
      css={{ '& a': { position: 'relative', zIndex: 1 } }}
      onPointerEnter={onIntent}
      onFocus={onIntent}
    >
      <Flex gap="2" rowGap="1" wrap="wrap" align="center" minW="0" pe="4">
        <Box as="h3" fontSize="sm" minW="0">
          <OpenButton type="button" id={orderButtonId(order.id)} onClick={() => onOpen(order)}>
            <VisuallyHidden>{strings.orderCard.open}</VisuallyHidden> {order.name}
          </OpenButton>
        </Box>
        <OrderFlagBadges flags={flags} minW="0" />
      </Flex>
      <Box as="span" aria-hidden="true" position="absolute" top="2.5" insetEnd="3" color="card.muted" fontSize="lg" lineHeight="1">
        ›
      </Box>
      {rows.length > 0 && <FieldList keys={rows} values={order.fields} locale={locale} density="compact" now={now} layout="tiles" />}
    </Box>
  );
}
