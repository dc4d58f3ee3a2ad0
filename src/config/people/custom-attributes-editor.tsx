import { Box, Button, Field, Heading, HStack, IconButton, Input, List, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import {
  attributeTypes,
  customAttributeSchema,
  isPeopleStandardField,
  type AttributeType,
  type CustomAttribute,
} from '../../shared/people';
import { problemColor } from '../problem-color';
import { peopleStrings } from './people-strings';

const t = peopleStrings.mapping.attributes;
const typeLabels = peopleStrings.mapping.typeLabels;

type CustomAttributesEditorProps = {
  attributes: readonly CustomAttribute[];
  /** Keys a row maps into: those cannot be removed. */
  used: ReadonlySet<string>;
  problems: ReadonlyMap<string, string[]>;
  onCreate: (attribute: CustomAttribute) => void;
  onRemove: (key: string) => void;
};

/** The custom attributes of the mapping, and a form to create one with a name and a type, right on the page. */
export function CustomAttributesEditor({ attributes, used, problems, onCreate, onRemove }: CustomAttributesEditorProps) {
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('string');
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  function create(event: FormEvent) {
    event.preventDefault();
    setSaid(null);
    const parsed = customAttributeSchema.safeParse({ key: name.trim(), type });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? t.nameHelp);
    const { key } = parsed.data;
    if (isPeopleStandardField(key) || attributes.some((a) => a.key.toLowerCase() === key.toLowerCase())) return setError(t.exists(key));
    setError(null);
    setName('');
    onCreate(parsed.data);
    setSaid(t.created(key));
  }

  function remove(key: string) {
    if (used.has(key)) return setSaid(t.inUse(key));
    setSaid(null);
    onRemove(key);
  }

  return (
    <Stack as="section" gap="3" aria-labelledby="people-attributes-heading">
      <Stack gap="1">
        <Heading as="h3" size="md" id="people-attributes-heading">
          {t.heading}
        </Heading>
        <Text color="fg.muted">{t.intro}</Text>
      </Stack>
      {attributes.length === 0 ? (
        <Text>{t.none}</Text>
      ) : (
        <List.Root aria-label={t.listLabel} listStyleType="none" gap="1">
          {attributes.map((attribute) => (
            <List.Item key={attribute.key}>
              <HStack gap="2" flexWrap="wrap">
                <Text fontFamily="mono" fontSize="sm" overflowWrap="anywhere">
                  {attribute.key}
                </Text>
                <Text color="fg.muted">{typeLabels[attribute.type]}</Text>
                <IconButton
                  variant="ghost"
                  size="xs"
                  aria-label={t.remove(attribute.key)}
                  aria-disabled={used.has(attribute.key) || undefined}
                  onClick={() => remove(attribute.key)}
                >
                  <Box as="span" aria-hidden="true">
                    ✕
                  </Box>
                </IconButton>
              </HStack>
              {problems.get(attribute.key)?.map((message) => (
                <Text key={message} color={problemColor} fontSize="sm">
                  {message}
                </Text>
              ))}
            </List.Item>
          ))}
        </List.Root>
      )}
      <Box asChild borderWidth="1px" borderRadius="md" p="4">
        <form onSubmit={create} aria-label={t.create} noValidate>
          <Stack gap="3">
            <HStack gap="3" alignItems="flex-start" flexWrap="wrap">
              <Field.Root invalid={error !== null} flex="1 1 14rem" minW="0">
                <Field.Label>{t.name}</Field.Label>
                <Input
                  value={name}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => {
                    setName(event.target.value);
                    setError(null);
                  }}
                />
                {error ? (
                  <Field.ErrorText color={problemColor}>{error}</Field.ErrorText>
                ) : (
                  <Field.HelperText>{t.nameHelp}</Field.HelperText>
                )}
              </Field.Root>
              <Field.Root flex="0 1 12rem" minW="0">
                <Field.Label>{t.type}</Field.Label>
                <NativeSelect.Root>
                  <NativeSelect.Field value={type} onChange={(event) => setType(event.target.value as AttributeType)}>
                    {attributeTypes.map((value) => (
                      <option key={value} value={value}>
                        {typeLabels[value]}
                      </option>
                    ))}
                  </NativeSelect.Field>
                  <NativeSelect.Indicator />
                </NativeSelect.Root>
              </Field.Root>
            </HStack>
            <Box>
              <Button type="submit" variant="outline">
                {t.create}
              </Button>
            </Box>
          </Stack>
        </form>
      </Box>
      <Box role="status" aria-live="polite">
        {said && <Text fontSize="sm">{said}</Text>}
      </Box>
    </Stack>
  );
}
