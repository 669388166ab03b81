import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { resolveMinerRows } from '@/lib/hosting/resolve-miner-rows';
import { insertMiners } from '@/db/queries/hosting/miner-writes';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { AppError } from '@/lib/core/errors';
import { readJson } from '@/lib/api/read-body';
import { withActor } from '@/lib/api/with-actor';
import { MAX_BATCH_ROWS, minerBatchSchema } from '@/lib/validation/hosting';

/**
 * `POST /api/hosting/miners/batch` `{ rows: [...], mode?: 'all' | 'valid_only', dryRun?: boolean }`.
 * Up to 5,000 rows. In `all` mode (the default) one invalid row rejects the batch: nothing is written
 * and every error comes back by row (409 when all of them are clashes with stored miners, else 400).
 * `valid_only` writes the valid rows and reports the skipped ones; `dryRun` only validates.
 */
export const POST = withActor({ module: 'hosting:batch_create', level: 'FULL' }, async (req, { actor }) => {
  const body = minerBatchSchema.parse(await readJson(req, BODY_LIMITS.minerBatch));
  if (body.rows.length > MAX_BATCH_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', `At most ${MAX_BATCH_ROWS} rows per request`);
  const db = await getDb();
  const { valid, errors } = await resolveMinerRows(db, actor.scope, body.rows);
  const summary = { received: body.rows.length, valid: valid.length, invalid: new Set(errors.map((e) => e.row)).size };
  if (body.dryRun) return NextResponse.json({ ...summary, created: 0, errors });
  const refused = { details: { rows: errors }, alongside: { ...summary, created: 0 } };
  if (errors.length && body.mode === 'all') {
    const code = errors.every((e) => e.code === 'taken') ? 'CONFLICT' : 'VALIDATION';
    throw new AppError(code, `${summary.invalid} row(s) are invalid; nothing was written`, undefined, refused);
  }
  if (!valid.length) throw new AppError('VALIDATION', 'No valid rows', undefined, refused);
  const created = await insertMiners(db, { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, valid.map((v) => v.value));
  return NextResponse.json({ ...summary, created: created.length, ids: created.map((c) => c.id), errors }, { status: 201 });
});
