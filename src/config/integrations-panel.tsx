import { Grid, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { ConfigOverview } from '../shared/config-wire';
import { preloaded, usePreloaded } from '../ui/preloaded';
import { ActivationPanel } from './activation-panel';
import { FieldMappingEditor } from './field-mapping-editor';
import type { MappingDraft } from './mapping-draft';
import { PeopleSyncBlock } from './people/people-sync-block';
import { strings } from './strings';

type IntegrationsPanelProps = { overview: ConfigOverview; draft: MappingDraft; onGoToCredentials: () => void };

// The People mapping page is opened from its block's menu (Configure): its code loads then.
const peopleMappingPage = preloaded(() => import('./people/people-mapping-page'));

/** The Integrations tab: the card's block and fields, and the People sync's block (whose Configure opens its mapping page). */
export function IntegrationsPanel({ overview, draft, onGoToCredentials }: IntegrationsPanelProps) {
  const [peopleMapping, setPeopleMapping] = useState(false);
  const mappingPage = usePreloaded(peopleMappingPage, peopleMapping);
  if (peopleMapping) {
    return mappingPage ? (
      <mappingPage.PeopleMappingPage onBack={() => setPeopleMapping(false)} />
    ) : (
      <Text role="status">{strings.loading}</Text>
    );
  }
  return (
    <Stack gap="10">
      <Grid templateColumns={{ base: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' }} gap="6" alignItems="start">
        <ActivationPanel overview={overview} onGoToCredentials={onGoToCredentials} />
        <PeopleSyncBlock
          credentials={overview.credentials}
          onConfigure={() => setPeopleMapping(true)}
          onGoToCredentials={onGoToCredentials}
        />
      </Grid>
      <FieldMappingEditor saved={overview.mapping} draft={draft} />
    </Stack>
  );
}
