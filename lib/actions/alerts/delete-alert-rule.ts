'use server';

import { deleteRule } from '@/db/queries/alerts/rules';
import { deleteOwnAction } from './delete-own';

const run = deleteOwnAction(deleteRule, { action: 'alert_rule.delete', entityType: 'profitability_alert_rule' });

export async function deleteAlertRuleAction(id: string) {
  return run({ id });
}
