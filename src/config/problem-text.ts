import { isApiError } from '../api/http';
import { strings } from './strings';

/**
 * What an admin reads when a request fails. The BFF's details are written for admins (they name the
 * shop, the field, the missing scope), so they are shown as they come; a few codes get our own words.
 */
export function problemText(error: unknown): string {
  if (!isApiError(error)) return strings.failed;
  switch (error.code) {
    case 'NETWORK_ERROR':
      return strings.networkError;
    case 'UNAUTHENTICATED':
    case 'TOKEN_EXPIRED':
      return strings.noSession;
    case 'FORBIDDEN':
      return strings.adminsOnly;
    default:
      return error.detail ? `${error.title}: ${error.detail}` : error.title;
  }
}
