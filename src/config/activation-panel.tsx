import { Alert, Box, Button, Card, Field, HStack, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useRef, useState } from 'react';
import { useActivation } from '../api/config';
import type { ConfigOverview } from '../shared/config-wire';
import { StatusBadge } from '../ui/status-badge';
import { credentialMissingScopes } from './credential-scopes';
import { problemText } from './problem-text';
import { strings } from './strings';

const t = strings.activation;

type ActivationPanelProps = {
  overview: ConfigOverview;
  onGoToCredentials: () => void;
};

/** The Shopify Conversations Block: Activate with a chosen credential, or Deactivate. */
export function ActivationPanel({ overview, onGoToCredentials }: ActivationPanelProps) {
  const activation = useActivation();
  const { credentials } = overview;
  const activeId = overview.activation?.credentialId ?? null;
  const active = credentials.find((credential) => credential.id === activeId) ?? null;
  const [chosen, setChosen] = useState<string>('');
  const [done, setDone] = useState<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  // Until the admin picks one: the active credential, else the first verified, else the first.
  const selected = credentials.some((c) => c.id === chosen)
    ? chosen
    : ((active ?? credentials.find((c) => c.status === 'verified') ?? credentials[0])?.id ?? '');
  const selectedCredential = credentials.find((c) => c.id === selected);
  // Activating a credential without every required scope is allowed, with a warning naming them.
  const lacking = selectedCredential ? credentialMissingScopes(selectedCredential) : [];

  function activate(credentialId: string | null) {
    if (activation.isPending) return;
    setDone(null);
    activation.mutate(
      { credentialId },
      {
        onSuccess: () => {
          const name = credentials.find((c) => c.id === credentialId)?.name;
          setDone(name ? t.activated(name) : t.deactivated);
        },
        // Deactivate disappears once the card is inactive: keyboard focus goes to what happened.
        onSettled: () => requestAnimationFrame(() => outcome.current?.focus()),
      },
    );
  }

  return (
    <Card.Root as="section" aria-labelledby="activation-heading" variant="outline">
      <Card.Header>
        <HStack justify="space-between" flexWrap="wrap" gap="2">
          <Card.Title as="h2" id="activation-heading" fontSize="lg">
            {t.heading}
          </Card.Title>
          <StatusBadge
            label={active ? strings.credentials.active : strings.credentials.inactive}
            tone={active ? 'positive' : 'attention'}
          />
        </HStack>
        <Card.Description>{t.description}</Card.Description>
      </Card.Header>
      <Card.Body>
        <Stack gap="4">
          <Stack gap="1">
            <Text fontWeight="medium">{active ? t.activeWith(active.name) : t.inactive}</Text>
            {overview.activation && (
              <Text color="fg.muted" fontSize="sm">
                {t.changed(overview.activation.changedBy, overview.activation.changedAt)}
              </Text>
            )}
            {!overview.mapping && <Text>{t.noMapping}</Text>}
          </Stack>

          {credentials.length === 0 ? (
            <HStack gap="3" flexWrap="wrap">
              <Text>{t.noCredentials}</Text>
              <Button size="sm" variant="outline" onClick={onGoToCredentials}>
                {t.goToCredentials}
              </Button>
            </HStack>
          ) : (
            <HStack gap="3" alignItems="flex-end" flexWrap="wrap">
              <Field.Root maxW="md">
                <Field.Label>{t.credential}</Field.Label>
                <NativeSelect.Root>
                  <NativeSelect.Field value={selected} onChange={(event) => setChosen(event.target.value)}>
                    {credentials.map((credential) => (
                      <option key={credential.id} value={credential.id}>
                        {t.option(
                          credential.name,
                          credential.shopDomain,
                          credential.status !== 'verified'
                            ? strings.credentials.status[credential.status]
                            : credentialMissingScopes(credential).length
                              ? strings.credentials.status.missingScopes(credentialMissingScopes(credential))
                              : strings.credentials.status.verified(null),
                        )}
                      </option>
                    ))}
                  </NativeSelect.Field>
                  <NativeSelect.Indicator />
                </NativeSelect.Root>
                <Field.HelperText>{t.credentialHelp}</Field.HelperText>
              </Field.Root>

              <HStack gap="3" pb="6">
                <Button colorPalette="blue" onClick={() => activate(selected)} aria-disabled={activation.isPending || undefined}>
                  {t.activate}
                </Button>
                {active && (
                  <Button variant="outline" onClick={() => activate(null)} aria-disabled={activation.isPending || undefined}>
                    {t.deactivate}
                  </Button>
                )}
              </HStack>
            </HStack>
          )}

          {credentials.length > 0 && lacking.length > 0 && (
            <Alert.Root status="warning">
              <Alert.Indicator />
              <Alert.Description>{t.lacksScopes(lacking)}</Alert.Description>
            </Alert.Root>
          )}

          <Box ref={outcome} tabIndex={-1} outline="none">
            {activation.isPending && <Text role="status">{strings.working}</Text>}
            {done && !activation.isPending && (
              <Alert.Root status="success" role="status">
                <Alert.Indicator />
                <Alert.Title>{done}</Alert.Title>
              </Alert.Root>
            )}
            {activation.isError && (
              <Alert.Root status="error" role="alert">
                <Alert.Indicator />
                <Alert.Content>
                  <Alert.Title>{t.failed}</Alert.Title>
                  <Alert.Description>{problemText(activation.error)}</Alert.Description>
                </Alert.Content>
              </Alert.Root>
            )}
          </Box>
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}
