import { Box, Button, chakra, Field, Flex, Heading, Input, Stack, Text } from '@chakra-ui/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { actionKeys, actionSettingsQueryOptions, saveActionSettings } from '../../api/actions';
import { isApiError } from '../../api/http';
import {
  actionKinds,
  actionLabels,
  actionScopes,
  actionSettingsSchema,
  type ActionSettings,
  type ActionSettingsView,
} from '../../shared/actions';

/** The Actions tab: each order action on or off for agents, and the most an agent may refund at once. */
export function ActionsPanel() {
  const settings = useQuery(actionSettingsQueryOptions());
  const [status, setStatus] = useState<Status | null>(null);
  if (settings.isPending) return <Text role="status">Loading the action settings…</Text>;
  if (settings.isError) return <Text role="alert">The action settings could not be read.</Text>;
  // A new form for each saved version: Reload after a conflict starts from what is saved.
  return <ActionsForm key={settings.data.version} saved={settings.data} status={status} setStatus={setStatus} />;
}

type Status = { tone: 'ok' | 'error' | 'conflict'; text: string };

function ActionsForm({
  saved,
  status,
  setStatus,
}: {
  saved: ActionSettingsView;
  status: Status | null;
  setStatus: (status: Status | null) => void;
}) {
  const queryClient = useQueryClient();
  const currency = saved.settings.refundLimit?.currencyCode ?? saved.shopCurrency ?? 'USD';
  const [enabled, setEnabled] = useState(saved.settings.enabled);
  const [limit, setLimit] = useState(saved.settings.refundLimit?.amount ?? '');
  const [saving, setSaving] = useState(false);
  const settings: ActionSettings = { enabled, refundLimit: limit.trim() ? { amount: limit.trim(), currencyCode: currency } : null };
  const parsed = actionSettingsSchema.safeParse(settings);
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the settings');

  const save = async () => {
    if (!parsed.success || saving) return;
    setSaving(true);
    try {
      const result = await saveActionSettings(parsed.data, saved.version);
      queryClient.setQueryData(actionKeys.settings(), { ...result, shopCurrency: saved.shopCurrency });
      setStatus({ tone: 'ok', text: `Saved (version ${result.version}).` });
    } catch (error) {
      if (isApiError(error) && error.code === 'CONFIG_CONFLICT') {
        setStatus({
          tone: 'conflict',
          text: 'Someone else saved the action settings meanwhile. Reload to see theirs; your changes are not saved.',
        });
      } else setStatus({ tone: 'error', text: isApiError(error) ? (error.detail ?? error.title) : 'The settings could not be saved.' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="5" maxW="3xl">
      <Stack gap="1">
        <Heading as="h2" size="lg">
          Order actions for agents
        </Heading>
        <Text color="fg.muted">
          What agents may do from an order's details in the card. Every action is off until switched on here; admins may always use all of
          them, with no limit. Each needs a scope on the active credential.
        </Text>
      </Stack>
      <Stack as="ul" gap="3" listStyleType="none">
        {actionKinds.map((kind) => (
          <li key={kind}>
            <chakra.label display="flex" gap="2" alignItems="center" fontWeight="medium">
              <chakra.input
                type="checkbox"
                w="4"
                h="4"
                checked={enabled[kind]}
                onChange={(event) => setEnabled({ ...enabled, [kind]: event.target.checked })}
              />
              {actionLabels[kind].name}
            </chakra.label>
            <Text color="fg.muted" fontSize="sm" ms="6">
              {actionLabels[kind].description} Needs {actionScopes[kind]}.
            </Text>
          </li>
        ))}
      </Stack>
      <Field.Root invalid={problem !== null && limit !== ''} maxW="sm">
        <Field.Label>Refund limit per refund for agents ({currency})</Field.Label>
        <Input inputMode="decimal" value={limit} onChange={(event) => setLimit(event.target.value)} placeholder="50.00" />
        <Field.HelperText>Refunds above it, and cancellations refunding more, are refused to agents with the limit named.</Field.HelperText>
      </Field.Root>
      {problem && <Text color="fg.error">{problem}</Text>}
      {status && (
        <Box role={status.tone === 'ok' ? 'status' : 'alert'}>
          <Text>{status.text}</Text>
        </Box>
      )}
      <Flex gap="3">
        <Button onClick={() => void save()} loading={saving} disabled={problem !== null}>
          Save
        </Button>
        {status?.tone === 'conflict' && (
          <Button
            variant="outline"
            onClick={() => {
              setStatus(null);
              void queryClient.invalidateQueries({ queryKey: actionKeys.settings() });
            }}
          >
            Reload
          </Button>
        )}
      </Flex>
      <Text color="fg.muted" fontSize="sm">
        {saved.savedBy
          ? `Last saved by ${saved.savedBy}, ${new Date(saved.savedAt ?? '').toLocaleString()}.`
          : 'Not saved yet: every action is off for agents.'}
      </Text>
    </Stack>
  );
}
