import { afterEach, describe, expect, it } from 'vitest';
import { defaultFieldMapping } from '../../shared/mapping';
import { testEngines } from '../test/engines';
import { createCardSettingsStore, DRAFT_MAX_AGE_MS } from './card-settings-store';
import { createCredentialsStore, type NewCredential } from './credentials-store';
import { createSecretBox } from './secrets';
import type { Sql } from './sql';

const box = createSecretBox('storage-test-secret-storage-test-secret');
const envCredential = (secret: string): NewCredential => ({
  name: 'Env',
  kind: 'access_token',
  shopDomain: 'acme.myshopify.com',
  clientId: null,
  secret,
});

for (const engine of await testEngines()) {
  describe.skipIf(!engine.available)(`configuration kept in ${engine.name}`, () => {
    let opened: Sql[] = [];
    afterEach(async () => {
      await Promise.all(opened.map((sql) => sql.close()));
      opened = [];
    });
    const open = async () => {
      const sql = await engine.open();
      opened.push(sql);
      return sql;
    };

    it('keeps secrets encrypted at rest and shows only a hint', async () => {
      const sql = await open();
      const store = createCredentialsStore(sql, box);
      const saved = await store.create({
        name: 'Main',
        kind: 'client_credentials',
        shopDomain: 'acme.myshopify.com',
        clientId: 'cid',
        secret: 'super-secret-value-1234',
      });
      expect(saved.secretHint).toBe('••••1234');
      expect(JSON.stringify(saved)).not.toContain('super-secret');
      const raw = (await sql.get<{ secret_ciphertext: string }>('SELECT secret_ciphertext FROM credentials'))?.secret_ciphertext ?? '';
      expect(raw).not.toContain('super-secret');
      expect(await store.readSecret(saved.id)).toBe('super-secret-value-1234');
      expect(createSecretBox('a-different-app-secret-a-different').open(raw)).toBeNull();
    });

    it('registers the environment credential once and updates it in place', async () => {
      const store = createCredentialsStore(await open(), box);
      const first = await store.upsertFromSource('env', envCredential('one'));
      const same = await store.upsertFromSource('env', envCredential('one'));
      expect(same).toEqual(first);
      const second = await store.upsertFromSource('env', envCredential('two'));
      expect(second.id).toBe(first.id);
      expect(await store.list()).toHaveLength(1);
      expect(await store.readSecret(first.id)).toBe('two');
    });

    it('renames, replaces a secret (unverified again), records a verification, and removes', async () => {
      const store = createCredentialsStore(await open(), box);
      const saved = await store.create(envCredential('first-secret'));
      await store.markStatus(saved.id, 'verified', ['read_orders']);
      expect(await store.get(saved.id)).toMatchObject({ status: 'verified', grantedScopes: ['read_orders'] });
      expect(await store.update(saved.id, { name: 'Renamed', secret: 'second-secret' })).toMatchObject({
        name: 'Renamed',
        status: 'unverified',
        grantedScopes: null,
        secretHint: '••••cret',
      });
      expect(await store.readSecret(saved.id)).toBe('second-secret');
      expect(await store.update('no-such-id', { name: 'x' })).toBeNull();
      expect(await store.remove(saved.id)).toBe(true);
      expect(await store.remove(saved.id)).toBe(false);
      expect(await store.list()).toEqual([]);
    });

    it('saves mapping versions in order and refuses a save based on an old version', async () => {
      const settings = createCardSettingsStore(await open());
      expect(await settings.mapping()).toBeNull();
      const v1 = await settings.saveMapping(defaultFieldMapping, 0, 'admin-a');
      expect(v1).toMatchObject({ version: 1, savedBy: 'admin-a' });
      await settings.saveMapping({ ...defaultFieldMapping, orderCard: ['order.name'] }, 1, 'admin-b');
      const stale = settings.saveMapping(defaultFieldMapping, 1, 'admin-a');
      await expect(stale).rejects.toMatchObject({ code: 'CONFIG_CONFLICT' });
      expect(await settings.mapping()).toMatchObject({ version: 2, savedBy: 'admin-b', mapping: { orderCard: ['order.name'] } });
    });

    it('lets one of two saves made at once from the same version win, and refuses the other', async () => {
      const sql = await open();
      const [one, other] = [createCardSettingsStore(sql), createCardSettingsStore(sql)];
      const results = await Promise.allSettled([
        one.saveMapping(defaultFieldMapping, 0, 'admin-a'),
        other.saveMapping({ ...defaultFieldMapping, orderCard: ['order.name'] }, 0, 'admin-b'),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'CONFIG_CONFLICT' } });
      expect((await one.mapping())?.version).toBe(1);
    });

    it('keeps the activation, and each admin a draft until a week has passed or they save', async () => {
      const sql = await open();
      let now = Date.parse('2026-11-01T00:00:00Z');
      const settings = createCardSettingsStore(sql, { now: () => now });
      const credential = await createCredentialsStore(sql, box).create(envCredential('secret'));
      expect(await settings.activation()).toBeNull();
      await settings.activate(credential.id, 'admin-a');
      expect(await settings.activation()).toMatchObject({ credentialId: credential.id, changedBy: 'admin-a' });

      await settings.saveDraft('admin-a', { version: 0, lists: { orderCard: ['order.name'], orderDetails: [], customerDetails: [null] } });
      await settings.saveDraft('admin-b', {
        version: 0,
        lists: { orderCard: ['order.totalPrice'], orderDetails: [], customerDetails: [] },
      });
      expect(await settings.draft('admin-a')).toMatchObject({ version: 0, lists: { orderCard: ['order.name'], customerDetails: [null] } });
      await settings.saveMapping(defaultFieldMapping, 0, 'admin-a');
      expect(await settings.draft('admin-a')).toBeNull();
      now += DRAFT_MAX_AGE_MS + 1;
      expect(await settings.draft('admin-b')).toBeNull();
      expect(await sql.get('SELECT owner FROM mapping_drafts')).toBeUndefined();
    });
  });
}
