import { Hono } from 'hono';
import type { ConfigOverview } from '../../shared/config-wire';
import { requireRole, type AuthVariables } from '../auth/middleware';
import type { CredentialsStore } from '../storage/credentials-store';
import type { CardSettingsStore } from '../storage/card-settings-store';

/** Admin-only view of the set-up: credentials (secrets as hints), which one is active, the saved mapping. */
export function configRoutes(secret: string, credentials: CredentialsStore, settings: CardSettingsStore) {
  return new Hono<{ Variables: AuthVariables }>().use(requireRole(secret, 'admin')).get('/', (c) => {
    c.header('Cache-Control', 'no-store');
    const overview: ConfigOverview = {
      credentials: credentials.list(),
      activation: settings.activation(),
      mapping: settings.mapping(),
    };
    return c.json(overview);
  });
}
