import { createCardService } from './card-service';
import { createShopifyGateway } from './shopify/gateway';
import type { ShopifyEndpoint } from './shopify/endpoint';
import { createCardSettingsStore } from './storage/card-settings-store';
import { createCredentialsStore } from './storage/credentials-store';
import type { Db } from './storage/db';
import { createSecretBox } from './storage/secrets';

/** Everything the routes need, wired once. Tests build it over `:memory:` and the sandbox store. */
export function createServices(options: { db: Db; appSecret: string; endpoint: ShopifyEndpoint; clock?: () => number }) {
  const credentials = createCredentialsStore(options.db, createSecretBox(options.appSecret));
  const settings = createCardSettingsStore(options.db);
  const shopify = createShopifyGateway({ endpoint: options.endpoint, credentials, ...(options.clock ? { clock: options.clock } : {}) });
  const cards = createCardService({ credentials, settings, shopify });
  return { db: options.db, credentials, settings, shopify, cards };
}
export type Services = ReturnType<typeof createServices>;
