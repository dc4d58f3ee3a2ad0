import { rmSync } from 'node:fs';

// Each end-to-end run starts from an empty data directory.
if (process.env.DATA_DIR) rmSync(process.env.DATA_DIR, { recursive: true, force: true });
await import('../src/server/setup/main');
