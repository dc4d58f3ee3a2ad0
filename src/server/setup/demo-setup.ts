import { defaultFieldMapping } from '../../shared/mapping';
import type { Credential } from '../storage/credentials-store';
import type { Services } from './services';

/**
 * Demo mode: the card works on first start. Activates the given credential unless an admin already
 * chose one, and saves the default mapping unless one was saved.
 */
export function preconfigureDemo(services: Services, credential: Credential): void {
  if (!services.settings.activation()?.credentialId) services.settings.activate(credential.id, 'demo');
  if (!services.settings.mapping()) services.settings.saveMapping(defaultFieldMapping, 0, 'demo');
}
