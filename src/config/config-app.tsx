import { Container, Heading, Stack, Tabs, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ComponentProps } from 'react';
import { configOverviewQueryOptions } from '../api/config';
import { isApiError } from '../api/http';
import { useSessionToken } from '../api/session';
import type { ConfigOverview } from '../shared/config-wire';
import { preloaded, usePreloaded } from '../ui/preloaded';
import { createServerDraftStorage } from './draft-storage';
import { CredentialsPanel } from './credentials-panel';
import type { IntegrationsPanel } from './integrations-panel';
import { useMappingDraft } from './mapping-draft';
import { strings } from './strings';
import { useLeaveWarning } from './use-leave-warning';

type PageTab = 'credentials' | 'integrations' | 'people' | 'actions' | 'audit';

// The Integrations tab and the leave dialog are rarer than the credentials: their code (the field
// pickers, the activation choices, dialogs) loads when they first open.
const integrationsPanel = preloaded(() => import('./integrations-panel'));
const leaveDialog = preloaded(() => import('./leave-dialog'));
const warmIntegrations = () => void integrationsPanel.load().catch(() => {});
const peoplePanel = preloaded(() => import('./people/people-panel'));
const warmPeople = () => void peoplePanel.load().catch(() => {});
const actionsPanel = preloaded(() => import('./actions/actions-panel'));
const auditPanel = preloaded(() => import('./actions/audit-panel'));

function Integrations(props: ComponentProps<typeof IntegrationsPanel>) {
  const panel = usePreloaded(integrationsPanel);
  return panel ? <panel.IntegrationsPanel {...props} /> : <Text role="status">{strings.loading}</Text>;
}

function People() {
  const panel = usePreloaded(peoplePanel);
  return panel ? <panel.PeoplePanel /> : <Text role="status">{strings.loading}</Text>;
}

function Actions() {
  const panel = usePreloaded(actionsPanel);
  return panel ? <panel.ActionsPanel /> : <Text role="status">{strings.loading}</Text>;
}

function Audit() {
  const panel = usePreloaded(auditPanel);
  return panel ? <panel.AuditPanel /> : <Text role="status">{strings.loading}</Text>;
}

/** The loaded page: the Credentials and Integrations tabs, as in the set-up guide admins know, and People. */
function ConfigPage({ overview }: { overview: ConfigOverview }) {
  const activeId = overview.activation?.credentialId ?? null;
  // The draft the page opened with; later edits are sent as they are made.
  const [initialDraft] = useState(overview.draft);
  const storage = useMemo(() => createServerDraftStorage(initialDraft), [initialDraft]);
  useEffect(() => {
    // The last edit must not wait out its settling time when the tab is switched away, closed or unmounted.
    const flush = () => storage.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      // The page is going: what is still settling goes now, not after it.
      flush();
    };
  }, [storage]);
  const draft = useMappingDraft(overview.mapping, storage);
  // Unsaved changes kept from an earlier visit: open where they are.
  const [tab, setTab] = useState<PageTab>(() => (draft.restoredFrom === null ? 'credentials' : 'integrations'));
  const [leavingTo, setLeavingTo] = useState<PageTab | null>(null);
  useLeaveWarning(draft.dirty);
  const leave = usePreloaded(leaveDialog, leavingTo !== null);

  function switchTo(next: PageTab) {
    if (next === tab) return;
    if (tab === 'integrations' && draft.dirty) return setLeavingTo(next);
    setTab(next);
  }

  return (
    <>
      <Tabs.Root value={tab} onValueChange={(details) => switchTo(details.value as PageTab)} variant="enclosed" lazyMount unmountOnExit>
        {/* One line at any width: a narrow page scrolls the tab list, never itself, sideways. */}
        <Tabs.List
          flexWrap="nowrap"
          maxW="full"
          overflowX="auto"
          overflowY="hidden"
          css={{ scrollbarWidth: 'thin', '& > [role=tab]': { flexShrink: 0 } }}
        >
          <Tabs.Trigger value="credentials">{strings.tabs.credentials}</Tabs.Trigger>
          <Tabs.Trigger value="integrations" onPointerEnter={warmIntegrations} onFocus={warmIntegrations}>
            {strings.tabs.integrations}
          </Tabs.Trigger>
          <Tabs.Trigger value="people" onPointerEnter={warmPeople} onFocus={warmPeople}>
            {strings.tabs.people}
          </Tabs.Trigger>
          <Tabs.Trigger value="actions">{strings.tabs.actions}</Tabs.Trigger>
          <Tabs.Trigger value="audit">{strings.tabs.audit}</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="credentials" pt="6">
          <CredentialsPanel credentials={overview.credentials} activeId={activeId} onGoToIntegrations={() => switchTo('integrations')} />
        </Tabs.Content>
        <Tabs.Content value="integrations" pt="6">
          <Integrations overview={overview} draft={draft} onGoToCredentials={() => switchTo('credentials')} />
        </Tabs.Content>
        <Tabs.Content value="people" pt="6">
          <People />
        </Tabs.Content>
        <Tabs.Content value="actions" pt="6">
          <Actions />
        </Tabs.Content>
        <Tabs.Content value="audit" pt="6">
          <Audit />
        </Tabs.Content>
      </Tabs.Root>
      {leave && (
        <leave.LeaveDialog
          open={leavingTo !== null}
          onStay={() => setLeavingTo(null)}
          onDiscard={() => {
            draft.reset(overview.mapping);
            if (leavingTo) setTab(leavingTo);
            setLeavingTo(null);
          }}
        />
      )}
    </>
  );
}

