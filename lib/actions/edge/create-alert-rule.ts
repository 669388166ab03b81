'use server';

import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { createAlertRule } from '@/db/queries/edge/alerts';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { ALERT_SEVERITIES } from '@/lib/domain/alerts/severity';
import { ALERT_KINDS } from '@/lib/domain/telemetry/alert-rules';

const schema = z.object({
  name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  kind: z.enum(ALERT_KINDS, { error: 'invalid' }),
  threshold: z.coerce.number('number').int('number').min(0, 'outOfRange').max(10_000, 'outOfRange'),
  siteId: z.union([z.literal('').transform(() => null), z.uuid('invalid')]).default(null),
  modelId: z.union([z.literal('').transform(() => null), z.coerce.number('invalid').int('invalid').positive('invalid')]).default(null),
  customerId: z.union([z.literal('').transform(() => null), z.uuid('invalid')]).default(null),
  severity: z.union([z.literal('').transform(() => undefined), z.enum(ALERT_SEVERITIES, { error: 'invalid' })]).optional(),
  channelId: z.union([z.literal('').transform(() => null), z.uuid('invalid')]).default(null),
});

const run = authorizedAction({ module: 'hosting:edge', level: 'FULL' }, schema, async (input, actor) => {
  const rules = await createAlertRule(await getDb(), actor.scope, actor.userId, input);
  return { ids: rules.map((r) => r.id) };
});

export async function createAlertRuleAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
