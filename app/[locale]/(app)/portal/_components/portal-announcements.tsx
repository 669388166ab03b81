import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { portalAnnouncements } from '@/db/queries/crm/announcements';
import type { Scope } from '@/lib/core/scope';
import { MarkReadButton } from './mark-read-button';

/** The host's live announcements for this viewer, unread ones first and marked; nothing at all when there are none. */
export async function PortalAnnouncements({ scope, userId }: { scope: Scope; userId: string }) {
  const rows = await portalAnnouncements(await getDb(), scope, userId, new Date());
  if (!rows.length) return null;
  const [t, format] = await Promise.all([getTranslations('Crm.announcement'), getFormatter()]);
  return (
    <Card title={t('portalTitle')} className="mb-6">
      <ul className="grid gap-3" data-testid="portal-announcements">
        {rows.map((a) => (
          <li key={a.id} className={`rounded-md border p-3 text-sm ${a.readAt ? 'border-line' : 'border-accent'}`} data-unread={a.readAt ? undefined : true}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-semibold">
                {a.readAt ? null : <span className="sr-only">{t('unread')}: </span>}
                {a.title}
              </h3>
              <span className="text-xs text-muted">{format.dateTime(a.publishAt, { dateStyle: 'medium' })}</span>
            </div>
            <p className="mt-1 whitespace-pre-wrap break-words text-muted">{a.body}</p>
            {a.readAt ? null : <MarkReadButton id={a.id} />}
          </li>
        ))}
      </ul>
    </Card>
  );
}
