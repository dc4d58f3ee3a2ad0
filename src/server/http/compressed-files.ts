import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { getMimeType } from 'hono/utils/mime';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip' | 'identity';

/** One file in every encoding a browser may ask for. */
export type EncodedFile = { type: string; identity: Buffer; br: Buffer; gzip: Buffer };

const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|xml)|image\/svg\+xml)/;

/**
 * The encoding to answer with for an `Accept-Encoding` header: Brotli, else gzip, else none; an
 * encoding the browser gives `q=0` is refused.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

/** Compresses `bytes` both ways, as hard as each goes: this is done once per file. */
export function compressBoth(bytes: Buffer): { br: Buffer; gzip: Buffer } {
  return {
    br: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
    gzip: gzipSync(bytes, { level: 9 }),
  };
}

/** The file's bytes in the chosen encoding, with the headers that say so. */
export function encodedResponse(file: EncodedFile, acceptEncoding: string | undefined, headers: Record<string, string>): Response {
  const encoding = chooseEncoding(acceptEncoding);
  const body = file[encoding];
  return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
    headers: {
      ...headers,
      'Content-Type': file.type,
      'Content-Length': String(body.byteLength),
      Vary: 'Accept-Encoding',
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    },
  });
}

/** A built file and the `.br` and `.gz` beside it (written by `vite build`); compressed here when they are missing. */
function readEncoded(path: string, type: string): EncodedFile {
  const identity = readFileSync(path);
  const built = (suffix: string) => (existsSync(`${path}${suffix}`) ? readFileSync(`${path}${suffix}`) : undefined);
  const br = built('.br');
  const gzip = built('.gz');
  return br && gzip ? { type, identity, br, gzip } : { type, identity, ...compressBoth(identity) };
}

const ASSET_PATH = /^\/assets\/[\w.-]+$/;

/**
 * Serves the build's scripts and styles from memory, pre-compressed (Brotli or gzip, as the browser
 * accepts), each read once. Anything else under `/assets/` goes on to the next handler.
 */
export function compressedAssets(distDir: string, headers: Record<string, string>): MiddlewareHandler {
  // Only files that exist are kept: the build's own, a bounded set.
  const files = new Map<string, EncodedFile>();
  return async (c, next) => {
    const path = c.req.path;
    let file = files.get(path);
    if (!file) {
      const type = getMimeType(path);
      const onDisk = join(distDir, path);
      if (!ASSET_PATH.test(path) || path.includes('..') || !type || !COMPRESSIBLE.test(type) || !existsSync(onDisk)) return next();
      file = readEncoded(onDisk, type);
      files.set(path, file);
    }
    return encodedResponse(file, c.req.header('Accept-Encoding'), headers);
  };
}
