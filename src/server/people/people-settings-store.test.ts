import { afterEach, describe, expect, it } from 'vitest';
import { basicPeopleMapping } from '../../shared/people';
import { AppError } from '../http/problem';
import { testEngines } from '../test/engines';
import type { Sql } from '../storage/sql';
import { createPeopleSettingsStore } from './people-settings-store';

const shop = 'acme.myshopify.com';

for (const engine of await testEngines()) {
  describe.skipIf(!engine.available)(`People settings on ${engine.name}`, () => {
    let sql: Sql | undefined;
    let clock = 0;
    afterEach(async () => {
      await sql?.close();
      sql = undefined;
    });
    async function store() {
      sql = await engine.open();
      clock = Date.parse('2026-11-01T12:00:00Z');
      return createPeopleSettingsStore(sql, () => clock);
    }

    it('saves mapping versions in order and refuses a save from an old version', async () => {
      const settings = await store();
      expect(await settings.mapping()).toBeNull();
      expect(await settings.saveMapping(basicPeopleMapping, 0, 'admin-a')).toMatchObject({ version: 1, savedBy: 'admin-a' });
      await settings.saveMapping(basicPeopleMapping, 1, 'admin-b');
      const stale = settings.saveMapping(basicPeopleMapping, 1, 'admin-a');
      await expect(stale).rejects.toBeInstanceOf(AppError);
      await expect(stale).rejects.toMatchObject({ code: 'CONFIG_CONFLICT' });
      expect(await settings.mapping()).toMatchObject({ version: 2, savedBy: 'admin-b', mapping: basicPeopleMapping });
    });

    it('gives one of two saves from the same version a conflict', async () => {
      const settings = await store();
      const results = await Promise.allSettled([
        settings.saveMapping(basicPeopleMapping, 0, 'admin-a'),
        settings.saveMapping(basicPeopleMapping, 0, 'admin-b'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFIG_CONFLICT' } });
    });

    it('remembers the credential and whether the sync is active', async () => {
      const settings = await store();
      expect(await settings.settings()).toBeNull();
      await sql?.run(
        `INSERT INTO credentials (id, name, kind, shop_domain, client_id, secret_ciphertext, secret_hint, source, created_at, updated_at)
         VALUES ('cred-1', 'Main', 'access_token', ?, NULL, 'sealed', '••••', 'ui', 'now', 'now')`,
        [shop],
      );
      await settings.setActive(true, 'admin-a');
      await settings.setCredential('cred-1', 'admin-b');
      expect(await settings.settings()).toMatchObject({ credentialId: 'cred-1', active: true, changedBy: 'admin-b' });
      await expect(settings.setCredential('no-such-credential', 'admin-b')).rejects.toThrow();
    });

    it('lets one instance at a time hold the lease, and another take it over once it expires', async () => {
      const settings = await store();
      expect(await settings.claimLease(shop, 'one', 30_000)).toBe(true);
      expect(await settings.claimLease(shop, 'two', 30_000)).toBe(false);
      expect(await settings.saveProgress(shop, 'two', { phase: 'incremental' })).toBe(false);
      expect(await settings.saveProgress(shop, 'one', { checkpoint: { step: 'bulk', bulkLinesDone: 500 } })).toBe(true);
      clock += 31_000;
      expect(await settings.claimLease(shop, 'two', 30_000)).toBe(true);
      expect(await settings.saveProgress(shop, 'one', { checkpoint: {} })).toBe(false);
      expect((await settings.state(shop))?.checkpoint).toEqual({ step: 'bulk', bulkLinesDone: 500 });
      await settings.releaseLease(shop, 'two');
      expect(await settings.claimLease(shop, 'one', 30_000)).toBe(true);
    });

    it('lets only one of many instances claiming at once win', async () => {
      const settings = await store();
      const wins = await Promise.all(Array.from({ length: 8 }, (_, i) => settings.claimLease(shop, `instance-${i}`, 30_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });
  });
}
