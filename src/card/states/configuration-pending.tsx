import { Box, Text } from '@chakra-ui/react';
import { useSessionToken } from '../../api/session';
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

/**
 * The configuration page with the admin's session: the token in the fragment (never sent to a
 * server, and taken out of the address bar by the page), the card's theme in the query. Put on the
 * link only as it is followed, so the token is not left in the page for hover or copy.
 */
export function configPageHref(token: string | null, theme: 'light' | 'dark'): string {
  const href = `${CONFIG_PAGE}?theme=${theme}`;
  return token ? `${href}#token=${encodeURIComponent(token)}` : href;
}

const shownTheme = (): 'light' | 'dark' => (document.documentElement.classList.contains('dark') ? 'dark' : 'light');

export function ConfigurationPending({ missing, role, focusOnMount }: ConfigurationPendingProps) {
  const text = strings.configurationPending;
  const token = useSessionToken();
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
          <ExternalLink
            href={CONFIG_PAGE}
            newTabHint={strings.opensInNewTab}
            onFollow={(link) => {
              link.href = configPageHref(token, shownTheme());
            }}
          >
            {text.adminLink}
          </ExternalLink>
        </Text>
      ) : (
        <Text>{text.agentHelp}</Text>
      )}
    </StatePanel>
  );
}
