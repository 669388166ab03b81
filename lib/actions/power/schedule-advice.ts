'use server';

import { getDb } from '@/db';
import { loadPowerAdvice } from '@/db/queries/power/advice';
import { saveCurtailmentWindows } from '@/db/queries/power/curtailment-windows';
import { authorizedAction } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { z } from '@/lib/validation/zod';

const schema = z.object({ siteId: z.uuid('invalid'), startsAt: z.iso.datetime({ error: 'invalid' }) });

/**
 * One click on an advised window: the advice is worked out again on the server (nothing the browser
 * sends is trusted but which window) and stored as a scheduled curtailment window of the advised
 * reduction, run by the optimal (HiGHS) strategy, which weighs each miner's revenue against the
 * window's tariff when it starts. A window no longer advised (the hashprice or the tariff moved) is a 4xx.
 */
export const scheduleAdviceAction = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, schema, async (input, actor) => {
  const db = await getDb();
  const advice = await loadPowerAdvice(db, actor.scope, input.siteId, new Date());
  const w = advice.windows.find((x) => x.start.getTime() === Date.parse(input.startsAt));
  if (!w) throw new AppError('VALIDATION', 'No longer advised', { startsAt: 'adviceStale' });
  const targetKw = Math.ceil(w.shedW / 100) / 10;
  const note = `advice: ${w.miners.length} miners, ${w.savingCents} ¢ at ${Math.round(w.hashpriceUsdPerPhDay * 100) / 100} USD/PH/day (${w.source.kind === 'forecast' ? `forecast ${w.source.day}` : `measured ${w.source.at}`})`;
  await saveCurtailmentWindows(db, actor.scope, actor.userId, input.siteId, [{ kind: 'scheduled', startsAt: w.start, endsAt: w.end, strategy: 'optimal', targetKind: 'reduction', targetKw, perMinute: 100, note }], 'manual');
  return { startsAt: w.start.toISOString(), targetKw };
});

