import { Box, Button, Heading, HStack, IconButton, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { fieldCatalogue, type FieldKey } from '../shared/fields';
import { fieldDescriptions } from './field-descriptions';
import { FieldPicker } from './field-picker';
import type { DraftRow, SectionSpec } from './mapping-draft';
import { problemColor } from './problem-color';
import { strings } from './strings';

const t = strings.mapping;

type FieldListEditorProps = {
  section: SectionSpec;
  rows: DraftRow[];
  /** Problems to show, by row id, and for the list as a whole. */
  rowProblems: ReadonlyMap<number, string>;
  listProblem: string | undefined;
  onChange: (rows: DraftRow[]) => void;
  onAdd: () => void;
};

/**
 * One list of fields (Order card, Order details, Customer details): a field per row, Add Field below,
 * an X on each row. Going past the list's limits is refused with the reason, never silently.
 */
export function FieldListEditor({ section, rows, rowProblems, listProblem, onChange, onAdd }: FieldListEditorProps) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const taken = new Set(rows.flatMap((r) => (r.key ? [r.key] : [])));
  const headingId = `${section.list}-heading`;
  const helpId = `${section.list}-help`;
  const refusalId = `${section.list}-refusal`;

  function add() {
    if (rows.length >= section.max) return setRefusal(t.atMost(section.title, section.max));
    setRefusal(null);
    onAdd();
  }

  function remove(id: number) {
    if (rows.length <= section.min) return setRefusal(t.atLeast(section.title, section.min));
    setRefusal(null);
    onChange(rows.filter((r) => r.id !== id));
  }

  function choose(id: number, key: FieldKey) {
    setRefusal(null);
    onChange(rows.map((r) => (r.id === id ? { ...r, key } : r)));
  }

  return (
    <Stack as="section" gap="3" aria-labelledby={headingId}>
      <Stack gap="1">
        <Heading as="h3" size="md" id={headingId}>
          {section.title}
        </Heading>
        <Text id={helpId} color="fg.muted">
          {section.help}
        </Text>
      </Stack>
      <Stack as="ol" gap="3" listStyleType="none" aria-labelledby={headingId}>
        {rows.map((r, index) => {
          const problem = rowProblems.get(r.id);
          const problemId = `${section.list}-row-${r.id}-problem`;
          const label = t.fieldLabel(section.title, index + 1);
          const chosen = r.key ? fieldDescriptions[r.key] : null;
          return (
            <Box as="li" key={r.id}>
              <HStack gap="2" alignItems="flex-start">
                <Text aria-hidden="true" w="5" pt="2" color="fg.muted" textAlign="end" flexShrink={0}>
                  {index + 1}.
                </Text>
                <Stack gap="1" flex="1" minW="0">
                  <FieldPicker
                    entity={section.entity}
                    value={r.key}
                    taken={taken}
                    label={label}
                    invalid={problem !== undefined}
                    describedBy={problem ? problemId : undefined}
                    onChange={(key) => choose(r.id, key)}
                    onlyCardFields={section.list === 'orderCard'}
                  />
                  {chosen && (
                    <Text color="fg.muted" fontSize="xs">
                      {chosen.description}
                    </Text>
                  )}
                  {problem && (
                    <Text id={problemId} color={problemColor} fontSize="sm">
                      {problem}
                    </Text>
                  )}
                </Stack>
                <IconButton
                  variant="ghost"
                  aria-label={t.removeField(section.title, index + 1, r.key ? fieldCatalogue[r.key].label : null)}
                  aria-disabled={rows.length <= section.min ? true : undefined}
                  aria-describedby={rows.length <= section.min ? helpId : undefined}
                  onClick={() => remove(r.id)}
                >
                  <Box as="span" aria-hidden="true" fontSize="lg" lineHeight="1">
                    ✕
                  </Box>
                </IconButton>
              </HStack>
            </Box>
          );
        })}
      </Stack>
      {listProblem && (
        <Text color={problemColor} fontSize="sm">
          {listProblem}
        </Text>
      )}
      <Box role="status" aria-live="polite">
        {refusal && (
          <Text id={refusalId} color={problemColor} fontSize="sm">
            {refusal}
          </Text>
        )}
      </Box>
      <Box>
        <Button
          variant="outline"
          size="sm"
          onClick={add}
          aria-disabled={rows.length >= section.max ? true : undefined}
          aria-describedby={rows.length >= section.max ? helpId : undefined}
        >
          {t.addField}
        </Button>
      </Box>
    </Stack>
  );
}
