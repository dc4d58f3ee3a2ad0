import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const flag = z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']).transform((v) => ['1', 'true', 'on', 'yes'].includes(v));
const origin = z
  .string()
  .trim()
  .transform((value, ctx) => {
    try {
      const url = new URL(value);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '')) return url.origin;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://inbox.example.com` });
    return z.NEVER;
  });
const optionalText = z
  .string()
  .trim()
  .min(1)
  .optional()
  .or(z.literal('').transform(() => undefined));

/** `3m`, `90s`, `1h` or plain milliseconds: how often the People sync looks for changes. */
const duration = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const match = /^(\d+)(ms|s|m|h)?$/.exec(value);
    const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
    const ms = match ? Number(match[1]) * (units[match[2] ?? 'ms'] ?? NaN) : NaN;
    if (Number.isFinite(ms) && ms >= 5_000 && ms <= 86_400_000) return ms;
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration between 5s and 24h, like 3m, 90s or 1h` });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(8787),
  DEMO_PORT: port.default(8788),
  DATA_DIR: z.string().min(1).default('./data'),
  APP_SECRET: z.string().min(32, 'APP_SECRET must be at least 32 characters').optional(),
  APP_SECRET_PREVIOUS: optionalText.pipe(z.string().min(32, 'APP_SECRET_PREVIOUS must be at least 32 characters').optional()),
  PUBLIC_ORIGIN: origin.optional(),
  ALLOWED_HOST_ORIGINS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  SHOPIFY_API_ORIGIN: origin.optional(),
  SHOPIFY_SHOP: optionalText,
  SHOPIFY_CLIENT_ID: optionalText,
  SHOPIFY_CLIENT_SECRET: optionalText,
  SHOPIFY_ACCESS_TOKEN: optionalText,
  DEMO: flag.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PEOPLE_SYNC_INTERVAL: duration.default(180_000),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'DATABASE_URL must look like postgres://user:password@host:5432/database')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDIS_KEY_PREFIX: z
    .string()
    .trim()
    .regex(/^[\w.:-]{1,64}$/, 'REDIS_KEY_PREFIX must be 1 to 64 letters, digits, dots, colons, dashes or underscores')
    .default('context-card:'),
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\/[^\s]+$/, 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** Rules across variables, read from the raw values so they are reported beside any other fault. */
function crossChecks(source: NodeJS.ProcessEnv): string[] {
  const has = (name: string) => Boolean(source[name]?.trim());
  const problems: string[] = [];
  const oauth = has('SHOPIFY_CLIENT_ID') || has('SHOPIFY_CLIENT_SECRET');
  if (oauth && !(has('SHOPIFY_CLIENT_ID') && has('SHOPIFY_CLIENT_SECRET'))) {
    problems.push('SHOPIFY_CLIENT_SECRET: SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET go together');
  }
  if (oauth && has('SHOPIFY_ACCESS_TOKEN')) {
    problems.push('SHOPIFY_ACCESS_TOKEN: give either SHOPIFY_CLIENT_ID + SHOPIFY_CLIENT_SECRET or SHOPIFY_ACCESS_TOKEN, not both');
  }
  if ((oauth || has('SHOPIFY_ACCESS_TOKEN')) && !has('SHOPIFY_SHOP')) {
    problems.push('SHOPIFY_SHOP: required with Shopify credentials');
  }
  if (has('SHOPIFY_SHOP') && !oauth && !has('SHOPIFY_ACCESS_TOKEN')) {
    problems.push('SHOPIFY_SHOP: needs SHOPIFY_CLIENT_ID + SHOPIFY_CLIENT_SECRET or SHOPIFY_ACCESS_TOKEN');
  }
  if (has('APP_SECRET_PREVIOUS') && source.APP_SECRET_PREVIOUS?.trim() === source.APP_SECRET?.trim()) {
    problems.push('APP_SECRET_PREVIOUS: is the same as APP_SECRET; give the secret APP_SECRET had before it changed');
  }
  if (source.NODE_ENV === 'production' && !has('APP_SECRET')) {
    problems.push('APP_SECRET: required in production (at least 32 random characters)');
  }
  return problems;
}

export type EnvCredential =
  | { kind: 'client_credentials'; shop: string; clientId: string; clientSecret: string }
  | { kind: 'access_token'; shop: string; accessToken: string };

export type Config = {
  production: boolean;
  port: number;
  demoPort: number;
  dataDir: string;
  appSecret: string;
  /** The secret APP_SECRET had before a rotation: it still opens stored secrets and verifies tokens. */
  previousAppSecret: string | undefined;
  publicOrigin: string;
  demo: boolean;
  allowedHostOrigins: string[];
  shopifyApiOrigin: string | undefined;
  envCredential: EnvCredential | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Milliseconds between People sync runs. */
  peopleSyncIntervalMs: number;
  /** PostgreSQL for everything kept, shared by several instances; SQLite in `dataDir` without it. */
  databaseUrl: string | undefined;
  /** Shared state for several instances (cache, single flight, tokens, rate limits); none for one process. */
  redisUrl: string | undefined;
  /** What every Redis key of this deployment starts with: deployments (or test runs) sharing one Redis never meet. */
  redisKeyPrefix: string;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses the environment once at start; every bad variable is named in one error. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`)),
    ...crossChecks(source),
  ];
  if (!parsed.success || problems.length > 0) throw new EnvError(problems);
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR);
  const demo = env.DEMO ?? !production;
  const publicOrigin = env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`;
  const demoOrigin = `http://127.0.0.1:${env.DEMO_PORT}`;
  let envCredential: EnvCredential | undefined;
  if (env.SHOPIFY_SHOP && env.SHOPIFY_CLIENT_ID && env.SHOPIFY_CLIENT_SECRET) {
    envCredential = {
      kind: 'client_credentials',
      shop: env.SHOPIFY_SHOP,
      clientId: env.SHOPIFY_CLIENT_ID,
      clientSecret: env.SHOPIFY_CLIENT_SECRET,
    };
  } else if (env.SHOPIFY_SHOP && env.SHOPIFY_ACCESS_TOKEN) {
    envCredential = { kind: 'access_token', shop: env.SHOPIFY_SHOP, accessToken: env.SHOPIFY_ACCESS_TOKEN };
  }
  return {
    production,
    port: env.PORT,
    demoPort: env.DEMO_PORT,
    dataDir,
    appSecret: env.APP_SECRET ?? readOrCreateSecret(dataDir),
    previousAppSecret: env.APP_SECRET_PREVIOUS,
    publicOrigin,
    demo,
    allowedHostOrigins: [...new Set([...env.ALLOWED_HOST_ORIGINS, ...(demo ? [demoOrigin] : [])])],
    shopifyApiOrigin: env.SHOPIFY_API_ORIGIN,
    envCredential,
    logLevel: env.LOG_LEVEL,
    peopleSyncIntervalMs: env.PEOPLE_SYNC_INTERVAL,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
  };
}

/** Outside production a missing APP_SECRET is generated once and kept in DATA_DIR. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
