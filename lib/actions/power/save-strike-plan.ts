'use server';

import { getDb } from '@/db';
import { createStrikePlan, updateStrikePlan } from '@/db/queries/power/curtailment-plans';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { env } from '@/lib/env';
import { assertPublicFeedUrl } from '@/lib/integrations/power-prices/feed-url-policy';
import { strikeConfigOf, strikePlanSchema } from '@/lib/validation/curtailment-plans';

/**
 * Creates a strike plan, or edits one (`id`): the site's scope is checked by the query. An HTTP feed's
 * host must resolve to public addresses only (feed-url-policy.ts): a 400 on `feedUrl` otherwise.
 */
const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, strikePlanSchema, async (input, actor) => {
  if (input.feedKind === 'http' && input.feedUrl) await assertPublicFeedUrl(input.feedUrl, { allowLoopback: env().powerFeedAllowLoopback });
  const db = await getDb();
  const plan = {
    siteId: input.siteId,
    name: input.name,
    strategy: input.strategy,
    targetKind: input.targetKind,
    targetKw: input.targetKw,
    perMinute: input.perMinute,
    feedKind: input.feedKind,
    feedUrl: input.feedKind === 'http' ? (input.feedUrl ?? null) : null,
    strike: strikeConfigOf(input),
  };
  if (input.id) {
    await updateStrikePlan(db, actor.scope, actor.userId, input.id, { ...plan, enabled: input.enabled });
    return { id: input.id };
  }
  return { id: await createStrikePlan(db, actor.scope, actor.userId, { ...plan, enabled: input.enabled }) };
});

export async function saveStrikePlanAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
