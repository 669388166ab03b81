import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { approvePortalAccount, setActivatedPassword } from '@/db/queries/crm/portal-access';
import { closeUserOneTimeTokens } from '@/db/queries/auth/one-time-tokens';
import { hashPassword } from '@/lib/auth/password';
import { issueOneTimeToken, ONE_TIME_PURPOSES, redeemOneTimeToken } from '@/lib/auth/one-time-tokens';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { brandBaseUrl } from '@/lib/domain/brands/brand-url';
import { deliver, type SmtpConfig } from '@/lib/integrations/notify';
import { portalActivationMessage } from '@/lib/notifications/portal-activation';

const DAYS = ONE_TIME_PURPOSES.lead_activation / 86400;

/**
 * Approves a converted lead's customer into a CLIENT account and e-mails it a one-time link (on the
 * brand's host for a brand customer) to choose its password. The account and the link are written in
 * one transaction; the e-mail goes after it, once per link (dedupe key of the link's id). Without SMTP
 * nothing is sent and the result says so: staff see that the client has not been told.
 */
export async function grantPortalAccess(db: Db, who: Principal, input: { id: string; locale: 'en' | 'zh' }, ctx: { baseUrl: string; baseDomains: string; smtp: SmtpConfig | null; now: Date }) {
  const placeholderHash = await hashPassword(randomBytes(32).toString('base64url'));
  const { account, link } = await db.transaction(async (tx) => {
    const account = await approvePortalAccount(tx, who, input.id, placeholderHash, input.locale, ctx.now);
    const link = await issueOneTimeToken(tx as unknown as Db, { orgId: who.orgId, purpose: 'lead_activation', email: account.email, userId: account.userId, payload: { customerId: account.customerId }, createdBy: who.userId }, ctx.now);
    return { account, link };
  });
  if (!ctx.smtp) return { userId: account.userId, created: account.created, sent: false };
  const url = `${brandBaseUrl(ctx.baseUrl, account.brandSubdomain, ctx.baseDomains)}/${account.locale}/activate?token=${link.token}`;
  const { subject, text } = portalActivationMessage({ locale: account.locale, name: account.name, url, appName: appNameOf(account.brandName ? { displayName: account.brandName } : null), days: DAYS });
  const result = await deliver(db, { orgId: who.orgId, userId: account.userId, channel: 'email', target: account.email, kind: 'crm.portal_activation', dedupeKey: `portal-activation:${link.id}`, subject, text, payload: { userId: account.userId, customerId: account.customerId } }, { smtp: ctx.smtp, email: { maxAttempts: 2, backoffMs: 500 } });
  return { userId: account.userId, created: account.created, sent: result.status === 'sent' };
}

/**
 * Choosing the password through the link: the link is spent and the password set in one transaction,
 * so a failure gives the link back and a second use finds it spent. Other open links of the account
 * are closed. An unknown, used or expired link is a field error on `token`.
 */
export async function activateWithToken(db: Db, input: { token: string; newPassword: string }, now: Date) {
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const row = await redeemOneTimeToken(tx as unknown as Db, 'lead_activation', input.token, now);
    if (!row?.userId) throw new AppError('VALIDATION', 'The link is unknown, used or expired', { token: 'invalid' });
    await setActivatedPassword(tx, row.userId, passwordHash, row.orgId);
    await closeUserOneTimeTokens(tx as unknown as Db, row.userId, now);
    return { email: row.email };
  });
}
