import { createActionService } from '../actions/action-service';
import { createActionKeyStore, createActionSettingsStore, createAuditLog } from '../actions/action-stores';
import type { CachePolicy } from '../card/cache';
import { createCardService } from '../card/card-service';
import type { ShopifyEndpoint } from '../shopify/endpoint';
import { createShopifyGateway, type GatewayOptions } from '../shopify/gateway';
import { verifyCredential, type VerifyTarget } from '../shopify/verify-credential';
import { createPeopleSettingsStore } from '../people/people-settings-store';
import { createPeopleStore } from '../people/people-store';
import { createPeopleSync, type PeopleSyncOptions } from '../people/people-sync';
import { createCardSettingsStore } from '../storage/card-settings-store';
import { createCredentialsStore } from '../storage/credentials-store';
import { setupGeneration } from '../storage/generation';
import { createSecretBox } from '../storage/secrets';
import type { Sql } from '../storage/sql';
import type { RedisState } from '../shared-state/redis-state';

export type ServicesOptions = {
  /** The database: SQLite embedded, or PostgreSQL shared by every instance (`openStorage`). */
  sql: Sql;
  appSecret: string;
  /** During a rotation, the secret APP_SECRET had before: stored secrets sealed with it still open. */
  previousAppSecret?: string | undefined;
  endpoint: ShopifyEndpoint;
  clock?: () => number;
  /** Retry timing and the call budget for tests; production uses the defaults. */
  gateway?: Pick<GatewayOptions, 'retry' | 'sleep' | 'random' | 'budget'>;
  cache?: Partial<CachePolicy>;
  /** Several instances: the card cache, single flight, Shopify tokens and rate limits shared through Redis. */
  redis?: RedisState;
  /** The People sync's timing; `intervalMs` defaults to 3 minutes. */
  peopleSync?: Partial<Omit<PeopleSyncOptions, 'settings' | 'people' | 'credential' | 'shopify'>>;
};

/** Everything the routes need, wired once. Tests build it over `:memory:` and the sandbox store. */
export function createServices(options: ServicesOptions) {
  const { sql } = options;
  const generation = setupGeneration(sql);
  const credentials = createCredentialsStore(sql, createSecretBox(options.appSecret, options.previousAppSecret), generation);
  const settings = createCardSettingsStore(sql, { generation, ...(options.clock ? { now: options.clock } : {}) });
  const redis = options.redis;
  const shopify = createShopifyGateway({
    endpoint: options.endpoint,
    credentials,
    ...(redis ? { sharedTokens: redis } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...options.gateway,
  });
  const people = createPeopleStore(sql, options.clock);
  const cards = createCardService({
    credentials,
    settings,
    shopify,
    people,
    ...(redis ? { redis } : {}),
    settingsGeneration: () => generation.current(),
    ...(options.gateway?.budget ? { callBudget: options.gateway.budget } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const peopleSettings = createPeopleSettingsStore(sql, options.clock);
  const peopleSync = createPeopleSync({
    settings: peopleSettings,
    people,
    credential: (id) => credentials.get(id),
    shopify,
    intervalMs: 180_000,
    ...(options.clock ? { clock: options.clock } : {}),
    ...options.peopleSync,
  });
  const actionSettings = createActionSettingsStore(sql, options.clock);
  const audit = createAuditLog(sql, options.clock);
  const actions = createActionService({
    settings: actionSettings,
    keys: createActionKeyStore(sql, options.clock),
    audit,
    shopify,
    credential: async () => {
      const id = (await settings.activation())?.credentialId;
      return id ? credentials.get(id) : null;
    },
    forget: (orderId, customerId) => cards.forgetOrder(orderId, customerId),
    ...(options.gateway?.budget ? { budget: options.gateway.budget } : {}),
  });
  return {
    redis,
    /**
     * What `/api/health` tells: whether the database answers (and which engine it is), and whether Redis is off,
     * connected or unavailable. Only the database is needed to answer: without Redis an instance asks Shopify.
     */
    async health() {
      const database = await sql.get('SELECT 1 AS ok').then(
        () => 'ok' as const,
        () => 'unavailable' as const,
      );
      return {
        status: database === 'ok' ? ('ok' as const) : ('unavailable' as const),
        database,
        engine: sql.engine,
        redis: !redis ? ('off' as const) : redis.available() ? ('connected' as const) : ('unavailable' as const),
      };
    },
    sql,
    people,
    peopleSettings,
    peopleSync,
    credentials,
    settings,
    shopify,
    cards,
    actionSettings,
    audit,
    actions,
    /** Verify Credentials against Shopify, for a stored credential or one being typed in. */
    verifyCredential: (target: VerifyTarget) => verifyCredential(options.endpoint, target),
  };
}
export type Services = ReturnType<typeof createServices>;
