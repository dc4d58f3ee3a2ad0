import { Badge, Box, Heading, HStack, Stack, Text, VisuallyHidden } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { fieldDefinition, type FieldKey, type FieldValue, type FormatValue, type Money } from '../shared/fields';
import type { FieldMapping } from '../shared/mapping';
import { StatusBadge } from '../ui/status-badge';
import { sampleValue } from './preview-samples';
import { strings } from './strings';

const t = strings.preview;

function money({ amount, currencyCode }: Money): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currencyCode }).format(Number(amount));
  } catch {
    return `${amount} ${currencyCode}`;
  }
}

const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const words = (status: string) => {
  const text = status.replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A plain rendering of each format with Intl; the card has its own, richer formatter. */
const render: { [F in keyof FormatValue]: (value: FormatValue[F]) => ReactNode } = {
  text: (value) => value,
  email: (value) => value,
  phone: (value) => value,
  number: (value) => new Intl.NumberFormat().format(value),
  money,
  date: (value) => date.format(new Date(value)),
  status: (value) => <StatusBadge label={words(value)} tone="neutral" />,
  address: (lines) =>
    lines.map((line, i) => (
      <Box as="span" display="block" key={i}>
        {line}
      </Box>
    )),
  tags: (tags) => tags.join(', '),
  lineItems: (items) =>
    items.map((item, i) => (
      <Box as="span" display="block" key={i}>
        {item.title}
        {item.variantTitle ? ` (${item.variantTitle})` : ''} · {t.quantityTimesPrice(String(item.quantity), money(item.unitPrice))}
      </Box>
    )),
  tracking: (shipments) =>
    shipments.map((s, i) => (
      <Box as="span" display="block" key={i}>
        {[s.company, s.number].filter(Boolean).join(' ')}
      </Box>
    )),
  shipments: (shipments) =>
    shipments.map((s, i) => (
      <Box as="span" display="block" key={i}>
        {s.status ? words(s.status) : null} · {s.items.join(', ')}
      </Box>
    )),
  transactions: (payments) =>
    payments.map((p, i) => (
      <Box as="span" display="block" key={i}>
        {words(p.kind)} · {words(p.status)} · {p.amount ? money(p.amount) : null}
      </Box>
    )),
  refunds: (refunds) =>
    refunds.map((r, i) => (
      <Box as="span" display="block" key={i}>
        {r.amount ? money(r.amount) : null} {r.note}
      </Box>
    )),
  cancellation: (value) => [date.format(new Date(value.at)), value.reason ? words(value.reason) : null].filter(Boolean).join(' · '),
};

function PreviewValue({ fieldKey }: { fieldKey: FieldKey }) {
  const value = sampleValue(fieldKey) as FieldValue | null;
  if (value === null) {
    return (
      <span>
        <span aria-hidden="true">—</span>
        <VisuallyHidden>{t.notSet}</VisuallyHidden>
      </span>
    );
  }
  const format = fieldDefinition(fieldKey).format;
  return <>{(render[format] as (v: FieldValue) => ReactNode)(value)}</>;
}

function Fields({ keys }: { keys: readonly (FieldKey | null)[] }) {
  const chosen = keys.filter((key): key is FieldKey => key !== null);
  if (chosen.length === 0) return <Text color="fg.muted">{t.noFields}</Text>;
  return (
    <Box as="dl" display="grid" gap="2">
      {chosen.map((key, i) => (
        <Box key={`${key}-${i}`} minW="0">
          <Text as="dt" fontSize="xs" color="fg.muted">
            {fieldDefinition(key).label}
          </Text>
          <Box as="dd" minW="0">
            <PreviewValue fieldKey={key} />
          </Box>
        </Box>
      ))}
    </Box>
  );
}

function Part({ title, label, children }: { title: string; label: string; children: ReactNode }) {
  return (
    <Stack as="section" gap="2" aria-label={label}>
      <Heading as="h4" size="sm">
        {title}
      </Heading>
      <Box p="3" borderWidth="1px" borderRadius="md" bg="bg">
        {children}
      </Box>
    </Stack>
  );
}

type Draftish = { [L in keyof FieldMapping]: readonly (FieldKey | null)[] };

/** The card as agents will see it with the fields being edited, filled with sample values. */
export function CardPreview({ mapping }: { mapping: Draftish }) {
  const orderName = String(sampleValue('order.name'));
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
      <Part title={t.orders} label={`${t.heading}: ${strings.mapping.sections.orderCard.title}`}>
        <Fields keys={mapping.orderCard} />
      </Part>
      <Part title={t.orderDetails(orderName)} label={`${t.heading}: ${strings.mapping.sections.orderDetails.title}`}>
        <Fields keys={mapping.orderDetails} />
      </Part>
      <Part title={t.customer} label={`${t.heading}: ${strings.mapping.sections.customerDetails.title}`}>
        <Fields keys={mapping.customerDetails} />
      </Part>
    </Stack>
  );
}
