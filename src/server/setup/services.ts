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
import type { Db } from '../storage/db';
import { databaseGeneration } from '../storage/generation';
import { createSecretBox } from '../storage/secrets';
import { sqliteSql } from '../storage/sqlite-sql';
import type { RedisState } from '../shared-state/redis-state';

export type ServicesOptions = {
  db: Db;
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
  const credentials = createCredentialsStore(options.db, createSecretBox(options.appSecret, options.previousAppSecret));
  const settings = createCardSettingsStore(options.db, options.clock);
  const redis = options.redis;
  const shopify = createShopifyGateway({
    endpoint: options.endpoint,
    credentials,
    ...(redis ? { sharedTokens: redis } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...options.gateway,
  });
  const sql = sqliteSql(options.db);
  const people = createPeopleStore(sql, options.clock);
  const cards = createCardService({
    credentials,
    settings,
    shopify,
    people,
    ...(redis ? { redis } : {}),
    settingsGeneration: databaseGeneration(options.db),
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
    credential: () => {
      const id = settings.activation()?.credentialId;
      return id ? credentials.get(id) : null;
    },
    forget: (orderId, customerId) => cards.forgetOrder(orderId, customerId),
    ...(options.gateway?.budget ? { budget: options.gateway.budget } : {}),
  });
  return {
    db: options.db,
    redis,
    /** What `/api/health` tells: the database engine, and whether Redis is off, connected or unavailable. */
    health: () => ({
      database: sql.engine,
      redis: !redis ? ('off' as const) : redis.available() ? ('connected' as const) : ('unavailable' as const),
    }),
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
