import { Box, Button, Heading, HStack, List, Stack, Table, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isApiError } from '../../api/http';
import { personQueryOptions } from '../../api/people';
import { peopleStandardFields, type PeopleStandardField, type PersonDetail } from '../../shared/people';
import { EmptyValue } from '../../ui/empty-value';
import { ExternalLink } from '../../ui/external-link';
import { problemText } from '../problem-text';
import { DeletePersonDialog } from './delete-person-dialog';
import { countryName, formatAttribute, formatPhone, personName } from './people-format';
import { peopleStrings } from './people-strings';
import { PersonEvents } from './person-events';

const t = peopleStrings.person;

/** The standard fields shown in the table: contacts have their own section. */
const tableFields: PeopleStandardField[] = ['firstName', 'lastName', 'address', 'city', 'country', 'birthDate', 'tags', 'externalId'];

function standardValue(person: PersonDetail, field: PeopleStandardField): string | null {
  switch (field) {
    case 'country':
      return person.country ? `${countryName(person.country)} (${person.country})` : null;
    case 'birthDate':
      return person.birthDate ? formatAttribute(person.birthDate, 'date') : null;
    case 'tags':
      return person.tags.length ? person.tags.join(', ') : null;
    case 'emails':
    case 'phones':
      return null;
    default:
      return person[field];
  }
}

type FieldRow = { key: string; label: ReactNode; value: string | null; version: number | undefined };

function fieldRows(person: PersonDetail): FieldRow[] {
  const standard = tableFields.map((field) => ({
    key: `standard:${field}`,
    label: peopleStandardFields[field].label,
    value: standardValue(person, field),
    version: person.fieldVersions[field],
  }));
  const attributes = Object.entries(person.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, attribute]) => ({
      key: `attribute:${key}`,
      label: (
        <Text as="span" fontFamily="mono" fontSize="xs">
          {key}
        </Text>
      ),
      value: formatAttribute(attribute.value, attribute.type),
      version: attribute.mappingVersion,
    }));
  return [...standard, ...attributes];
}

function Contacts({ person }: { person: PersonDetail }) {
  const part = (label: string, values: string[]) => (
    <Stack gap="0.5">
      <Text as="dt" fontWeight="medium">
        {label}
      </Text>
      {values.length === 0 ? (
        <Text as="dd">{t.none}</Text>
      ) : (
        values.map((value) => (
          <Text as="dd" key={value} overflowWrap="anywhere">
            {value}
          </Text>
        ))
      )}
    </Stack>
  );
  return (
    <Stack as="section" gap="2" aria-labelledby="person-contact-heading">
      <Heading as="h3" size="md" id="person-contact-heading">
        {t.contact}
      </Heading>
      <Stack as="dl" gap="3" direction={{ base: 'column', sm: 'row' }} columnGap="10">
        {part(t.emails, person.emails)}
        {part(t.phones, person.phones.map(formatPhone))}
      </Stack>
    </Stack>
  );
}

function Fields({ person }: { person: PersonDetail }) {
  return (
    <Stack as="section" gap="2" aria-labelledby="person-fields-heading">
      <Heading as="h3" size="md" id="person-fields-heading">
        {t.fields}
      </Heading>
      {/* A fixed layout wraps long keys and values, so the table fits a 360 px wide frame without scrolling sideways. */}
      <Box borderWidth="1px" borderRadius="md">
        <Table.Root size="sm" tableLayout="fixed" w="full">
          <Table.Caption srOnly>{t.fieldsCaption}</Table.Caption>
          <Table.ColumnGroup>
            <Table.Column w="36%" />
            <Table.Column w="40%" />
            <Table.Column w="24%" />
          </Table.ColumnGroup>
          <Table.Header>
            <Table.Row>
              {t.columns.map((column) => (
                <Table.ColumnHeader key={column}>{column}</Table.ColumnHeader>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {fieldRows(person).map((row) => (
              <Table.Row key={row.key}>
                <Table.Cell overflowWrap="anywhere">{row.label}</Table.Cell>
                <Table.Cell overflowWrap="anywhere">{row.value ?? <EmptyValue label={t.notSet} />}</Table.Cell>
                <Table.Cell color="fg.muted">{row.value !== null && row.version !== undefined ? t.version(row.version) : null}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      </Box>
    </Stack>
  );
}

function FromShopify({ person }: { person: PersonDetail }) {
  const number = person.shopifyCustomerId.split('/').pop() ?? person.shopifyCustomerId;
  return (
    <Stack as="section" gap="1" aria-labelledby="person-shopify-heading">
      <Heading as="h3" size="md" id="person-shopify-heading">
        {t.shopify}
      </Heading>
      <Text>
        {t.customer(number)}:{' '}
        <ExternalLink href={person.shopifyAdminUrl} newTabHint={t.newTab}>
          {t.openInShopify}
        </ExternalLink>
      </Text>
      <List.Root listStyleType="none" gap="0.5" color="fg.muted">
        <List.Item>{t.lastSynced(person.syncedAt)}</List.Item>
        {person.shopifyUpdatedAt && <List.Item>{t.updatedInShopify(person.shopifyUpdatedAt)}</List.Item>}
        <List.Item>{t.inPeopleSince(person.createdAt)}</List.Item>
      </List.Root>
    </Stack>
  );
}

type PersonPageProps = { id: string; onBack: () => void; onDeleted: (name: string) => void };

/** A person's page: contacts, fields and attributes with the mapping version that wrote each, events, Shopify, Delete. */
export function PersonPage({ id, onBack, onDeleted }: PersonPageProps) {
  const person = useQuery(personQueryOptions(id));
  const [deleting, setDeleting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = person.data !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  const back = (
    <Box>
      <Button variant="outline" size="sm" onClick={onBack}>
        <span aria-hidden="true">←</span> {t.back}
      </Button>
    </Box>
  );

  if (!person.data) {
    const gone = isApiError(person.error) && person.error.code === 'NOT_FOUND';
    return (
      <Stack gap="4">
        {back}
        {person.isError ? (
          <Text role="alert">{gone ? t.gone : `${t.failed} ${problemText(person.error)}`}</Text>
        ) : (
          <Text role="status">{t.loading}</Text>
        )}
      </Stack>
    );
  }

  const shown = person.data;
  const name = personName(shown);
  return (
    <Stack as="article" gap="6" aria-labelledby="person-heading">
      {back}
      <HStack justify="space-between" alignItems="flex-start" flexWrap="wrap" gap="3">
        <Heading as="h2" size="xl" id="person-heading" ref={heading} tabIndex={-1} outline="none" overflowWrap="anywhere">
          {name}
        </Heading>
        <Button colorPalette="red" variant="outline" onClick={() => setDeleting(true)}>
          {t.delete}
        </Button>
      </HStack>
      <Contacts person={shown} />
      <FromShopify person={shown} />
      <Fields person={shown} />
      <PersonEvents events={shown.events} />
      <DeletePersonDialog
        person={deleting ? { id: shown.id, name } : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          setDeleting(false);
          onDeleted(name);
        }}
      />
    </Stack>
  );
}
