'use server';

import { getDb } from '@/db';
import { countRules, MAX_RULES, saveRule } from '@/db/queries/alerts/rules';
import { recordAudit } from '@/db/queries/admin/audit';
import { ensureEmailChannel, listChannels } from '@/db/queries/alerts/notification-channels';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { ACCOUNT_EMAIL, alertRuleSchema } from '@/lib/validation/alerts';

const run = authorizedAction({ module: 'basic:settings', level: 'FULL' }, alertRuleSchema, async (input, actor) => {
  const db = await getDb();
  const owner = { orgId: actor.orgId, userId: actor.userId };
  return db.transaction(async (tx) => {
    if (!input.id && (await countRules(tx, owner)) >= MAX_RULES) throw new AppError('CONFLICT', 'too many rules', { _form: 'tooLong' });
    const own = new Set((await listChannels(tx, owner)).map((c) => c.id));
    const channelIds: string[] = [];
    for (const id of new Set(input.channelIds)) {
      if (id === ACCOUNT_EMAIL) channelIds.push(await ensureEmailChannel(tx, owner, actor.email, actor.email));
      else if (own.has(id)) channelIds.push(id);
      else throw new AppError('VALIDATION', 'unknown channel', { channelIds: 'invalid' });
    }
    const id = await saveRule(tx, owner, { id: input.id, kind: input.kind, threshold: input.threshold, channelIds: [...new Set(channelIds)] });
    if (!id) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: input.id ? 'alert_rule.update' : 'alert_rule.create', entityType: 'profitability_alert_rule', entityId: id, after: { kind: input.kind, threshold: input.threshold, channelIds } });
    return { id };
  });
});

export async function saveAlertRuleAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const channelIds = form.getAll('channelIds').filter((v): v is string => typeof v === 'string');
  const raw = formToObject(form);
  return run({ ...raw, id: raw.id || undefined, channelIds });
}
