import { sql } from 'drizzle-orm';
import { NOT_IN_SERVICE } from '@/lib/domain/hosting/fleet-count';
import { miners } from '../../schema';

/**
 * The one definition of a miner in service (lib/domain/hosting/fleet-count.ts) for every count in
 * SQL. Literals, not parameters: they are constants, and a literal lets the planner use the status index.
 */
export const inServiceSql = sql`${miners.status} not in (${sql.raw(NOT_IN_SERVICE.map((s) => `'${s}'`).join(', '))})`;
