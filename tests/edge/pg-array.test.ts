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
    // Read back as JSON text: drivers decode array results differently (postgres.js turns NULL into 'NULL').
    const [row] = await queryRows<{ v: string }>(db, sql`select array_to_json(${pgArray(texts)}::text[])::text as v`);
    expect(JSON.parse(row!.v)).toEqual(texts);
  });

  it('keeps numbers, booleans and NULLs typed, and non-finite numbers become NULL', async () => {
    const [row] = await queryRows<{ r: string; b: string; n: number }>(
      db,
      sql`select array_to_json(${pgArray([1.5, -2, 1e21, null, Number.NaN])}::float8[])::text as r,
        array_to_json(${pgArray([true, false, null])}::bool[])::text as b, cardinality(${pgArray([])}::int[])::int as n`,
    );
    expect(JSON.parse(row!.r)).toEqual([1.5, -2, 1e21, null, null]);
    expect(JSON.parse(row!.b)).toEqual([true, false, null]);
    expect(row!.n).toBe(0);
  });
});
