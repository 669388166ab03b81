'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { insertChatChannel } from '@/db/queries/alerts/notification-channels';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { env } from '@/lib/env';
import { sealSecret } from '@/lib/integrations/notify';
import { isNonPublicHost } from '@/lib/integrations/notify/address-policy';
import { maskUrl } from '@/lib/integrations/notify/chat-bodies';
import { chatChannelSchema } from '@/lib/validation/alerts';

/**
 * Adds a Slack- or Telegram-compatible channel. What makes it work (the webhook URL, the bot token)
 * is sealed at once; the row, the audit entry and the browser only ever see the masked URL or the chat id.
 */
const run = authorizedAction({ module: 'basic:settings', level: 'FULL' }, chatChannelSchema, async (input, actor) => {
  if (input.format === 'slack' && !env().webhookAllowPrivateNetworks && isNonPublicHost(new URL(input.url).hostname)) {
    throw new AppError('VALIDATION', 'webhook to a non-public address', { url: 'privateAddress' });
  }
  const target = input.format === 'slack' ? maskUrl(input.url) : input.chatId;
  const secretEnc = sealSecret(input.format === 'slack' ? input.url : input.botToken, env().authSecret);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const id = await insertChatChannel(tx, { orgId: actor.orgId, userId: actor.userId }, { format: input.format, label: input.label, target, secretEnc });
    if (!id) throw new AppError('CONFLICT', 'channel already added', { [input.format === 'slack' ? 'url' : 'chatId']: 'invalid' });
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'notification_channel.create', entityType: 'notification_channel', entityId: id, after: { kind: 'webhook', format: input.format, label: input.label, target } });
    return { id };
  });
});

export async function addChatChannelAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
