import { describe, expect, it } from 'vitest';
import { defaultFieldMapping } from '../../shared/mapping';
import { AppError } from '../http/problem';
import { createCardSettingsStore } from './card-settings-store';
import { createCredentialsStore } from './credentials-store';
import { openDatabase } from './db';
import { createSecretBox } from './secrets';

const box = createSecretBox('storage-test-secret-storage-test-secret');

describe('stored credentials', () => {
  it('keeps secrets encrypted at rest and shows only a hint', () => {
    const db = openDatabase(':memory:');
    const store = createCredentialsStore(db, box);
    const saved = store.create({
      name: 'Main',
      kind: 'client_credentials',
      shopDomain: 'acme.myshopify.com',
      clientId: 'cid',
      secret: 'super-secret-value-1234',
    });
    expect(saved.secretHint).toBe('••••1234');
    expect(JSON.stringify(saved)).not.toContain('super-secret');
    const raw = db.prepare('SELECT secret_ciphertext FROM credentials').pluck().get() as string;
    expect(raw).not.toContain('super-secret');
    expect(store.readSecret(saved.id)).toBe('super-secret-value-1234');
    expect(createSecretBox('a-different-app-secret-a-different').open(raw)).toBeNull();
  });

  it('registers the environment credential once and updates it in place', () => {
    const store = createCredentialsStore(openDatabase(':memory:'), box);
    const first = store.upsertFromSource('env', {
      name: 'Env',
      kind: 'access_token',
      shopDomain: 'acme.myshopify.com',
      clientId: null,
      secret: 'one',
    });
    const second = store.upsertFromSource('env', {
      name: 'Env',
      kind: 'access_token',
      shopDomain: 'acme.myshopify.com',
      clientId: null,
      secret: 'two',
    });
    expect(second.id).toBe(first.id);
    expect(store.list()).toHaveLength(1);
    expect(store.readSecret(first.id)).toBe('two');
  });
});

describe('field mapping versions', () => {
  it('saves versions in order and refuses a save based on an old version', () => {
    const settings = createCardSettingsStore(openDatabase(':memory:'));
    expect(settings.mapping()).toBeNull();
    const v1 = settings.saveMapping(defaultFieldMapping, 0, 'admin-a');
    expect(v1).toMatchObject({ version: 1, savedBy: 'admin-a' });
    settings.saveMapping({ ...defaultFieldMapping, orderCard: ['order.name'] }, 1, 'admin-b');
    let conflict: unknown;
    try {
      settings.saveMapping(defaultFieldMapping, 1, 'admin-a');
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(AppError);
    expect((conflict as AppError).code).toBe('CONFIG_CONFLICT');
    expect(settings.mapping()).toMatchObject({ version: 2, savedBy: 'admin-b', mapping: { orderCard: ['order.name'] } });
  });
});
