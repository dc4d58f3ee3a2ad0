import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { BulkOperationRecord } from './bulk-model';

/**
 * Where bulk operation files are downloaded from: signed, expiring links like the cloud storage
 * links Shopify hands out, with no access token in them. The file is streamed from disk, never
 * read whole. Links last seven days after the operation finished, as Shopify's do.
 */

export const BULK_FILE_PATH = '/storage/bulk-operations';
export const BULK_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const storageError = (status: number, code: string, message: string) =>
  new Response(`<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`, {
    status,
    headers: { 'content-type': 'application/xml; charset=UTF-8' },
  });

export function createBulkStorage(options: { clock: () => number; operation: (id: number) => BulkOperationRecord | undefined }) {
  const secret = randomBytes(32);
  const sign = (id: number, expires: number) => createHmac('sha256', secret).update(`${id}:${expires}`).digest('base64url');

  return {
    /** The signed link to an operation's file, on the origin the client reached. */
    url(operation: BulkOperationRecord, origin: string): string {
      const expires = Math.floor(((operation.completedAt ?? operation.createdAt) + BULK_LINK_LIFETIME_MS) / 1000);
      return `${origin}${BULK_FILE_PATH}/${operation.id}.jsonl?Expires=${expires}&Signature=${sign(operation.id, expires)}`;
    },

    /** Answers a download: the file as a stream, or the storage's XML error. */
    serve(request: Request, name: string): Response {
      const url = new URL(request.url);
      const id = Number(/^(\d+)\.jsonl$/.exec(name)?.[1]);
      const expires = Number(url.searchParams.get('Expires'));
      const given = Buffer.from(url.searchParams.get('Signature') ?? '');
      const wanted = Buffer.from(Number.isFinite(id) && Number.isFinite(expires) ? sign(id, expires) : '');
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        return storageError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      }
      if (expires * 1000 <= options.clock()) return storageError(400, 'ExpiredToken', 'The provided token has expired.');
      const operation = options.operation(id);
      if (!operation?.file) return storageError(404, 'NoSuchKey', 'The specified key does not exist.');
      const stream = Readable.toWeb(createReadStream(operation.file)) as ReadableStream<Uint8Array>;
      return new Response(stream, {
        status: 200,
        headers: { 'content-type': 'application/jsonl', 'content-length': String(operation.bytes), 'cache-control': 'private, max-age=0' },
      });
    },
  };
}
