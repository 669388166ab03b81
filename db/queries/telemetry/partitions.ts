import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { pgErrorCode } from '../../errors';

const DAY_MS = 86_400_000;
export const RAW_RETENTION_MS = 26 * 3600 * 1000;

const known = new WeakMap<Db, Set<string>>();

const dayKey = (t: number) => new Date(Math.floor(t / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
const partitionName = (day: string) => `telemetry_raw_p${day.replaceAll('-', '')}`;

/**
 * Creates the day partitions of telemetry_raw that cover the span of these instants (the first to
 * the last day). Remembered per database handle so the hot ingest path issues DDL only once a day;
 * two instances racing to create the same partition is harmless (the loser sees "already exists").
 */
export async function ensureRawPartitions(db: Db, instants: number[]): Promise<void> {
  const seen = known.get(db) ?? new Set<string>();
  known.set(db, seen);
  if (!instants.length) return;
  const last = Math.max(...instants);
  const span: string[] = [];
  for (let t = Math.floor(Math.min(...instants) / DAY_MS) * DAY_MS; t <= last; t += DAY_MS) span.push(dayKey(t));
  const days = span.filter((d) => !seen.has(d));
  for (const day of days) {
    const from = `${day}T00:00:00Z`;
    const to = new Date(Date.parse(from) + DAY_MS).toISOString();
    try {
      await db.execute(
        sql.raw(`create table if not exists ${partitionName(day)} partition of telemetry_raw for values from ('${from}') to ('${to}')`),
      );
    } catch (e) {
      const code = pgErrorCode(e);
      if (code !== '42P07' && code !== '23505') throw e;
    }
    seen.add(day);
  }
}

export async function listRawPartitions(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
        where p.relname = 'telemetry_raw' and p.relnamespace = current_schema()::regnamespace order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Drops day partitions whose whole range is older than the 26-hour retention. Returns their names. */
export async function dropExpiredRawPartitions(db: Db, now: Date): Promise<string[]> {
  const cutoff = now.getTime() - RAW_RETENTION_MS;
  const dropped: string[] = [];
  for (const name of await listRawPartitions(db)) {
    const m = /^telemetry_raw_p(\d{4})(\d{2})(\d{2})$/.exec(name);
    if (!m) continue;
    const end = Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) + DAY_MS;
    if (end > cutoff) continue;
    await db.execute(sql.raw(`drop table if exists ${name}`));
    known.get(db)?.delete(`${m[1]}-${m[2]}-${m[3]}`);
    dropped.push(name);
  }
  return dropped;
}
