import { Alert, Box, Button, Card, HStack, IconButton, Menu, Portal, Progress, Stack, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { peopleSyncQueryOptions, usePeopleActivation, useRunPeopleSync } from '../../api/people';
import type { CredentialView } from '../../shared/config-wire';
import type { PeopleSyncState } from '../../shared/people';
import { StatusBadge } from '../../ui/status-badge';
import { problemColor } from '../problem-color';
import { problemText } from '../problem-text';
import { strings } from '../strings';
import { relativeTime } from './people-format';
import { peopleStrings } from './people-strings';
import { SetCredentialsDialog } from './set-credentials-dialog';

const t = peopleStrings.block;

type PeopleSyncBlockProps = {
  credentials: CredentialView[];
  onConfigure: () => void;
  onGoToCredentials: () => void;
};

/** Where the sync is: never run, its first run (with progress), syncing changes, stopped short, or up to date. */
function SyncProgress({ state }: { state: PeopleSyncState }) {
  if (state.phase === 'never_run') return <Text>{t.neverRun}</Text>;
  if (state.phase === 'initial' && state.running) {
    const { done = 0, total = null } = state.progress ?? {};
    return (
      <Stack gap="2">
        <Text fontWeight="medium">{t.firstRun(done, total)}</Text>
        <Progress.Root
          value={total ? Math.min(done, total) : null}
          max={total ?? 100}
          size="sm"
          colorPalette="blue"
          translations={{ value: ({ percent }) => t.progressLabel(percent) }}
        >
          <Progress.Track>
            <Progress.Range />
          </Progress.Track>
        </Progress.Root>
      </Stack>
    );
  }
  if (state.phase === 'initial') return <Text fontWeight="medium">{t.firstRunStopped}</Text>;
  if (state.running) return <Text fontWeight="medium">{t.changesRun}</Text>;
  if (state.phase === 'incremental') return <Text fontWeight="medium">{t.changesStopped}</Text>;
  return <Text fontWeight="medium">{t.upToDate}</Text>;
}

/** `readAt`: when the state was read, which "in 3 minutes" counts from (the block reads it again by then). */
function NextRun({ state, readAt }: { state: PeopleSyncState; readAt: number }) {
  if (!state.active) return <Text>{t.notScheduled}</Text>;
  if (state.running || !state.nextRunAt) return null;
  if (Date.parse(state.nextRunAt) <= readAt) return <Text>{t.nextRunNow}</Text>;
  return <Text>{t.nextRun(state.nextRunAt, relativeTime(state.nextRunAt, readAt), state.intervalSeconds)}</Text>;
}

/**
 * The "Shopify customers to people" block, beside the card's: a three-dot menu with the seed's steps (Set
 * Credentials, Configure, Activate or Deactivate, Run now), and the sync's state, which refreshes itself while a
 * run is under way.
 */
export function PeopleSyncBlock({ credentials, onConfigure, onGoToCredentials }: PeopleSyncBlockProps) {
  const sync = useQuery(peopleSyncQueryOptions());
  const activation = usePeopleActivation();
  const run = useRunPeopleSync();
  const [choosing, setChoosing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const menuTrigger = useRef<HTMLButtonElement>(null);
  const state = sync.data;
  const credential = state?.credentialId ? (credentials.find((c) => c.id === state.credentialId) ?? null) : null;
  const busy = activation.isPending || run.isPending;

  /** What happened is announced where focus goes once the menu has closed. */
  const report = (message: string | null, error: unknown = null) => {
    setDone(message);
    setFailure(error);
    requestAnimationFrame(() => outcome.current?.focus());
  };

  function activate(active: boolean) {
    if (busy) return;
    const firstRun = state?.phase === 'never_run';
    activation.mutate(active, {
      onSuccess: () => report(active ? (firstRun ? t.activated : t.activatedAgain) : t.deactivated),
      onError: (error) => report(null, error),
    });
  }

  function runNow() {
    if (busy) return;
    run.mutate(undefined, { onSuccess: () => report(t.runStarted), onError: (error) => report(null, error) });
  }

  return (
    <Card.Root as="section" aria-labelledby="people-sync-heading" variant="outline">
      <Card.Header>
        <HStack justify="space-between" alignItems="flex-start" gap="2">
          <Stack gap="1" minW="0">
            <HStack gap="2" flexWrap="wrap">
              <Card.Title as="h2" id="people-sync-heading" fontSize="lg">
                {t.heading}
              </Card.Title>
              {state && <StatusBadge label={state.active ? t.active : t.inactive} tone={state.active ? 'positive' : 'attention'} />}
            </HStack>
            <Card.Description>{t.description}</Card.Description>
          </Stack>
          <Menu.Root positioning={{ placement: 'bottom-end' }}>
            <Menu.Trigger asChild>
              <IconButton ref={menuTrigger} variant="outline" size="sm" aria-label={t.menu} flexShrink={0}>
                <Box as="span" aria-hidden="true" fontSize="lg" lineHeight="1">
                  ⋮
                </Box>
              </IconButton>
            </Menu.Trigger>
            <Portal>
              <Menu.Positioner>
                <Menu.Content minW="44">
                  <Menu.Item value="credentials" onSelect={() => setChoosing(true)}>
                    {t.setCredentials}
                  </Menu.Item>
                  <Menu.Item value="configure" onSelect={onConfigure}>
                    {t.configure}
                  </Menu.Item>
                  {state?.active ? (
                    <Menu.Item value="deactivate" onSelect={() => activate(false)}>
                      {t.deactivate}
                    </Menu.Item>
                  ) : (
                    <Menu.Item value="activate" onSelect={() => activate(true)}>
                      {t.activate}
                    </Menu.Item>
                  )}
                  {state?.active && (
                    <Menu.Item value="run" onSelect={runNow}>
                      {t.runNow}
                    </Menu.Item>
                  )}
                </Menu.Content>
              </Menu.Positioner>
            </Portal>
          </Menu.Root>
        </HStack>
      </Card.Header>
      <Card.Body>
        {!state ? (
          sync.isError ? (
            <HStack gap="3" flexWrap="wrap" role="alert">
              <Text>
                {t.loadFailed} {problemText(sync.error)}
              </Text>
              <Button size="sm" variant="outline" onClick={() => void sync.refetch()}>
                {t.retry}
              </Button>
            </HStack>
          ) : (
            <Text role="status">{t.loading}</Text>
          )
        ) : (
          <Stack gap="3">
            <Stack gap="1">
              <Text>
                {credential ? t.credential(credential.name, credential.shopDomain) : state.credentialId ? t.credentialGone : t.noCredential}
              </Text>
              <Text>{state.mapping ? t.mapping(state.mapping.version, state.mapping.savedBy, state.mapping.savedAt) : t.noMapping}</Text>
            </Stack>
            <Stack gap="1" role="status" aria-live="polite">
              <SyncProgress state={state} />
              {state.lastRun && <Text>{t.lastRun(state.lastRun)}</Text>}
              {state.lastRun?.error && (
                <Text fontWeight="medium" color={problemColor}>
                  {t.lastRunError(state.lastRun.error)}
                </Text>
              )}
            </Stack>
            <NextRun state={state} readAt={sync.dataUpdatedAt} />
            <Text color="fg.muted">{t.counts(state.counts.people, state.counts.events)}</Text>
          </Stack>
        )}
        <Box ref={outcome} tabIndex={-1} outline="none" mt={done || failure ? '4' : '0'}>
          {busy && <Text role="status">{strings.working}</Text>}
          {done && !busy && (
            <Alert.Root status="success" role="status">
              <Alert.Indicator />
              <Alert.Title>{done}</Alert.Title>
            </Alert.Root>
          )}
          {failure !== null && !busy && (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>{t.failed}</Alert.Title>
                <Alert.Description>{problemText(failure)}</Alert.Description>
              </Alert.Content>
            </Alert.Root>
          )}
        </Box>
      </Card.Body>
      <SetCredentialsDialog
        open={choosing}
        credentials={credentials}
        chosenId={state?.credentialId ?? null}
        onClose={() => {
          setChoosing(false);
          requestAnimationFrame(() => menuTrigger.current?.focus());
        }}
        onSet={(name) => {
          setChoosing(false);
          report(t.credentialSet(name));
        }}
        onGoToCredentials={onGoToCredentials}
      />
    </Card.Root>
  );
}
