import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export type BulkLine = { index: number; node: Record<string, unknown> };

/**
 * The lines of a bulk operation's JSONL file, read as they arrive: never the whole file in memory. Lines before
 * `skip` are passed over unparsed (a resumed run has written them already).
 */
export async function* bulkFileLines(response: Response, skip = 0): AsyncGenerator<BulkLine> {
  if (!response.ok || !response.body) throw new Error(`The bulk file could not be read (HTTP ${response.status}).`);
  const lines = createInterface({ input: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), crlfDelay: Infinity });
  let index = -1;
  try {
    for await (const line of lines) {
      index += 1;
      if (index < skip || line.trim() === '') continue;
      const node = JSON.parse(line) as unknown;
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) yield { index, node: node as Record<string, unknown> };
    }
  } finally {
    lines.close();
  }
}

/** The kind of object a line holds, from its GID: `gid://shopify/Customer/1` is a Customer. */
export function gidType(id: unknown): string | null {
  return typeof id === 'string' ? (/^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1] ?? null) : null;
}
