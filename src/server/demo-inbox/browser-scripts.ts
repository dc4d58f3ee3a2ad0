import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/**
 * The demo inbox's browser scripts. They are TypeScript files under browser/, type-checked and linted
 * with the browser code; each is bundled here into one self-contained script (its own scope, the types
 * gone) when this module loads, in a few milliseconds, so that `npm start`, `npm run dev`, the tests
 * and the benchmarks serve them with no build step of their own.
 */
const scripts = {
  inbox: 'inbox',
  urlHost: 'url-host',
  chatwootHost: 'chatwoot-host',
  postMessageHost: 'postmessage-host',
} as const;

function bundle(): Record<keyof typeof scripts, string> {
  const dir = fileURLToPath(new URL('./browser/', import.meta.url));
  const { outputFiles } = buildSync({
    entryPoints: Object.values(scripts).map((name) => `${dir}${name}.ts`),
    outdir: dir,
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
  });
  const built = new Map(outputFiles.map((file) => [basename(file.path, '.js'), file.text]));
  const text = (name: string) => {
    const script = built.get(name);
    if (script === undefined) throw new Error(`The demo inbox script ${name} was not built`);
    return script;
  };
  return {
    inbox: text(scripts.inbox),
    urlHost: text(scripts.urlHost),
    chatwootHost: text(scripts.chatwootHost),
    postMessageHost: text(scripts.postMessageHost),
  };
}

const built = bundle();
export const inboxScript = built.inbox;
export const urlHostScript = built.urlHost;
export const chatwootHostScript = built.chatwootHost;
export const postMessageHostScript = built.postMessageHost;
