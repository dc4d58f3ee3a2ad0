import { Stack } from '@chakra-ui/react';
import type { ConfigOverview } from '../shared/config-wire';
import { ActivationPanel } from './activation-panel';
import { FieldMappingEditor } from './field-mapping-editor';
import type { MappingDraft } from './mapping-draft';

type IntegrationsPanelProps = { overview: ConfigOverview; draft: MappingDraft; onGoToCredentials: () => void };

/** The Integrations tab: which credential the card uses, and the fields it shows. */
export function IntegrationsPanel({ overview, draft, onGoToCredentials }: IntegrationsPanelProps) {
  return (
    <Stack gap="10">
      <ActivationPanel overview={overview} onGoToCredentials={onGoToCredentials} />
      <FieldMappingEditor saved={overview.mapping} draft={draft} />
    </Stack>
  );
}
