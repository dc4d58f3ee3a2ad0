import { Hono } from 'hono';
import {
  mappingProblems,
  peopleActivationSchema,
  peopleCredentialChoiceSchema,
  peopleMappingSaveSchema,
  type PeoplePage,
  type Person,
  type PersonDetail,
} from '../../../shared/people';
import { requireRole, type AuthVariables } from '../../auth/middleware';
import type { VerifyingSecrets } from '../../auth/tokens';
import type { PeopleSettingsStore } from '../../people/people-settings-store';
import type { PeopleStore, StoredPerson } from '../../people/people-store';
import type { PeopleSync } from '../../people/people-sync';
import type { Credential } from '../../storage/credentials-store';
import { AppError } from '../problem';
import { readJson } from '../read-json';

export type PeopleRouteServices = {
  people: PeopleStore;
  peopleSettings: PeopleSettingsStore;
  peopleSync: PeopleSync;
  credentials: { get(id: string): Promise<Credential | null> };
};

const PAGE_SIZE = 25;

/** The customer in the Shopify admin: `https://admin.shopify.com/store/{handle}/customers/{id}`. */
function customerAdminUrl(shopDomain: string, customerGid: string): string {
  const handle = shopDomain.replace(/\.myshopify\.com$/, '');
  return `https://admin.shopify.com/store/${encodeURIComponent(handle)}/customers/${encodeURIComponent(customerGid.split('/').pop() ?? '')}`;
}

export function personView(person: StoredPerson): Person {
  return {
    id: person.id,
    shopDomain: person.shopDomain,
    shopifyCustomerId: person.shopifyCustomerId,
    ...person.fields,
    emails: person.emails,
    phones: person.phones,
    tags: person.tags,
    attributes: person.attributes,
    fieldVersions: person.fieldVersions,
    shopifyAdminUrl: customerAdminUrl(person.shopDomain, person.shopifyCustomerId),
    shopifyUpdatedAt: person.shopifyUpdatedAt,
    syncedAt: person.syncedAt,
    createdAt: person.createdAt,
  };
}

/** Opaque to the browser; only this module reads it. */
const cursorOf = (after: { sortName: string; id: string }) => Buffer.from(JSON.stringify([after.sortName, after.id])).toString('base64url');
function readCursor(cursor: string | undefined): { sortName: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [sortName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortName === 'string' && typeof id === 'string') return { sortName, id };
  } catch {
    // Falls through to the clear answer below.
  }
  throw new AppError('BAD_REQUEST', 'The cursor is not one this directory gave out; start again from the first page.', [
    { path: 'cursor', message: 'Unknown cursor' },
  ]);
}

/**
 * People, for admins: the sync's settings, mapping and state (the "Shopify customers to people" block, whose
 * `GET /sync` answer carries the saved mapping), Run now, and the directory (search, pages, a person with their
 * events, Delete).
 */
export function peopleRoutes(secret: VerifyingSecrets, services: PeopleRouteServices) {
  const { people, peopleSettings, peopleSync, credentials } = services;
  return (
    new Hono<{ Variables: AuthVariables }>()
      .use(requireRole(secret, 'admin'))
      // Set Credentials: one of the stored credentials, the same ones the card uses.
      .put('/sync/credential', async (c) => {
        const { credentialId } = await readJson(c, peopleCredentialChoiceSchema);
        if (!(await credentials.get(credentialId))) {
          throw new AppError('NOT_FOUND', `There is no credential ${credentialId}.`, [
            { path: 'credentialId', message: 'Unknown credential' },
          ]);
        }
        await peopleSettings.setCredential(credentialId, c.get('viewer').sub);
        return c.json(await peopleSync.status());
      })
      // Activate starts the first run; Deactivate stops the schedule, and people keep their data.
      .put('/sync/activation', async (c) => {
        const { active } = await readJson(c, peopleActivationSchema);
        if (active) {
          const [current, mapping] = await Promise.all([peopleSettings.settings(), peopleSettings.mapping()]);
          const missing = [
            ...(current?.credentialId ? [] : ['a credential (Set Credentials)']),
            ...(mapping ? [] : ['a saved mapping (Configure)']),
          ];
          if (missing.length) throw new AppError('BAD_REQUEST', `Before activating, choose ${missing.join(' and ')}.`);
        }
        await peopleSettings.setActive(active, c.get('viewer').sub);
        if (active) await peopleSync.requestRun();
        return c.json(await peopleSync.status());
      })
      .post('/sync/run', async (c) => {
        await peopleSync.requestRun();
        return c.json(await peopleSync.status(), 202);
      })
      // A new version applies to what is synced from then on; nothing already synced is written again.
      .put('/mapping', async (c) => {
        const { mapping, version } = await readJson(c, peopleMappingSaveSchema);
        const problems = mappingProblems(mapping);
        if (problems.length) throw new AppError('BAD_REQUEST', problems.map((p) => p.message).join('; '), problems);
        return c.json(await peopleSettings.saveMapping(mapping, version, c.get('viewer').sub));
      })
      .get('/', async (c) => {
        const query = c.req.query('query')?.slice(0, 200);
        const page = await people.list({ query, after: readCursor(c.req.query('cursor')), limit: PAGE_SIZE });
        const body: PeoplePage = { people: page.people.map(personView), nextCursor: page.next ? cursorOf(page.next) : null };
        return c.json(body);
      })
      // `GET /sync` is answered here: a static path beside `/:id` for the same method would make Hono fall back
      // from its RegExpRouter for every route of the app, the card's included.
      .get('/:id', async (c) => {
        if (c.req.param('id') === 'sync') return c.json(await peopleSync.status());
        const person = await people.get(c.req.param('id'));
        if (!person) throw new AppError('NOT_FOUND', 'There is no such person; an admin may have deleted them.');
        const body: PersonDetail = { ...personView(person), events: await people.events(person.id) };
        return c.json(body);
      })
      .delete('/:id', async (c) => {
        if (!(await people.remove(c.req.param('id'), c.get('viewer').sub))) throw new AppError('NOT_FOUND', 'There is no such person.');
        return c.body(null, 204);
      })
  );
}
