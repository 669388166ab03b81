'use server';

import { getDb } from '@/db';
import { queueReportRun } from '@/db/queries/reports/runs';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/core/errors';
import { isOrgWide } from '@/lib/core/scope';
import { CLIENT_REPORT_KINDS } from '@/lib/reports/build';
import { reportRequestSchema } from '@/lib/validation/reports';

const MODULE = { pdf: 'report:pdf', xlsx: 'report:excel', pptx: 'report:ppt' } as const;

/**
 * Queues a report for the reports job, in the asker's scope and language. The format needs its own
 * permission (a client may have PDF and Excel, not PowerPoint); a client may ask only for its own
 * operations or statement — the job would refuse the rest too, this says so at once.
 */
const run = authorizedAction({ module: 'report:pdf', level: 'READ' }, reportRequestSchema, async (input, actor) => {
  if (!can(actor.role, MODULE[input.format], 'READ')) throw new AppError('FORBIDDEN', 'Not allowed for this format');
  if (actor.scope.customers !== 'all' && !CLIENT_REPORT_KINDS.includes(input.kind)) throw new AppError('FORBIDDEN', 'Not a report for clients');
  if (input.kind === 'treasury' && !isOrgWide(actor.scope)) throw new AppError('FORBIDDEN', 'The treasury is the organization’s');
  const locale = actor.locale === 'zh' ? 'zh' : 'en';
  const id = await queueReportRun(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, { kind: input.kind, format: input.format, locale, month: input.month, customerId: input.customerId ?? null });
  return { id };
});

export async function requestReportAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
