import { parseArgs } from 'node:util';
import { EnvError, loadConfig } from '../setup/env';
import { parseTtl, roles, signToken, type Role } from '../auth/tokens';

const usage = 'Usage: npm run token -- --role agent|admin [--sub ID] [--ttl 15m]';

/** Prints one signed token, alone, on stdout. */
async function main() {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string', default: '15m' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const role = values.role as Role | undefined;
  if (!role || !roles.includes(role)) throw new Error(`--role must be agent or admin. ${usage}`);
  const config = loadConfig();
  const token = await signToken(config.appSecret, { sub: values.sub ?? `${role}-cli`, role }, parseTtl(values.ttl ?? '15m'));
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error instanceof Error ? error.message : String(error));
  process.exit(1);
});
