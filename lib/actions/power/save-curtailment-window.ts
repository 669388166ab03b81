'use server';

import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { saveCurtailmentWindows } from '@/db/queries/power/curtailment-windows';
import { sites } from '@/db/schema';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { scopeAllowsSite } from '@/lib/core/scope';
import { addDays, zonedTime } from '@/lib/domain/power/zone';
import { curtailmentWindowSchema } from '@/lib/validation/curtailment-plans';

/** One scheduled or peak-warning window typed in the site's own zone; an end at or before the start is the next day. */
const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, curtailmentWindowSchema, async (input, actor) => {
  if (!scopeAllowsSite(actor.scope, input.siteId)) throw new AppError('NOT_FOUND');
  const db = await getDb();
  const [site] = await db.select({ timeZone: sites.timeZone }).from(sites).where(eq(sites.id, input.siteId));
  if (!site) throw new AppError('NOT_FOUND');
  const startsAt = zonedTime(input.date, input.from, site.timeZone);
  const endsAt = zonedTime(input.to <= input.from ? addDays(input.date, 1) : input.date, input.to, site.timeZone);
  if (endsAt.getTime() <= Date.now()) throw new AppError('VALIDATION', 'The window is over', { to: 'past' });
  const w = { kind: input.kind, startsAt, endsAt, strategy: input.strategy, targetKind: input.targetKind, targetKw: input.targetKw, perMinute: input.perMinute, note: input.note ?? null };
  await saveCurtailmentWindows(db, actor.scope, actor.userId, input.siteId, [w], 'manual');
  return { startsAt: startsAt.toISOString() };
});

export async function saveCurtailmentWindowAction(_prev: ActionResult<{ startsAt: string }> | null, form: FormData) {
  return run(formToObject(form));
}
