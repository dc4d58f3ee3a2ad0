import { Alert, Box, Button, Grid, Heading, HStack, Stack, Tabs, Text } from '@chakra-ui/react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { configOverviewQueryOptions, useSaveMapping } from '../api/config';
import { isApiError } from '../api/http';
import type { SavedMappingView } from '../shared/config-wire';
import { CardPreview } from './card-preview';
import { FieldListEditor } from './field-list-editor';
import { checkDraft, rowsOf, sections, type DraftProblems, type MappingDraft, type MappingTab } from './mapping-draft';
import { problemText } from './problem-text';
import { problemColor } from './problem-color';
import { SaveOutcome } from './save-outcome';
import { strings, when } from './strings';

const t = strings.mapping;
const tabs: MappingTab[] = ['order', 'customer'];

type FieldMappingEditorProps = {
  saved: SavedMappingView | null;
  draft: MappingDraft;
};

/**
 * The card's fields on two tabs, Order information and Customer information, with a live preview
 * and Save. The draft lives with the page, so leaving the tab asks whether to keep editing or discard.
 */
export function FieldMappingEditor({ saved, draft }: FieldMappingEditorProps) {
  const queryClient = useQueryClient();
  const save = useSaveMapping();
  const [tab, setTab] = useState<MappingTab>('order');
  const [attempted, setAttempted] = useState(false);
  const [savedNow, setSavedNow] = useState<SavedMappingView | null>(null);
  const [reloading, setReloading] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const checked = checkDraft(draft.draft);
  // Problems show once the admin has tried to save, and then follow each edit.
  const problems: DraftProblems | null = attempted ? checked.problems : null;
  const conflict = save.isError && isApiError(save.error) && save.error.code === 'CONFIG_CONFLICT';
  const sessionOver =
    save.isError && isApiError(save.error) && (save.error.code === 'TOKEN_EXPIRED' || save.error.code === 'UNAUTHENTICATED');

  function onSave() {
    if (save.isPending) return;
    setAttempted(true);
    setSavedNow(null);
    if (!checked.mapping) {
      const first = tabs.find((name) => (checked.problems?.count[name] ?? 0) > 0);
      if (first) setTab(first);
      requestAnimationFrame(() => outcome.current?.focus());
      return;
    }
    save.mutate(
      { version: draft.version, mapping: checked.mapping },
      {
        onSuccess: (result) => {
          draft.reset(result);
          setAttempted(false);
          setSavedNow(result);
        },
        // Success is announced beside Save, where focus stays; a failure takes focus to its reason.
        onError: () => requestAnimationFrame(() => outcome.current?.focus()),
      },
    );
  }

  async function onReload() {
    setReloading(true);
    try {
      const overview = await queryClient.fetchQuery({ ...configOverviewQueryOptions(), staleTime: 0 });
      draft.reset(overview.mapping);
      save.reset();
      setAttempted(false);
    } finally {
      setReloading(false);
      // The alert with the Reload button is gone: continue from the top of the fields.
      requestAnimationFrame(() => heading.current?.focus());
    }
  }

  const status = (() => {
    if (save.isPending) return <Text>{t.saving}</Text>;
    if (savedNow) return <Text>{t.saved(savedNow.savedBy, savedNow.savedAt)}</Text>;
    if (draft.dirty) return <Text fontWeight="medium">{t.unsaved}</Text>;
    return null;
  })();

  return (
    <Stack as="section" gap="4" aria-labelledby="mapping-heading">
      <Stack gap="1">
        <Heading as="h2" size="lg" id="mapping-heading" ref={heading} tabIndex={-1} outline="none">
          {t.heading}
        </Heading>
        <Text color="fg.muted">{t.intro}</Text>
        <Text fontSize="sm">{saved ? t.lastSaved(saved.savedBy, saved.savedAt) : t.neverSaved}</Text>
      </Stack>

      {draft.restoredFrom !== null && (
        <Alert.Root status="info">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>{t.restoredTitle}</Alert.Title>
            <Alert.Description>
              {t.restored(when(new Date(draft.restoredFrom).toISOString()))}
              <Box mt="2">
                <Button size="sm" variant="outline" onClick={() => draft.reset(saved)}>
                  {t.discardRestored}
                </Button>
              </Box>
            </Alert.Description>
          </Alert.Content>
        </Alert.Root>
      )}

      <Grid templateColumns={{ base: '1fr', lg: 'minmax(0, 1fr) 22rem' }} gap="6" alignItems="start">
        <Stack gap="4" minW="0">
          <Tabs.Root value={tab} onValueChange={(details) => setTab(details.value as MappingTab)} variant="line" lazyMount unmountOnExit>
            <Tabs.List>
              {tabs.map((name) => {
                const count = problems?.count[name] ?? 0;
                return (
                  <Tabs.Trigger key={name} value={name}>
                    {count > 0 ? `${t.tabs[name]} ` : t.tabs[name]}
                    {count > 0 && (
                      <Text as="span" color={problemColor} fontSize="xs">
                        ({t.tabProblems(count)})
                      </Text>
                    )}
                  </Tabs.Trigger>
                );
              })}
            </Tabs.List>
            {tabs.map((name) => (
              <Tabs.Content key={name} value={name}>
                <Stack gap="8" pt="2">
                  {sections
                    .filter((section) => section.tab === name)
                    .map((section) => (
                      <FieldListEditor
                        key={section.list}
                        section={section}
                        rows={draft.draft[section.list]}
                        rowProblems={problems?.rows ?? new Map()}
                        listProblem={problems?.lists[section.list]}
                        onChange={(rows) => draft.setList(section.list, rows)}
                        onAdd={() => draft.addRow(section.list)}
                      />
                    ))}
                </Stack>
              </Tabs.Content>
            ))}
          </Tabs.Root>

          <SaveOutcome
            ref={outcome}
            words={t}
            fixFirst={problems !== null}
            conflict={conflict}
            reloading={reloading}
            onReload={onReload}
            failure={save.isError && !conflict ? (sessionOver && draft.kept ? t.sessionExpiredKept : problemText(save.error)) : null}
          />

          <HStack gap="4" flexWrap="wrap">
            <Button colorPalette="blue" onClick={onSave} aria-disabled={save.isPending || undefined}>
              {t.save}
            </Button>
            <Box role="status">{status}</Box>
          </HStack>
        </Stack>

        <CardPreview mapping={rowsOf(draft.draft)} />
      </Grid>
    </Stack>
  );
}
