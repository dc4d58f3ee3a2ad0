import { Box, Grid, IconButton, NativeSelect, Stack, Text } from '@chakra-ui/react';
import {
  isShopifyCustomerField,
  peopleStandardFields,
  shopifyCustomerFields,
  valueTypeLabels,
  type CustomAttribute,
} from '../../shared/people';
import { problemColor } from '../problem-color';
import type { DraftRow } from './people-mapping-draft';
import { peopleStrings } from './people-strings';

const t = peopleStrings.mapping;

const sources = Object.entries(shopifyCustomerFields);
const standards = Object.entries(peopleStandardFields);

type MappingRowEditorProps = {
  row: DraftRow;
  /** 1-based, as the admin counts. */
  number: number;
  attributes: readonly CustomAttribute[];
  problems: readonly string[];
  onChange: (part: 'source' | 'target', value: string) => void;
  onRemove: () => void;
};

/** One row of the mapping: a Shopify customer field into a People field, its problems beneath, X to remove it. */
export function MappingRowEditor({ row, number, attributes, problems, onChange, onRemove }: MappingRowEditorProps) {
  const problemId = `people-row-${row.id}-problems`;
  const sourceHelpId = `people-row-${row.id}-source-help`;
  const invalid = problems.length > 0;
  const source = isShopifyCustomerField(row.source) ? shopifyCustomerFields[row.source] : null;
  const describedBy = (own?: string) => [own, invalid ? problemId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <Box as="li" borderBottomWidth="1px" borderColor="card.border" py="3">
      <Grid templateColumns={{ base: 'minmax(0, 1fr) auto', md: 'minmax(0, 1fr) minmax(0, 1fr) auto' }} gap="2" alignItems="start">
        <Stack gap="1" minW="0">
          <NativeSelect.Root invalid={invalid && !row.source}>
            <NativeSelect.Field
              aria-label={t.sourceLabel(number)}
              aria-describedby={describedBy(source ? sourceHelpId : undefined)}
              aria-invalid={invalid || undefined}
              value={row.source}
              onChange={(event) => onChange('source', event.target.value)}
            >
              <option value="">{t.chooseSource}</option>
              {sources.map(([key, field]) => (
                <option key={key} value={key}>
                  {`${field.label} ${t.typeHint(valueTypeLabels[field.type])}`}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
          {source && (
            <Text id={sourceHelpId} color="fg.muted" fontSize="xs">
              {source.description}
            </Text>
          )}
        </Stack>
        <Box gridColumn={{ base: '1', md: 'auto' }} gridRow={{ base: '2', md: 'auto' }} minW="0">
          {/* Stacked on a narrow screen, the two columns read as one thing going into the other. */}
          <Text aria-hidden="true" display={{ base: 'block', md: 'none' }} color="fg.muted" fontSize="xs" mb="1">
            {t.into}
          </Text>
          <NativeSelect.Root invalid={invalid}>
            <NativeSelect.Field
              aria-label={t.targetLabel(number)}
              aria-describedby={describedBy()}
              aria-invalid={invalid || undefined}
              value={row.target}
              onChange={(event) => onChange('target', event.target.value)}
            >
              <option value="">{t.chooseTarget}</option>
              <optgroup label={t.standardGroup}>
                {standards.map(([key, field]) => (
                  <option key={key} value={`standard:${key}`}>
                    {`${field.label} ${t.typeHint(valueTypeLabels[field.type])}`}
                  </option>
                ))}
              </optgroup>
              {attributes.length > 0 && (
                <optgroup label={t.attributeGroup}>
                  {attributes.map((attribute) => (
                    <option key={attribute.key} value={`attribute:${attribute.key}`}>
                      {`${attribute.key} ${t.typeHint(t.typeLabels[attribute.type].toLowerCase())}`}
                    </option>
                  ))}
                </optgroup>
              )}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Box>
        <IconButton
          gridColumn={{ base: '2', md: 'auto' }}
          gridRow={{ base: '1', md: 'auto' }}
          variant="ghost"
          aria-label={t.removeRow(number, source?.label ?? null)}
          onClick={onRemove}
        >
          <Box as="span" aria-hidden="true" fontSize="lg" lineHeight="1">
            ✕
          </Box>
        </IconButton>
      </Grid>
      {invalid && (
        <Stack id={problemId} gap="0.5" mt="1">
          {problems.map((message) => (
            <Text key={message} color={problemColor} fontSize="sm">
              {message}
            </Text>
          ))}
        </Stack>
      )}
    </Box>
  );
}
