'use server';

import { getDb } from '@/db';
import { authorizedAction } from '@/lib/actions/action';
import { getHostBrand } from '@/lib/brands/host-brand';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { env } from '@/lib/env';
import { userIdSchema } from '@/lib/validation/admin-users';
import { manageableMember } from './invite-flow';
import { linkBaseUrl } from './link-base';
import { requestPasswordReset } from './password-reset-flow';

/** An administrator mails a member a reset link; the administrator never sees the link. */
const run = authorizedAction({ module: 'user:edit', level: 'FULL' }, userIdSchema, async (input, actor) => {
  const db = await getDb();
  const member = await manageableMember(db, actor, input.userId);
  const host = await getHostBrand();
  return requestPasswordReset(db, { email: member.email, locale: member.locale, requestedBy: { userId: actor.userId, orgId: actor.orgId } }, { baseUrl: await linkBaseUrl(), appName: appNameOf(host.kind === 'brand' ? host.brand : null), smtp: env().smtp ?? null, now: new Date() });
});

export async function sendPasswordResetAction(userId: string) {
  return run({ userId });
}
