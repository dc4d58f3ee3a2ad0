import { randomBytes } from 'node:crypto';

let last = 0;
let sequence = 0;
// Random bytes drawn 4 KB at a time: one system call per few hundred ids instead of one each.
let pool = randomBytes(4096);
let offset = 0;

function random7(): string {
  if (offset + 7 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += 7;
  return pool.toString('hex', offset - 7, offset);
}

/**
 * An id that sorts by creation time (milliseconds, then a counter), with random bits after: a UUIDv7 in spirit.
 * Rows keyed by it are appended at the end of their index instead of landing at random pages, which keeps a
 * 100,000-row sync from rewriting the whole index at every batch.
 */
export function sortableId(now: number = Date.now()): string {
  if (now <= last) {
    sequence += 1;
  } else {
    last = now;
    sequence = 0;
  }
  const time = last.toString(16).padStart(12, '0');
  const count = sequence.toString(16).padStart(6, '0');
  const random = random7();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${count.slice(0, 3)}-${count.slice(3, 6)}${random.slice(0, 1)}-${random.slice(1, 13)}`;
}
