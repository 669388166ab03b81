import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/admin/audit';
import { findMembership, findUserByEmail, setPasswordHash } from '@/db/queries/auth/accounts';
import { reserveRateLimits } from '@/db/queries/auth/rate-limit';
import { addressBucket } from '@/lib/auth/client-address';
import { issueOneTimeToken, redeemOneTimeToken } from '@/lib/auth/one-time-tokens';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/core/errors';
import { deliver, type SmtpConfig } from '@/lib/integrations/notify';
import { passwordResetMessage } from '@/lib/notifications/account-links';
import { endAccess } from '@/db/queries/auth/end-access';

/** Reset e-mails per hour: per address asking, and per account (so nobody floods someone's inbox). */
const LIMITS = { perIp: 10, perEmail: 3, windowS: 3600 } as const;

export type ResetContext = { baseUrl: string; appName: string; smtp: SmtpConfig | null; now: Date };

/**
 * Mails a reset link to an active, non-demo account. The answer is the same whether or not the
 * e-mail has an account, so the form tells nobody who is registered; only whether mail is configured.
 * `requestedBy` is the administrator who asked for it (audited), null from the public form.
 */
export async function requestPasswordReset(db: Db, input: { email: string; locale: string; ip?: string; requestedBy?: { userId: string; orgId: string } }, ctx: ResetContext): Promise<{ mailConfigured: boolean; sent: boolean }> {
  if (!input.requestedBy) {
    const limited = await reserveRateLimits(db, [{ key: `reset:ip:${addressBucket(input.ip ?? 'unknown')}`, max: LIMITS.perIp }, { key: `reset:email:${input.email}`, max: LIMITS.perEmail }], LIMITS.windowS, ctx.now);
    if (!limited.ok) throw new AppError('RATE_LIMITED');
  }
  if (!ctx.smtp) return { mailConfigured: false, sent: false };
  const user = await findUserByEmail(db, input.email);
  const membership = user ? await findMembership(db, user.id) : null;
  if (!user || !membership || user.disabledAt || user.isDemo) return { mailConfigured: true, sent: false };
  const link = await db.transaction(async (tx) => {
    const issued = await issueOneTimeToken(tx, { orgId: membership.orgId, purpose: 'password_reset', email: user.email, userId: user.id, createdBy: input.requestedBy?.userId ?? null }, ctx.now);
    await recordAudit(tx, { orgId: membership.orgId, actorUserId: input.requestedBy?.userId ?? null, action: 'user.password.reset_request', entityType: 'user', entityId: user.id, after: { linkId: issued.id, byAdmin: Boolean(input.requestedBy) } });
    return issued;
  });
  const locale = user.locale === 'zh' ? 'zh' : 'en';
  const url = `${ctx.baseUrl}/${locale}/reset-password?token=${link.token}`;
  const { subject, text } = passwordResetMessage({ locale, name: user.name, url, appName: ctx.appName, expiresAt: link.expiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' });
  const result = await deliver(db, { orgId: membership.orgId, userId: user.id, channel: 'email', target: user.email, kind: 'user.password_reset', dedupeKey: `password-reset:${link.id}`, subject, text, payload: { linkId: link.id } }, { smtp: ctx.smtp, email: { maxAttempts: 2, backoffMs: 500 } });
  return { mailConfigured: true, sent: result.status === 'sent' };
}

/**
 * Sets the new password from a reset link. Every session of the account ends and its API tokens are
 * revoked in the same transaction: whoever held the old password holds nothing afterwards.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }, now: Date): Promise<{ email: string; locale: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await redeemOneTimeToken(tx, 'password_reset', input.token, now);
    if (!row?.userId) throw new AppError('NOT_FOUND', 'The link was used or has expired', { _form: 'linkExpired' });
    const user = await findUserByEmail(tx, row.email);
    if (!user || user.id !== row.userId || user.disabledAt) throw new AppError('NOT_FOUND', 'The account is gone or disabled', { _form: 'linkExpired' });
    await setPasswordHash(tx, user.id, passwordHash);
    const ended = await endAccess(tx, user.id, now);
    await recordAudit(tx, { orgId: row.orgId, actorUserId: user.id, action: 'user.password.reset', entityType: 'user', entityId: user.id, after: { sessionsEnded: ended.sessions, apiTokensRevoked: ended.tokens } });
    return { email: user.email, locale: user.locale };
  });
}
