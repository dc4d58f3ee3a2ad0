import { Heading, List, Stack, Text } from '@chakra-ui/react';
import { actionLabels } from '../shared/actions';
import { credentialAllows, type ScopeUse } from '../shared/scope-uses';
import { StatusBadge } from '../ui/status-badge';
import { strings } from './strings';

const t = strings.allows;

function Use({ name, use, note }: { name: string; use: ScopeUse; note?: string }) {
  const allowed = use.missing.length === 0;
  return (
    <List.Item>
      <Stack gap="0.5">
        <Text>
          <Text as="span" fontWeight="medium">
            {name}
          </Text>
          {': '}
          <StatusBadge label={allowed ? t.allowed : t.missing(use.missing)} tone={allowed ? 'positive' : 'attention'} />
        </Text>
        {note && (
          <Text fontSize="sm" color="fg.muted">
            {note}
          </Text>
        )}
      </Stack>
    </List.Item>
  );
}

/** What Verify Credentials found the scopes enough for: the card, the People sync, and each order action. */
export function CredentialAllows({ grantedScopes }: { grantedScopes: readonly string[] }) {
  const allows = credentialAllows(grantedScopes);
  return (
    <Stack gap="2">
      <Heading as="h4" size="sm">
        {t.heading}
      </Heading>
      <List.Root aria-label={t.heading} listStyleType="none" gap="1.5">
        <Use name={t.card} use={allows.card} />
        <Use name={t.people} use={allows.people} note={t.checkouts} />
        {allows.actions.map(({ action, ...use }) => (
          <Use key={action} name={t.action(actionLabels[action].name)} use={use} />
        ))}
      </List.Root>
    </Stack>
  );
}
