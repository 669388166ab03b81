'use server';

import { deleteChannel } from '@/db/queries/alerts/notification-channels';
import { deleteOwnAction } from './delete-own';

const run = deleteOwnAction(deleteChannel, { action: 'notification_channel.delete', entityType: 'notification_channel' });

export async function deleteNotificationChannelAction(id: string) {
  return run({ id });
}
