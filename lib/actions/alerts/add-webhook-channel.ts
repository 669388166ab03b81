'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { insertWebhookChannel } from '@/db/queries/alerts/notification-channels';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { env } from '@/lib/env';
import { sealSecret } from '@/lib/integrations/notify';
import { isNonPublicHost } from '@/lib/integrations/notify/address-policy';
import { webhookChannelSchema } from '@/lib/validation/alerts';

const run = authorizedAction({ module: 'basic:settings', level: 'FULL' }, webhookChannelSchema, async (input, actor) => {
  // Refused here so the user hears it now; deliveries check the resolved address again (guarded-post).
  if (!env().webhookAllowPrivateNetworks && isNonPublicHost(new URL(input.url).hostname)) {
    throw new AppError('VALIDATION', 'webhook to a non-public address', { url: 'privateAddress' });
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const id = await insertWebhookChannel(tx, { orgId: actor.orgId, userId: actor.userId }, { label: input.label, url: input.url, secretEnc: sealSecret(input.secret, env().authSecret) });
    if (!id) throw new AppError('CONFLICT', 'webhook already added', { url: 'invalid' });
    // The audit entry names the endpoint, never the secret.
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'notification_channel.create', entityType: 'notification_channel', entityId: id, after: { kind: 'webhook', label: input.label, url: input.url } });
    return { id };
  });
});

export async function addWebhookChannelAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
