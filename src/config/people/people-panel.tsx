import { Alert, Box, Button, Field, Heading, HStack, Input, List, Stack, Text } from '@chakra-ui/react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { peopleListQueryOptions } from '../../api/people';
import type { Person } from '../../shared/people';
import { problemText } from '../problem-text';
import { countryName, formatPhone, personName } from './people-format';
import { peopleStrings } from './people-strings';
import { PersonPage } from './person-page';

const t = peopleStrings.people;
const SEARCH_SETTLE_MS = 300;

function PersonRow({ person, onOpen }: { person: Person; onOpen: () => void }) {
  const place = [person.city, person.country ? countryName(person.country) : null].filter(Boolean).join(', ');
  return (
    <List.Item borderBottomWidth="1px" borderColor="card.border" py="2" data-person-id={person.id}>
      <Stack gap="0.5" minW="0">
        <Box>
          <Button variant="plain" p="0" h="auto" minW="0" textDecoration="underline" fontWeight="semibold" onClick={onOpen}>
            {personName(person)}
          </Button>
        </Box>
        <HStack gap="3" flexWrap="wrap" color="fg.muted" fontSize="sm">
          {person.emails[0] && <Text>{person.emails[0]}</Text>}
          {person.phones[0] && <Text>{formatPhone(person.phones[0])}</Text>}
          {place && <Text>{place}</Text>}
        </HStack>
      </Stack>
    </List.Item>
  );
}

/** The People tab: search the directory by name, email or phone, page through it, and open a person. */
export function PeoplePanel() {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<string | null>(null);
  const people = useInfiniteQuery(peopleListQueryOptions(query));

  // The list follows what is typed once typing settles; Enter searches at once.
  useEffect(() => {
    const settle = setTimeout(() => setQuery(typed.trim()), SEARCH_SETTLE_MS);
    return () => clearTimeout(settle);
  }, [typed]);

  // Back from a person: focus returns to their row, or to the heading when they are gone.
  useEffect(() => {
    if (openId !== null || returnTo.current === null) return;
    const button = document.querySelector<HTMLElement>(`[data-person-id="${CSS.escape(returnTo.current)}"] button`);
    returnTo.current = null;
    (button ?? heading.current)?.focus();
  }, [openId, people.data]);

  if (openId !== null) {
    return (
      <PersonPage
        id={openId}
        onBack={() => {
          returnTo.current = openId;
          setOpenId(null);
        }}
        onDeleted={(name) => {
          setNotice(t.deleted(name));
          setOpenId(null);
        }}
      />
    );
  }

  function search(event: FormEvent) {
    event.preventDefault();
    setQuery(typed.trim());
  }

  const found = people.data?.pages.flatMap((page) => page.people) ?? [];
  const more = people.hasNextPage;
  let summary: string;
  if (people.isPending) summary = t.loading;
  else if (people.isError && found.length === 0) summary = t.failed;
  else if (found.length === 0) summary = query ? t.noMatch(query) : t.empty;
  else summary = t.showing(found.length, more);

  return (
    <Stack as="section" gap="5" aria-labelledby="people-heading">
      <Stack gap="1">
        <Heading as="h2" size="lg" id="people-heading" ref={heading} tabIndex={-1} outline="none">
          {t.heading}
        </Heading>
        <Text color="fg.muted">{t.intro}</Text>
      </Stack>

      {notice && (
        <Alert.Root status="success" role="status">
          <Alert.Indicator />
          <Alert.Title>{notice}</Alert.Title>
        </Alert.Root>
      )}

      <form role="search" aria-label={t.search} onSubmit={search}>
        <Field.Root maxW="xl">
          <Field.Label>{t.search}</Field.Label>
          <HStack gap="2" w="full">
            <Input type="search" value={typed} autoComplete="off" spellCheck={false} onChange={(event) => setTyped(event.target.value)} />
            <Button type="submit" variant="outline" flexShrink={0}>
              {t.searchButton}
            </Button>
          </HStack>
          <Field.HelperText>{t.searchHelp}</Field.HelperText>
        </Field.Root>
      </form>

      <Text role="status">{summary}</Text>
      {people.isError && (
        <HStack gap="3" flexWrap="wrap" role="alert">
          <Text>{problemText(people.error)}</Text>
          <Button size="sm" variant="outline" onClick={() => void people.refetch()}>
            {t.retry}
          </Button>
        </HStack>
      )}

      {found.length > 0 && (
        <List.Root aria-label={t.listLabel} listStyleType="none">
          {found.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              onOpen={() => {
                setNotice(null);
                setOpenId(person.id);
              }}
            />
          ))}
        </List.Root>
      )}

      {more && (
        <Box>
          <Button
            variant="outline"
            onClick={() => void (people.isFetchingNextPage || people.fetchNextPage())}
            aria-disabled={people.isFetchingNextPage || undefined}
          >
            {people.isFetchingNextPage ? t.loadingMore : t.more}
          </Button>
        </Box>
      )}
    </Stack>
  );
}
