import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { createTestDb } from '../helpers/db';
import { pgArray } from '@/db/queries/pg-array';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => ({ db, drop } = await createTestDb()));
afterAll(async () => drop());

describe('pgArray', () => {
  it('round-trips text with quotes, backslashes, commas, braces, blanks and NULLs', async () => {
    const texts = ['a,b', 'say "hi"', 'back\\slash', '{x}', ' ', '', null, 'NULL', 'ünï'];
    const [row] = await queryRows<{ v: (string | null)[] }>(db, sql`select ${pgArray(texts)}::text[] as v`);
    expect(row!.v).toEqual(texts);
  });

  it('keeps numbers, booleans and NULLs typed, and non-finite numbers become NULL', async () => {
    const [row] = await queryRows<{ r: number[]; b: boolean[]; n: number }>(
      db,
      sql`select ${pgArray([1.5, -2, 1e21, null, Number.NaN])}::float8[] as r, ${pgArray([true, false, null])}::bool[] as b,
        cardinality(${pgArray([])}::int[]) as n`,
    );
    expect(row!.r).toEqual([1.5, -2, 1e21, null, null]);
    expect(row!.b).toEqual([true, false, null]);
    expect(row!.n).toBe(0);
  });
});
