import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../test/engines';
import { containsPattern, numberedPlaceholders, type Sql } from './sql';

describe('numbered placeholders for PostgreSQL', () => {
  it('numbers each ? outside quotes and comments', () => {
    expect(numberedPlaceholders('SELECT ? , \'?\' AS q, "a?" FROM t WHERE a = ? -- why?\nAND b = ?')).toBe(
      'SELECT $1 , \'?\' AS q, "a?" FROM t WHERE a = $2 -- why?\nAND b = $3',
    );
    expect(numberedPlaceholders("SELECT 'it''s ?', ?")).toBe("SELECT 'it''s ?', $1");
  });

  it('escapes LIKE wildcards so a search matches them literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

for (const engine of await testEngines()) {
  describe.skipIf(!engine.available)(`the ${engine.name} store`, () => {
    let sql: Sql | undefined;
    afterEach(async () => {
      await sql?.close();
      sql = undefined;
    });

    async function table(): Promise<Sql> {
      sql = await engine.open();
      await sql.run('CREATE TABLE things (id TEXT PRIMARY KEY, n INTEGER NOT NULL, note TEXT)');
      return sql;
    }

    it('writes, reads and counts rows with parameters', async () => {
      const db = await table();
      expect(await db.run('INSERT INTO things (id, n, note) VALUES (?, ?, ?), (?, ?, ?)', ['a', 1, null, 'b', 2, "it's"])).toBe(2);
      expect(await db.all('SELECT id, n, note FROM things ORDER BY id')).toEqual([
        { id: 'a', n: 1, note: null },
        { id: 'b', n: 2, note: "it's" },
      ]);
      expect(await db.get<{ c: number }>('SELECT COUNT(*) AS c FROM things')).toEqual({ c: 2 });
      expect(await db.get('SELECT id FROM things WHERE id = ?', ['zz'])).toBeUndefined();
      const upsert = 'INSERT INTO things (id, n) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET n = excluded.n RETURNING n';
      expect(await db.get(upsert, ['a', 5])).toEqual({ n: 5 });
    });

    it('rolls a transaction back whole when its work throws', async () => {
      const db = await table();
      await expect(
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', 1]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await db.all('SELECT id FROM things')).toEqual([]);
    });

    it('keeps statements sent meanwhile out of an open transaction', async () => {
      const db = await table();
      let release: () => void = () => undefined;
      const held = new Promise<void>((done) => {
        release = done;
      });
      const failing = db.transaction(async (tx) => {
        await tx.run('INSERT INTO things (id, n) VALUES (?, ?)', ['in-tx', 1]);
        await held;
        throw new Error('rolled back');
      });
      const outside = db.run('INSERT INTO things (id, n) VALUES (?, ?)', ['outside', 2]);
      release();
      await expect(failing).rejects.toThrow('rolled back');
      await outside;
      expect(await db.all('SELECT id FROM things')).toEqual([{ id: 'outside' }]);
    });

    it('runs concurrent read-modify-write transactions without losing an update', async () => {
      const db = await table();
      await db.run('INSERT INTO things (id, n) VALUES (?, ?)', ['counter', 0]);
      const lock = engine.name === 'postgres' ? ' FOR UPDATE' : '';
      await Promise.all(
        Array.from({ length: 10 }, () =>
          db.transaction(async (tx) => {
            const row = await tx.get<{ n: number }>(`SELECT n FROM things WHERE id = ?${lock}`, ['counter']);
            await tx.run('UPDATE things SET n = ? WHERE id = ?', [(row?.n ?? 0) + 1, 'counter']);
          }),
        ),
      );
      expect(await db.get('SELECT n FROM things WHERE id = ?', ['counter'])).toEqual({ n: 10 });
    });
  });
}