function Blocked({ title, message }: { title?: string; message: string }) {
  return (
    <Stack gap="2">
      {title && (
        <Heading as="h2" size="lg">
          {title}
        </Heading>
      )}
      <Text role="alert">{message}</Text>
    </Stack>
  );
}

type ConfigAppProps = {
  /** Whether reloading the page keeps the admin's session (the browser may refuse the page its storage). */
  keptOnReload?: boolean;
  /** Forgets the kept session once the BFF has refused it. */
  onSessionRefused?: () => void;
};

/** The admin's page. Agents get a clear "admins only" page; the API refuses them too. */
export function ConfigApp({ keptOnReload = true, onSessionRefused }: ConfigAppProps) {
  const token = useSessionToken();
  const overview = useQuery({ ...configOverviewQueryOptions(), enabled: token !== null });
  const errorCode = overview.isError ? (isApiError(overview.error) ? overview.error.code : 'INTERNAL') : null;
  const sessionRefused = errorCode === 'UNAUTHENTICATED' || errorCode === 'TOKEN_EXPIRED';
  useEffect(() => {
    if (sessionRefused) onSessionRefused?.();
  }, [sessionRefused, onSessionRefused]);
  const noSession = keptOnReload ? strings.noSession : `${strings.noSession} ${strings.notKeptOnReload}`;
  let body;
  if (token === null) body = <Blocked message={noSession} />;
  else if (overview.isPending) body = <Text role="status">{strings.loading}</Text>;
  else if (overview.isError) {
    if (errorCode === 'FORBIDDEN') body = <Blocked title={strings.adminsOnlyTitle} message={strings.adminsOnly} />;
    else if (sessionRefused) body = <Blocked message={noSession} />;
    else body = <Blocked message={strings.failed} />;
  } else body = <ConfigPage overview={overview.data} />;
  return (
    <Container as="main" maxW="6xl" py="8">
      <Stack gap="1" mb="6">
        <Heading as="h1" size="2xl">
          {strings.title}
        </Heading>
        <Text color="fg.muted">{strings.intro}</Text>
        {!keptOnReload && token !== null && !sessionRefused && (
          <Text color="fg.muted" fontSize="sm">
            {strings.notKeptOnReload}
          </Text>
        )}
      </Stack>
      {body}
    </Container>
  );
}
