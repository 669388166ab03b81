import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrationsFolder } from '@/db/client';

/**
 * A copy of the committed migrations that ends just before the one tagged `*_<name>`, so a test can
 * fill a database as it stood then and watch that migration change it.
 */
export async function migrationsBefore(name: string): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'hi-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  // Journal order is the order migrations apply (idx numbers are not always in landing order).
  const stop = journal.entries.findIndex((e) => e.tag.endsWith(`_${name}`));
  if (stop < 0) throw new Error(`no migration named ${name}`);
  journal.entries = journal.entries.slice(0, stop);
  await writeFile(journalPath, JSON.stringify(journal));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}
