import { defaultFieldMapping } from '../../shared/mapping';
import { basicPeopleMapping } from '../../shared/people';
import { AppError } from '../http/problem';
import type { Credential } from '../storage/credentials-store';
import type { Services } from './services';

/** Instances starting together on one database: one saves the default mapping, the others find it saved. */
function savedByAnother(error: unknown): void {
  if (!(error instanceof AppError && error.code === 'CONFIG_CONFLICT')) throw error;
}

/**
 * Demo mode: the card and People work on first start. Activates the given credential for the card unless an
 * admin already chose one, and saves the default mapping unless one was saved; sets People up the same way
 * (the credential, the basic mapping, activated) unless an admin has set it up already.
 */
export async function preconfigureDemo(services: Services, credential: Credential): Promise<void> {
  if (!(await services.settings.activation())?.credentialId) await services.settings.activate(credential.id, 'demo');
  if (!(await services.settings.mapping())) {
    await services.settings.saveMapping(defaultFieldMapping, 0, 'demo').catch(savedByAnother);
  }
  const people = await services.peopleSettings.settings();
  if (!people) {
    await services.peopleSettings.setCredential(credential.id, 'demo');
    if (!(await services.peopleSettings.mapping())) {
      await services.peopleSettings.saveMapping(basicPeopleMapping, 0, 'demo').catch(savedByAnother);
    }
    await services.peopleSettings.setActive(true, 'demo');
  }
}
