import { describe, expect, it } from 'vitest';
import { bulkFileLines, gidType } from './bulk-file';

function streamed(chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    }),
  );
}

async function read(response: Response, skip = 0) {
  const out = [];
  for await (const line of bulkFileLines(response, skip)) out.push(line);
  return out;
}

describe('a bulk file read line by line', () => {
  it('joins lines split across chunks, multi-byte characters included, and numbers every line', async () => {
    const lines = await read(
      streamed([
        '{"id":"gid://shopify/Customer/1","firstName":"Zo',
        'ë"}\n{"id":"gid://shop',
        'ify/Order/2","__parentId":"x"}\n\n{"id":3}',
      ]),
    );
    expect(lines).toEqual([
      { index: 0, node: { id: 'gid://shopify/Customer/1', firstName: 'Zoë' } },
      { index: 1, node: { id: 'gid://shopify/Order/2', __parentId: 'x' } },
      { index: 3, node: { id: 3 } },
    ]);
  });

  it('passes over the lines a resumed run has written', async () => {
    expect((await read(streamed(['{"a":1}\n{"a":2}\n{"a":3}\n']), 2)).map((line) => line.node)).toEqual([{ a: 3 }]);
  });

  it('reads the next chunk only when asked: the download waits for the writer', async () => {
    let pulled = 0;
    const response = new Response(
      new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled += 1;
            controller.enqueue(new TextEncoder().encode(`{"n":${pulled}}\n`));
          },
        },
        { highWaterMark: 0 },
      ),
    );
    const lines = bulkFileLines(response);
    await lines.next();
    await lines.next();
    expect(pulled).toBeLessThanOrEqual(3);
    await lines.return(undefined);
  });

  it('tells a line’s object type from its id', () => {
    expect(gidType('gid://shopify/MailingAddress/7?model_name=CustomerAddress')).toBe('MailingAddress');
    expect(gidType(12)).toBeNull();
  });

  it('refuses a file that did not come', async () => {
    await expect(read(new Response('gone', { status: 403 }))).rejects.toThrow('HTTP 403');
  });
});
