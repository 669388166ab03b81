import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { ChannelView } from '@/db/queries/alerts/notification-channels';
import { ChatDialog } from './chat-dialog';
import { ConfirmDelete } from './confirm-delete';
import { WebhookDialog } from './webhook-dialog';

/** The user's email targets, webhook endpoints and chat channels; a secret shows only as "set", a chat URL masked. */
export async function ChannelsCard({ channels }: { channels: ChannelView[] }) {
  const t = await getTranslations('Alerts');
  return (
    <Card title={t('channelsTitle')}>
      {channels.length === 0 ? <p className="mb-3 text-sm text-muted">{t('noChannelsYet')}</p> : null}
      <ul className="mb-3 divide-y divide-line">
        {channels.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <div className="min-w-0">
              <Badge tone="accent">{c.kind === 'email' ? t('channelKinds.email') : t(`channelFormats.${c.format}`)}</Badge> <span className="font-medium">{c.label}</span>
              {c.label !== c.target ? <span className="ml-2 break-all text-xs text-muted">{c.target}</span> : null}
              {c.kind === 'webhook' ? <span className="ml-2 text-xs text-muted">{c.format !== 'signed' ? t('secretHidden') : c.hasSecret ? t('secretSet') : t('secretMissing')}</span> : null}
            </div>
            <ConfirmDelete what="channel" id={c.id} name={c.label} />
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <WebhookDialog />
        <ChatDialog />
      </div>
    </Card>
  );
}
