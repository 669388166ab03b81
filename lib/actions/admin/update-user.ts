'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { accessUntilOf, orgSiteIds, setAccessUntil, setMembershipSites, updateMember } from '@/db/queries/admin/user-admin';
import { authorizedAction, type ActionResult } from '@/lib/actions/action';
import { formWithArrays } from '@/lib/actions/billing/form-arrays';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/core/errors';
import { normalizeRole, SITE_SCOPED_ROLES } from '@/lib/core/roles';
import { canGrantRole } from '@/lib/domain/admin/role-rank';
import { updateUserSchema } from '@/lib/validation/admin-users';
import { manageableMember } from './invite-flow';

/**
 * Name, role, sites and access end of a member. The role is checked twice: the member must not be
 * above the editor, and the new role not above the editor's own. Nobody changes their own role.
 */
const run = authorizedAction({ module: 'user:edit', level: 'FULL' }, updateUserSchema, async (input, actor) => {
  const db = await getDb();
  const now = new Date();
  const member = await manageableMember(db, actor, input.userId);
  const before = normalizeRole(member.role);
  if (input.role !== before && member.userId === actor.userId) throw new AppError('FORBIDDEN', 'Not your own role', { role: 'notSelf' });
  if (input.role !== before && !can(actor.role, 'user:role_assign', 'FULL')) throw new AppError('FORBIDDEN');
  if (!canGrantRole(actor.role, input.role)) throw new AppError('FORBIDDEN', 'A role above your own cannot be given', { role: 'roleTooHigh' });
  const siteIds = SITE_SCOPED_ROLES.includes(input.role) ? [...new Set(input.siteIds)] : [];
  if ((await orgSiteIds(db, actor.orgId, siteIds)).length !== siteIds.length) throw new AppError('VALIDATION', 'Unknown site', { siteIds: 'invalid' });
  if (input.accessUntil && input.accessUntil <= now) throw new AppError('VALIDATION', 'Access would end in the past', { accessUntil: 'past' });
  const untilBefore = await accessUntilOf(db, member.membershipId);
  await db.transaction(async (tx) => {
    await updateMember(tx, member, { name: input.name, role: input.role });
    await setMembershipSites(tx, member.membershipId, siteIds);
    await setAccessUntil(tx, member.membershipId, now, input.accessUntil);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'user.update',
      entityType: 'user',
      entityId: member.userId,
      before: { name: member.name, role: before, accessUntil: untilBefore?.toISOString() ?? null },
      after: { name: input.name, role: input.role, siteIds, accessUntil: input.accessUntil?.toISOString() ?? null },
    });
  });
  revalidatePath('/[locale]/admin/users', 'page');
  return null;
});

export async function updateUserAction(_prev: ActionResult<null> | null, form: FormData) {
  return run(formWithArrays(form, ['siteIds']));
}
