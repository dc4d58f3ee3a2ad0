import { Hono } from 'hono';
import { activationInputSchema, mappingDraftSchema, mappingSaveSchema, type ConfigOverview } from '../../../shared/config-wire';
import { requireRole, type AuthVariables } from '../../auth/middleware';
import type { VerifyingSecrets } from '../../auth/tokens';
import { AppError } from '../problem';
import { readJson } from '../read-json';
import { credentialRoutes, verifyCredentialInputRoute, type CredentialRouteServices } from './config-credentials';

export type ConfigRouteServices = CredentialRouteServices;

/**
 * The admin's configuration: the overview (secrets as hints), credentials, activation of the card
 * with one credential, the field mapping and the admin's unsaved draft of it. Every route is for
 * admins only.
 */
export function configRoutes(secret: VerifyingSecrets, services: ConfigRouteServices) {
  const { credentials, settings } = services;
  return (
    new Hono<{ Variables: AuthVariables }>()
      .use(requireRole(secret, 'admin'))
      .get('/', async (c) => {
        const [list, activation, mapping, draft] = await Promise.all([
          credentials.list(),
          settings.activation(),
          settings.mapping(),
          settings.draft(c.get('viewer').sub),
        ]);
        const overview: ConfigOverview = { credentials: list, activation, mapping, draft };
        return c.json(overview);
      })
      .route('/credentials', credentialRoutes(services))
      .route('/verify-credentials', verifyCredentialInputRoute(services))
      .put('/activation', async (c) => {
        const { credentialId } = await readJson(c, activationInputSchema);
        if (credentialId !== null && !(await credentials.get(credentialId))) {
          throw new AppError('NOT_FOUND', `There is no credential ${credentialId} to activate.`, [
            { path: 'credentialId', message: 'Unknown credential' },
          ]);
        }
        await settings.activate(credentialId, c.get('viewer').sub);
        return c.json(await settings.activation());
      })
      // Each save is a new version; cards opened from then on show it, cards already open keep theirs.
      .put('/mapping', async (c) => {
        const { version, mapping } = await readJson(c, mappingSaveSchema);
        return c.json(await settings.saveMapping(mapping, version, c.get('viewer').sub));
      })
      // The admin's own unsaved changes, kept as they are made: a session that expires mid-edit, a
      // reload or a closed tab loses nothing. Saving the mapping discards them.
      .put('/draft', async (c) => {
        await settings.saveDraft(c.get('viewer').sub, await readJson(c, mappingDraftSchema));
        return c.body(null, 204);
      })
      .delete('/draft', async (c) => {
        await settings.discardDraft(c.get('viewer').sub);
        return c.body(null, 204);
      })
  );
}
