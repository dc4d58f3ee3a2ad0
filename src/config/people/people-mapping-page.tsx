import { Alert, Box, Button, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/http';
import { peopleSyncQueryOptions, useSavePeopleMapping } from '../../api/people';
import type { SavedPeopleMapping } from '../../shared/people';
import { problemColor } from '../problem-color';
import { problemText } from '../problem-text';
import { SaveOutcome } from '../save-outcome';
import { useLeaveWarning } from '../use-leave-warning';
import { CustomAttributesEditor } from './custom-attributes-editor';
import { MappingRowEditor } from './mapping-row-editor';
import { checkPeopleDraft, hasProblems, inputOf, placeProblems, usePeopleMappingDraft, type DraftProblems } from './people-mapping-draft';
import { peopleStrings } from './people-strings';

const t = peopleStrings.mapping;

type MappingEditorProps = { saved: SavedPeopleMapping | null; active: boolean; onBack: () => void };

/** Merges the server's refusals (kept until the next edit) into the page's own findings. */
function merged(own: DraftProblems, server: DraftProblems | null): DraftProblems {
  if (!server) return own;
  const rows = new Map(own.rows);
  for (const [id, messages] of server.rows) rows.set(id, [...new Set([...(rows.get(id) ?? []), ...messages])]);
  const attributes = new Map(own.attributes);
  for (const [key, messages] of server.attributes) attributes.set(key, [...new Set([...(attributes.get(key) ?? []), ...messages])]);
  return { rows, attributes, list: own.list ?? server.list };
}

function MappingEditor({ saved, active, onBack }: MappingEditorProps) {
  const queryClient = useQueryClient();
  const draft = usePeopleMappingDraft(saved);
  const save = useSavePeopleMapping();
  const [attempted, setAttempted] = useState(false);
  const [serverProblems, setServerProblems] = useState<DraftProblems | null>(null);
  const [savedNow, setSavedNow] = useState<SavedPeopleMapping | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useLeaveWarning(draft.dirty);
  useEffect(() => heading.current?.focus(), []);

  // The rules are checked as the admin edits; a row still missing a field is pointed out once Save was tried.
  const problems = merged(checkPeopleDraft(draft.draft, attempted), serverProblems);
  const conflict = save.isError && isApiError(save.error) && save.error.code === 'CONFIG_CONFLICT';
  const refused = save.isError && isApiError(save.error) && save.error.errors.length > 0;
  const used = new Set(draft.draft.rows.flatMap((r) => (r.target.startsWith('attribute:') ? [r.target.slice('attribute:'.length)] : [])));

  /** Every edit clears what the last save was told: the page's own checks follow the edit from here. */
  function edited<A extends unknown[]>(edit: (...args: A) => void) {
    return (...args: A) => {
      setServerProblems(null);
      setSavedNow(null);
      setLeaving(false);
      edit(...args);
    };
  }

  function onSave() {
    if (save.isPending) return;
    setAttempted(true);
    setSavedNow(null);
    const sent = draft.draft;
    if (hasProblems(checkPeopleDraft(sent, true))) {
      requestAnimationFrame(() => outcome.current?.focus());
      return;
    }
    save.mutate(
      { mapping: inputOf(sent), version: draft.version },
      {
        onSuccess: (result) => {
          draft.reset(result);
          setAttempted(false);
          setSavedNow(result);
          queryClient.setQueryData(peopleSyncQueryOptions().queryKey, (state) => (state ? { ...state, mapping: result } : state));
        },
        onError: (error) => {
          if (isApiError(error) && error.errors.length) setServerProblems(placeProblems(sent, error.errors));
          requestAnimationFrame(() => outcome.current?.focus());
        },
      },
    );
  }

  async function onReload() {
    setReloading(true);
    try {
      const state = await queryClient.fetchQuery({ ...peopleSyncQueryOptions(), staleTime: 0 });
      draft.reset(state.mapping);
      save.reset();
      setAttempted(false);
      setServerProblems(null);
    } finally {
      setReloading(false);
      requestAnimationFrame(() => heading.current?.focus());
    }
  }

  function back() {
    if (draft.dirty && !leaving) return setLeaving(true);
    onBack();
  }

  const status = save.isPending ? t.saving : savedNow ? t.saved(savedNow.version) : draft.dirty ? t.unsaved : '';

  return (
    <Stack as="section" gap="6" aria-labelledby="people-mapping-heading">
      <Box>
        <Button variant="outline" size="sm" onClick={back}>
          <span aria-hidden="true">←</span> {t.back}
        </Button>
      </Box>
      {leaving && (
        <Alert.Root status="warning" role="alert">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>{t.leaveTitle}</Alert.Title>
            <Alert.Description>
              {t.leaveBody}
              <HStack mt="2" gap="2" flexWrap="wrap">
                <Button size="sm" onClick={() => setLeaving(false)}>
                  {t.stay}
                </Button>
                <Button size="sm" variant="outline" onClick={onBack}>
                  {t.discard}
                </Button>
              </HStack>
            </Alert.Description>
          </Alert.Content>
        </Alert.Root>
      )}
      <Stack gap="1">
        <Heading as="h2" size="lg" id="people-mapping-heading" ref={heading} tabIndex={-1} outline="none">
          {t.heading}
        </Heading>
        <Text color="fg.muted">{t.intro}</Text>
        <Text fontSize="sm">{saved ? t.lastSaved(saved.version, saved.savedBy, saved.savedAt) : t.basic}</Text>
      </Stack>

      <Stack as="section" gap="2" aria-labelledby="people-rows-heading">
        <Heading as="h3" size="md" id="people-rows-heading">
          {t.rowsCaption}
        </Heading>
        <HStack
          display={{ base: 'none', md: 'grid' }}
          gridTemplateColumns="minmax(0, 1fr) minmax(0, 1fr) 2.5rem"
          gap="2"
          aria-hidden="true"
        >
          <Text fontWeight="medium">{t.columns.source}</Text>
          <Text fontWeight="medium">{t.columns.target}</Text>
        </HStack>
        <Stack as="ol" gap="0" listStyleType="none" aria-labelledby="people-rows-heading">
          {draft.draft.rows.map((row, index) => (
            <MappingRowEditor
              key={row.id}
              row={row}
              number={index + 1}
              attributes={draft.draft.attributes}
              problems={problems.rows.get(row.id) ?? []}
              onChange={edited((part: 'source' | 'target', value: string) => draft.setRow(row.id, part, value))}
              onRemove={edited(() => draft.removeRow(row.id))}
            />
          ))}
        </Stack>
        {problems.list && (
          <Text color={problemColor} fontSize="sm">
            {problems.list}
          </Text>
        )}
        <Box>
          <Button variant="outline" size="sm" onClick={edited(() => draft.addRow())}>
            {t.addRow}
          </Button>
        </Box>
      </Stack>

      <CustomAttributesEditor
        attributes={draft.draft.attributes}
        used={used}
        problems={problems.attributes}
        onCreate={edited(draft.addAttribute)}
        onRemove={edited(draft.removeAttribute)}
      />

      <Stack gap="3">
        <SaveOutcome
          ref={outcome}
          words={t}
          fixFirst={attempted && !save.isError && hasProblems(problems)}
          conflict={conflict}
          reloading={reloading}
          onReload={onReload}
          failure={save.isError && !conflict ? (refused ? t.refused : problemText(save.error)) : null}
        />
        <Text id="people-mapping-note" fontWeight="medium">
          {active ? t.activeNote : t.inactiveNote}
        </Text>
        <HStack gap="4" flexWrap="wrap">
          <Button colorPalette="blue" onClick={onSave} aria-disabled={save.isPending || undefined} aria-describedby="people-mapping-note">
            {t.save}
          </Button>
          <Box role="status">{status && <Text>{status}</Text>}</Box>
        </HStack>
      </Stack>
    </Stack>
  );
}

/** Configure: the mapping page of "Shopify customers to people", with the saved mapping or the basic initial one. */
export function PeopleMappingPage({ onBack }: { onBack: () => void }) {
  const sync = useQuery(peopleSyncQueryOptions());
  if (!sync.data) {
    return sync.isError ? (
      <Stack gap="3" role="alert">
        <Text>{problemText(sync.error)}</Text>
        <Box>
          <Button variant="outline" size="sm" onClick={onBack}>
            {t.back}
          </Button>
        </Box>
      </Stack>
    ) : (
      <Text role="status">{t.loading}</Text>
    );
  }
  return <MappingEditor saved={sync.data.mapping} active={sync.data.active} onBack={onBack} />;
}
