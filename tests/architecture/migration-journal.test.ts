import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '@/db/client';

type Entry = { idx: number; when: number; tag: string };
const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: Entry[] };

// Drizzle's migrator applies, on an existing database, only the journal entries whose `when` is later
// than the last one it applied: an entry landed with a smaller `when` than the one before it would
// be skipped silently on every database that already exists (the demo's embedded one included).
describe('the migration journal', () => {
  it('has strictly increasing `when` in journal order', () => {
    const outOfOrder = journal.entries.filter((e, i) => i > 0 && e.when <= journal.entries[i - 1]!.when).map((e) => e.tag);
    expect(outOfOrder).toEqual([]);
  });

  it('names each migration once, by a file that exists', () => {
    const tags = journal.entries.map((e) => e.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(new Set(journal.entries.map((e) => e.idx)).size).toBe(tags.length);
    expect(tags.filter((t) => !existsSync(path.join(migrationsFolder, `${t}.sql`)))).toEqual([]);
  });
});
