import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';

type Comment = { id: string; body: string; internal: boolean; createdAt: Date; authorName: string | null };

export async function CommentThread({ comments }: { comments: Comment[] }) {
  const [t, format] = await Promise.all([getTranslations('Tickets'), getFormatter()]);
  if (!comments.length) return <EmptyState title={t('noComments')} />;
  return (
    <ol className="grid gap-3">
      {comments.map((c) => (
        <li key={c.id} className={`rounded-md border p-3 ${c.internal ? 'border-warn/40 bg-warn/5' : 'border-line bg-bg'}`}>
          <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-muted">
            <span className="font-medium text-ink">{c.authorName ?? t('deletedUser')}</span>
            <time dateTime={c.createdAt.toISOString()}>{format.dateTime(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            {c.internal ? <Badge tone="warn">{t('internal')}</Badge> : null}
          </div>
          <p className="whitespace-pre-wrap break-words text-sm">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
