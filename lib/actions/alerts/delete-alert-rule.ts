'use server';

import { getDb } from '@/db';
import { deleteRule } from '@/db/queries/alerts/rules';
import { recordAudit } from '@/db/queries/admin/audit';
import { authorizedAction } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { idSchema } from '@/lib/validation/alerts';

const run = authorizedAction({ module: 'basic:settings', level: 'FULL' }, idSchema, async ({ id }, actor) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const deleted = await deleteRule(tx, { orgId: actor.orgId, userId: actor.userId }, id);
    if (!deleted) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'alert_rule.delete', entityType: 'profitability_alert_rule', entityId: id, before: deleted });
    return { id };
  });
});

export async function deleteAlertRuleAction(id: string) {
  return run({ id });
}
