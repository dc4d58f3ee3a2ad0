import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test/harness';
import { preconfigureDemo } from './demo-setup';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ activate: false, mapping: null });
});
afterEach(() => h.close());

async function demoCredential() {
  const [credential] = await h.services.credentials.list();
  if (!credential) throw new Error('the harness stores a credential');
  return credential;
}

describe('the demo set-up', () => {
  it('activates the credential and saves the default mapping, for the card and for People', async () => {
    const credential = await demoCredential();
    await preconfigureDemo(h.services, credential, { sandboxStore: false });
    expect((await h.services.settings.activation())?.credentialId).toBe(credential.id);
    expect(await h.services.settings.mapping()).not.toBeNull();
    expect((await h.services.peopleSettings.settings())?.credentialId).toBe(credential.id);
  });

  it('switches the order actions on against the sandbox store, cancelling left off', async () => {
    await preconfigureDemo(h.services, await demoCredential(), { sandboxStore: true });
    const { version, settings } = await h.services.actionSettings.current();
    expect(version).toBe(1);
    expect(settings.enabled).toEqual({
      refund: true,
      cancel: false,
      orderTags: true,
      customerTags: true,
      orderNote: true,
      draftOrder: true,
    });
    expect(settings.refundLimit).toEqual({ amount: '100.00', currencyCode: 'USD' });
  });

  it('leaves the order actions alone against a real store, and once an admin has saved them', async () => {
    const credential = await demoCredential();
    await preconfigureDemo(h.services, credential, { sandboxStore: false });
    expect((await h.services.actionSettings.current()).version).toBe(0);

    const chosen = (await h.services.actionSettings.current()).settings;
    await h.services.actionSettings.save(chosen, 0, 'admin-1');
    await preconfigureDemo(h.services, credential, { sandboxStore: true });
    expect(await h.services.actionSettings.current()).toMatchObject({ version: 1, settings: chosen });
  });
});
