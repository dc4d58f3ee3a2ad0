import { Box } from '@chakra-ui/react';
import { fieldDefinition, type FieldFormat, type FieldKey, type FieldValue } from '../../shared/fields';
import { FormattedValue } from './format-field';
import type { FormatOptions } from './format-values';

/** Formats whose values run over several lines: shown under their label rather than beside it. */
const blockFormats: ReadonlySet<FieldFormat> = new Set<FieldFormat>([
  'address',
  'tags',
  'lineItems',
  'tracking',
  'text',
  'shipments',
  'transactions',
  'refunds',
  'cancellation',
]);

const isEmpty = (value: FieldValue | null | undefined) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

type FieldListProps = FormatOptions & {
  /** The admin's fields, in their order. */
  keys: readonly FieldKey[];
  values: Partial<Record<FieldKey, FieldValue | null>>;
};

/** Fields as label and value pairs, each value with its format's formatter. Long values (addresses, items, notes) take the full width. */
export function FieldList({ keys, values, ...options }: FieldListProps) {
  return (
    <Box
      as="dl"
      display="grid"
      gridTemplateColumns="minmax(5rem, 38%) minmax(0, 1fr)"
      columnGap="3"
      rowGap={options.density === 'full' ? '3' : '1.5'}
      alignItems="baseline"
      minW="0"
    >
      {keys.map((key) => {
        const { label, format, hiddenWhenEmpty } = fieldDefinition(key);
        if (hiddenWhenEmpty && isEmpty(values[key])) return null;
        const block = blockFormats.has(format);
        // Each pair in a div (allowed in a dl) that joins the grid, so a long value can take both columns.
        return (
          <Box key={key} display="contents">
            <Box as="dt" gridColumn={block ? '1 / -1' : undefined} fontSize="xs" color="card.muted">
              {label}
            </Box>
            <Box as="dd" gridColumn={block ? '1 / -1' : undefined} mt={block ? '-1' : undefined} minW="0">
              <FormattedValue format={format} value={values[key]} {...options} />
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
