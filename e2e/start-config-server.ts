import { rmSync } from 'node:fs';
import { startSandboxStore } from '../mocks/shopify/store';

/**
 * A BFF with nothing configured and no demo, but a sandbox store it can reach: what a new admin
 * meets before adding the first credential. `main.ts` starts a sandbox only in demo mode, so this
 * script starts one on SANDBOX_PORT and points SHOPIFY_API_ORIGIN at it. SANDBOX_GRANTED_SCOPES
 * (comma-separated) narrows the scopes its app is granted.
 */
if (process.env.DATA_DIR) rmSync(process.env.DATA_DIR, { recursive: true, force: true });
const grantedScopes = process.env.SANDBOX_GRANTED_SCOPES?.split(',').filter(Boolean);
const sandbox = await startSandboxStore({ port: Number(process.env.SANDBOX_PORT ?? 0), ...(grantedScopes ? { grantedScopes } : {}) });
process.env.SHOPIFY_API_ORIGIN = sandbox.origin;
await import('../src/server/setup/main');
