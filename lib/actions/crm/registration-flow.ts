import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { reserveRateLimits } from '@/db/queries/auth/rate-limit';
import { registerLead, registrationOrgId } from '@/db/queries/crm/registration';
import type { ActionResult } from '@/lib/actions/action';
import { addressBucket } from '@/lib/auth/client-address';
import { AppError } from '@/lib/core/errors';
import { toFieldErrors } from '@/lib/core/field-errors';
import { deliver, type SmtpConfig } from '@/lib/integrations/notify';
import { leadConfirmMessage } from '@/lib/notifications/lead-confirm';
import { registrationSchema } from '@/lib/validation/crm';

/** Sign-ups per address per hour: enough for an office behind one NAT, too few to flood the lead list. */
const PER_HOUR = 5;

export const confirmTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The public sign-up, apart from the request it came in (the action reads host, address and brand):
 * rate-limited per address, validated, filed as a lead of the right organization, and a confirmation
 * link e-mailed when SMTP is configured. A known e-mail gets the same answer as a new one.
 */
export async function submitRegistration(db: Db, raw: unknown, ctx: { ip: string; brandOrgId: string | null; baseUrl: string; appName: string; smtp: SmtpConfig | null; now: Date }): Promise<ActionResult<{ sent: boolean }>> {
  const limited = await reserveRateLimits(db, [{ key: `register:${addressBucket(ctx.ip)}`, max: PER_HOUR }], 3600, ctx.now);
  if (!limited.ok) return { ok: false, code: 'RATE_LIMITED' };
  const parsed = registrationSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'VALIDATION', fieldErrors: toFieldErrors(parsed.error) };
  const input = parsed.data;
  const orgId = await registrationOrgId(db, { brandOrgId: ctx.brandOrgId, referralCode: input.referralCode });
  if (!orgId) return { ok: false, code: 'NOT_FOUND' };
  const token = randomBytes(24).toString('base64url');
  try {
    const lead = await registerLead(db, orgId, input, confirmTokenHash(token), ctx.now);
    if (!lead || !ctx.smtp) return { ok: true, data: { sent: Boolean(lead && ctx.smtp) } };
    const { subject, text } = leadConfirmMessage({ locale: input.locale, name: input.name, url: `${ctx.baseUrl}/${input.locale}/register/confirm?token=${token}`, appName: ctx.appName });
    await deliver(db, { orgId, userId: null, channel: 'email', target: input.email, kind: 'lead.confirm', dedupeKey: `lead-confirm:${lead.id}`, subject, text, payload: { leadId: lead.id } }, { smtp: ctx.smtp, email: { maxAttempts: 2, backoffMs: 500 } });
    return { ok: true, data: { sent: true } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, fieldErrors: error.fieldErrors };
    throw error;
  }
}
