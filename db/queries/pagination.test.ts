import { describe, expect, it } from 'vitest';
import { pageOf } from './pagination';

/** Stands in for a drizzle select over `total` rows: records each window it is run with. */
function recording(total: number) {
  const runs: { limit: number; offset: number }[] = [];
  const query = {
    limit: (limit: number) => ({
      offset: async (offset: number) => {
        runs.push({ limit, offset });
        return Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ n: offset + i, total }));
      },
    }),
  };
  return { query, runs };
}

describe('pageOf', () => {
  it('runs the query once when the page has rows, and drops the count from them', async () => {
    const { query, runs } = recording(60);
    expect(await pageOf({ page: 2, pageSize: 25 }, query)).toEqual({ rows: Array.from({ length: 25 }, (_, i) => ({ n: 25 + i })), total: 60, page: 2, pageSize: 25, pageCount: 3 });
    expect(runs).toEqual([{ limit: 25, offset: 25 }]);
  });

  it('past the last page asks once more for the first row, for the total', async () => {
    const { query, runs } = recording(60);
    expect(await pageOf({ page: 9, pageSize: 25 }, query)).toEqual({ rows: [], total: 60, page: 9, pageSize: 25, pageCount: 3 });
    expect(runs).toEqual([
      { limit: 25, offset: 200 },
      { limit: 1, offset: 0 },
    ]);
  });

  it('an empty first page is an empty set: no second run', async () => {
    const { query, runs } = recording(0);
    expect(await pageOf({ page: 1, pageSize: 25 }, query)).toEqual({ rows: [], total: 0, page: 1, pageSize: 25, pageCount: 1 });
    expect(runs).toHaveLength(1);
  });
});
