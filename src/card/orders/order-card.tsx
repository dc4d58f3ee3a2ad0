import { Box, chakra, Flex, VisuallyHidden } from '@chakra-ui/react';
import type { FieldFormat, FieldKey } from '../../shared/fields';
import { fieldDefinition } from '../../shared/fields';
import type { OrderFlag, OrderSummary } from '../../shared/wire';
import { StatusBadge } from '../../ui/status-badge';
import { FormattedValue } from '../fields/format-field';
import { formatDate, formatRelative } from '../fields/format-values';
import { flagExplains, flagTones, orderFlagsOf } from './order-flags';
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
  /** Open beside the list: marked for the eye and for screen readers. */
  current?: boolean;
};

/** The id of the button that opens an order, so that coming back from its details can focus it. */
export function orderButtonId(orderId: string): string {
  return `open-${orderId}`;
}

/** Values that say what they are (an amount, a status, a date): their label is for screen readers only. */
const selfSpeaking: ReadonlySet<FieldFormat> = new Set<FieldFormat>(['money', 'status', 'date', 'number', 'email', 'phone']);

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

/** When the order was placed: the BFF sends it with every order; an older answer has it only as a chosen field. */
function placedAt(order: OrderSummary): string | null {
  const field = order.fields['order.createdAt'];
  return order.createdAt ?? (typeof field === 'string' ? field : null);
}

/** The flags said in the place of the status they explain, and those said on their own. */
function placeFlags(flags: readonly OrderFlag[], rows: readonly FieldKey[]) {
  const inPlace = new Map<FieldKey, OrderFlag>();
  for (const flag of flags) {
    const key = flagExplains[flag];
    if (key && rows.includes(key) && !inPlace.has(key)) inPlace.set(key, flag);
  }
  const placed = new Set(inPlace.values());
  return { inPlace, alone: flags.filter((flag) => !placed.has(flag)) };
}

/**
 * One order in the list, in about two lines: its number and when it was placed, then the fields the
 * admin chose for the order card, with what is wrong with it said once.
 */
export function OrderCard({ order, fields, locale, now, onOpen, onIntent, current = false }: OrderCardProps) {
  const flags = orderFlagsOf(order, now);
  const loudest = flags[0] ? flagTones[flags[0]] : null;
  const placed = placedAt(order);
  const date = placed ? formatDate(placed, locale) : null;
  // The number and the date are the heading; they are not repeated as fields.
  const rows = fields.filter((key) => key !== 'order.name' && !(key === 'order.createdAt' && date));
  const { inPlace, alone } = placeFlags(flags, rows);

  return (
    <Box
      as="article"
      aria-label={order.name}
      position="relative"
      display="grid"
      gap="0.5"
      px="3"
      py="1.5"
      minW="0"
      borderWidth="1px"
      borderColor={current ? 'card.selected' : 'card.border'}
      outline={current ? '1px solid' : undefined}
      outlineColor={current ? 'card.selected' : undefined}
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
      <Flex gap="2" rowGap="0" wrap="wrap" align="baseline" minW="0" pe="4">
        <Box as="h3" fontSize="sm" minW="0">
          <OpenButton type="button" id={orderButtonId(order.id)} onClick={() => onOpen(order)} aria-current={current || undefined}>
            <VisuallyHidden>{strings.orderCard.open}</VisuallyHidden> {order.name}
          </OpenButton>
        </Box>
        {placed && date && (
          <Box as="p" fontSize="xs" color="card.muted" minW="0">
            <VisuallyHidden>{strings.orderCard.placed} </VisuallyHidden>
            <time dateTime={placed}>{date}</time> · {formatRelative(new Date(placed).getTime(), now)}
          </Box>
        )}
      </Flex>
      <Box as="span" aria-hidden="true" position="absolute" top="1.5" insetEnd="3" color="card.muted" fontSize="lg" lineHeight="1">
        ›
      </Box>
      {(rows.length > 0 || alone.length > 0) && (
        <Flex as="dl" wrap="wrap" columnGap="2.5" rowGap="1" align="center" minW="0" fontSize="sm">
          {rows.map((key) => {
            const { label, format } = fieldDefinition(key);
            const flag = inPlace.get(key);
            return (
              <Flex key={key} gap="1" align="baseline" minW="0" maxW="full">
                {selfSpeaking.has(format) ? (
                  <VisuallyHidden as="dt">{label}</VisuallyHidden>
                ) : (
                  <Box as="dt" fontSize="xs" color="card.muted" flexShrink={0}>
                    {label}:
                  </Box>
                )}
                <Box as="dd" minW="0">
                  {flag ? (
                    <StatusBadge label={strings.flags[flag]} tone={flagTones[flag]} />
                  ) : (
                    <FormattedValue format={format} value={order.fields[key]} locale={locale} density="compact" />
                  )}
                </Box>
              </Flex>
            );
          })}
          {alone.length > 0 && (
            <Flex gap="1" wrap="wrap" minW="0">
              <VisuallyHidden as="dt">{strings.orderCard.needsAttentionGroup}</VisuallyHidden>
              {alone.map((flag) => (
                <Box as="dd" key={flag}>
                  <StatusBadge label={strings.flags[flag]} tone={flagTones[flag]} />
                </Box>
              ))}
            </Flex>
          )}
        </Flex>
      )}
    </Box>
  );
}
