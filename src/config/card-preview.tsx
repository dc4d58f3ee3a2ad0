import { Badge, Box, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useState, type ReactNode } from 'react';
// The card's own components, so that the preview looks exactly like the card (lint allows these two).
import { FieldList } from '../card/fields/field-list';
import { OrderCard } from '../card/orders/order-card';
import type { FieldKey, FieldValue } from '../shared/fields';
import type { FieldMapping } from '../shared/mapping';
import { sampleValue } from './preview-samples';
import { strings } from './strings';

const t = strings.preview;

/** The agent's locale is not known here: the admin's stands in. */
const locale = () => globalThis.navigator?.language ?? 'en';

const chosen = (keys: readonly (FieldKey | null)[]) => keys.filter((key): key is FieldKey => key !== null);

function sampleValues(keys: readonly FieldKey[]): Partial<Record<FieldKey, FieldValue | null>> {
  return Object.fromEntries(keys.map((key) => [key, sampleValue(key) as FieldValue | null]));
}

/** A list of fields as the card lays them out in its details, filled with sample values. */
function Fields({ keys, now }: { keys: readonly (FieldKey | null)[]; now: number }) {
  const fields = chosen(keys);
  if (fields.length === 0) return <Text color="fg.muted">{t.noFields}</Text>;
  return <FieldList keys={fields} values={sampleValues(fields)} locale={locale()} density="full" now={now} />;
}

type PartProps = { title: string; label: string; children: ReactNode; id?: string; framed?: boolean };

function Part({ title, label, children, id, framed = true }: PartProps) {
  return (
    <Stack as="section" gap="2" aria-label={label} id={id} tabIndex={id ? -1 : undefined}>
      <Heading as="h4" size="sm">
        {title}
      </Heading>
      {framed ? (
        <Box p="3" borderWidth="1px" borderColor="card.border" borderRadius="md" bg="card.surface">
          {children}
        </Box>
      ) : (
        children
      )}
    </Stack>
  );
}

const DETAILS_ID = 'preview-order-details';

type Draftish = { [L in keyof FieldMapping]: readonly (FieldKey | null)[] };

/** The card as agents will see it with the fields being edited, filled with sample values. */
export function CardPreview({ mapping }: { mapping: Draftish }) {
  const orderName = String(sampleValue('order.name'));
  const [now] = useState(() => Date.now());
  const orderCardFields = chosen(mapping.orderCard);
  const order = { id: 'preview-order', name: orderName, fields: sampleValues(orderCardFields) };
  return (
    <Stack as="aside" aria-labelledby="preview-heading" gap="3" p="4" borderWidth="1px" borderRadius="lg" bg="bg.subtle" maxW="sm" w="full">
      <HStack justify="space-between">
        <Heading as="h3" size="md" id="preview-heading">
          {t.heading}
        </Heading>
        <Badge variant="outline">{t.sample}</Badge>
      </HStack>
      <Text fontSize="sm" color="fg.muted">
        {t.note}
      </Text>
      <Part title={t.orders} label={`${t.heading}: ${strings.mapping.sections.orderCard.title}`} framed={false}>
        {/* The card's own order card: opening it shows the order details below, as in the card. */}
        <OrderCard
          order={order}
          fields={orderCardFields}
          locale={locale()}
          now={now}
          onOpen={() => document.getElementById(DETAILS_ID)?.focus()}
        />
      </Part>
      <Part title={t.orderDetails(orderName)} label={`${t.heading}: ${strings.mapping.sections.orderDetails.title}`} id={DETAILS_ID}>
        <Fields keys={mapping.orderDetails} now={now} />
      </Part>
      <Part title={t.customer} label={`${t.heading}: ${strings.mapping.sections.customerDetails.title}`}>
        <Fields keys={mapping.customerDetails} now={now} />
      </Part>
    </Stack>
  );
}
