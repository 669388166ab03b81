import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/admin/audit';
import { createMember, findMember, linkCustomerEmail, orgCustomer, orgSiteIds, userIdByEmail } from '@/db/queries/admin/user-admin';
import type { Actor } from '@/lib/auth/actor';
import { issueOneTimeToken, redeemOneTimeToken } from '@/lib/auth/one-time-tokens';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/core/errors';
import { normalizeRole, type Role, SITE_SCOPED_ROLES } from '@/lib/core/roles';
import { canGrantRole, canManageRole } from '@/lib/domain/admin/role-rank';
import { deliver, type SmtpConfig } from '@/lib/integrations/notify';
import { userInviteMessage } from '@/lib/notifications/account-links';
import type { InviteUserInput } from '@/lib/validation/admin-users';

/** What an invitation grants; kept in the link's row (never a secret), applied when it is accepted. */
type InvitePayload = { name: string; role: Role; siteIds: string[]; customerId: string | null; accessUntil: string | null; locale: string };

export type InviteContext = { baseUrl: string; appName: string; smtp: SmtpConfig | null; now: Date };

/**
 * Checks an invitation against the inviter and the organization (role no higher than the inviter's,
 * sites and customer of this organization, an unused e-mail, an end date ahead), stores its link and
 * mails it. Without a mail server (or when sending fails) the link comes back to the inviter once, to
 * pass on by hand; it is never stored in clear nor written to the audit log.
 */
export async function inviteUser(db: Db, actor: Actor, input: InviteUserInput, ctx: InviteContext): Promise<{ sent: boolean; link: string | null; expiresAt: Date }> {
  if (!canGrantRole(actor.role, input.role)) throw new AppError('FORBIDDEN', 'A role above your own cannot be given', { role: 'roleTooHigh' });
  if (await userIdByEmail(db, input.email)) throw new AppError('CONFLICT', 'That e-mail already has an account', { email: 'emailTaken' });
  const siteIds = SITE_SCOPED_ROLES.includes(input.role) ? [...new Set(input.siteIds)] : [];
  if ((await orgSiteIds(db, actor.orgId, siteIds)).length !== siteIds.length) throw new AppError('VALIDATION', 'Unknown site', { siteIds: 'invalid' });
  const customerId = input.role === 'CLIENT' ? input.customerId : null;
  if (customerId) {
    const customer = await orgCustomer(db, actor.orgId, customerId);
    if (!customer) throw new AppError('VALIDATION', 'Unknown customer', { customerId: 'invalid' });
    // The link is the e-mail (lib/auth/actor.ts): a customer filed under another address would not be this user's.
    if (customer.email && customer.email.trim().toLowerCase() !== input.email) throw new AppError('VALIDATION', 'The customer has another e-mail', { customerId: 'customerEmail' });
  }
  if (input.accessUntil && input.accessUntil <= ctx.now) throw new AppError('VALIDATION', 'Access would end in the past', { accessUntil: 'past' });

  const payload: InvitePayload = { name: input.name, role: input.role, siteIds, customerId, accessUntil: input.accessUntil?.toISOString() ?? null, locale: input.locale };
  const issued = await db.transaction(async (tx) => {
    const link = await issueOneTimeToken(tx, { orgId: actor.orgId, purpose: 'invite', email: input.email, payload, createdBy: actor.userId }, ctx.now);
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'user.invite', entityType: 'invitation', entityId: link.id, after: { email: input.email, ...payload } });
    return link;
  });
  const url = `${ctx.baseUrl}/${input.locale}/invite?token=${issued.token}`;
  let sent = false;
  if (ctx.smtp) {
    const { subject, text } = userInviteMessage({ locale: input.locale, name: input.name, inviter: actor.name, url, appName: ctx.appName, expiresAt: issued.expiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' });
    const result = await deliver(db, { orgId: actor.orgId, userId: null, channel: 'email', target: input.email, kind: 'user.invite', dedupeKey: `invite:${issued.id}`, subject, text, payload: { invitationId: issued.id } }, { smtp: ctx.smtp, email: { maxAttempts: 2, backoffMs: 500 } });
    sent = result.status === 'sent';
  }
  return { sent, link: sent ? null : url, expiresAt: issued.expiresAt };
}

/**
 * The invitee's side: the link is used and the account made in one transaction, so a failure leaves
 * the link usable, and of two tabs submitting at once only one creates the account.
 */
export async function acceptInvite(db: Db, input: { token: string; password: string }, now: Date): Promise<{ email: string; locale: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await redeemOneTimeToken(tx, 'invite', input.token, now);
    if (!row) throw new AppError('NOT_FOUND', 'The invitation was used or has expired', { _form: 'linkExpired' });
    if (await userIdByEmail(tx, row.email)) throw new AppError('CONFLICT', 'That e-mail already has an account', { _form: 'emailTaken' });
    const p = row.payload as InvitePayload;
    const role = normalizeRole(p.role);
    const siteIds = await orgSiteIds(tx, row.orgId, p.siteIds ?? []);
    const created = await createMember(tx, { orgId: row.orgId, email: row.email, name: p.name, passwordHash, locale: p.locale, role, siteIds, accessUntil: p.accessUntil ? new Date(p.accessUntil) : null }, now);
    if (role === 'CLIENT' && p.customerId) await linkCustomerEmail(tx, row.orgId, p.customerId, row.email);
    await recordAudit(tx, { orgId: row.orgId, actorUserId: created.userId, action: 'user.invite.accept', entityType: 'user', entityId: created.userId, after: { email: row.email, role, invitationId: row.id } });
    return { email: row.email, locale: p.locale };
  });
}

/** The member the actor may act on: in the organization, and not above the actor's own role. */
export async function manageableMember(db: Db, actor: Actor, userId: string, opts: { notSelf?: boolean } = {}) {
  const member = await findMember(db, actor.orgId, userId);
  if (!member) throw new AppError('NOT_FOUND');
  if (opts.notSelf && member.userId === actor.userId) throw new AppError('FORBIDDEN', 'Not on your own account', { _form: 'notSelf' });
  if (!canManageRole(actor.role, normalizeRole(member.role))) throw new AppError('FORBIDDEN', 'That user is above your role', { _form: 'roleTooHigh' });
  return member;
}
