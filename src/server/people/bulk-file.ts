export type BulkLine = { index: number; node: Record<string, unknown> };

/**
 * The lines of a bulk operation's JSONL file, read as they arrive: a chunk is read only when the lines before it
 * have been handled, so a slow writer holds back the download instead of the file piling up in memory. Lines
 * before `skip` are passed over unparsed (a resumed run has written them already).
 */
export async function* bulkFileLines(response: Response, skip = 0): AsyncGenerator<BulkLine> {
  if (!response.ok || !response.body) throw new Error(`The bulk file could not be read (HTTP ${response.status}).`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  let index = -1;
  function* lines(text: string): Generator<BulkLine> {
    for (const line of text.split('\n')) {
      index += 1;
      if (index < skip || line.trim() === '') continue;
      const node = JSON.parse(line) as unknown;
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) yield { index, node: node as Record<string, unknown> };
    }
  }
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = rest + decoder.decode(value, { stream: true });
      const end = text.lastIndexOf('\n');
      if (end === -1) {
        rest = text;
        continue;
      }
      rest = text.slice(end + 1);
      yield* lines(text.slice(0, end));
    }
    rest += decoder.decode();
    if (rest.trim() !== '') yield* lines(rest);
  } finally {
    reader.releaseLock();
    await response.body.cancel().catch(() => undefined);
  }
}

/** The kind of object a line holds, from its GID: `gid://shopify/Customer/1` is a Customer. */
export function gidType(id: unknown): string | null {
  return typeof id === 'string' ? (/^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1] ?? null) : null;
}
