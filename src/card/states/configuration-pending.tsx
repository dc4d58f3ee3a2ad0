import { Box, Text } from '@chakra-ui/react';
import type { MissingSetup } from '../../shared/wire';
import { ExternalLink } from '../../ui/external-link';
import { StatePanel } from '../../ui/state-panel';
import { strings } from '../strings';

type ConfigurationPendingProps = {
  missing: MissingSetup[];
  role: 'agent' | 'admin';
  focusOnMount?: boolean;
};

const CONFIG_PAGE = '/config';

export function ConfigurationPending({ missing, role, focusOnMount }: ConfigurationPendingProps) {
  const text = strings.configurationPending;
  return (
    <StatePanel title={text.title} focusOnMount={focusOnMount}>
      <Text>{text.intro}</Text>
      <Box as="ul" ps="5" listStyleType="disc">
        {missing.map((item) => (
          <li key={item}>{text.missing[item]}</li>
        ))}
      </Box>
      {role === 'admin' ? (
        <Text>
          {text.adminHelp} {/* A new tab: the configuration needs more room than the inbox's sidebar gives the card. */}
          <ExternalLink href={CONFIG_PAGE} newTabHint={strings.opensInNewTab}>
            {text.adminLink}
          </ExternalLink>
        </Text>
      ) : (
        <Text>{text.agentHelp}</Text>
      )}
    </StatePanel>
  );
}
