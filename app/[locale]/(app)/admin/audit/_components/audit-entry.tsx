import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime, formatNumber } from '@/lib/format';
import { type AuditLeaf, auditChanges } from '@/lib/domain/audit/changes';
import { REDACTED } from '@/lib/domain/audit/redact';

/** A batch of thousands of miners would bury the page; the rest is counted, not listed. */
const MAX_ROWS = 12;
const MAX_CHARS = 160;

export type AuditEntryView = {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actorEmail: string | null;
};

/**
 * One entry: a row of the log's table on a wide screen, a card on a phone (the cells stack). Its
 * changes are a (field, before, after) grid, built from ARIA roles rather than a nested <table> so
 * the log's own rows stay the only table rows.
 */
export async function AuditEntry({ entry }: { entry: AuditEntryView }) {
  const [t, locale] = await Promise.all([getTranslations('Audit'), getLocale()]);
  const changes = auditChanges(entry.before, entry.after);
  const shown = changes.slice(0, MAX_ROWS);
  const show = (v: AuditLeaf) => {
    if (v === undefined) return <span className="sr-only">{t('absent')}</span>;
    if (v === null) return <span className="text-muted">—</span>;
    if (v === REDACTED) return <span className="italic text-muted">{t('redacted')}</span>;
    if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
    if (typeof v === 'number') return formatNumber(v, locale, { digits: 8 });
    return v.length > MAX_CHARS ? `${v.slice(0, MAX_CHARS)}…` : v;
  };
  const cell = 'block px-3 md:table-cell md:border-t md:border-line md:py-2 md:align-top';
  return (
    <tr className="block border-t border-line py-2 first:border-t-0 md:table-row md:py-0">
      <td className={`${cell} text-xs text-muted md:whitespace-nowrap`}>
        <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt, locale, 'UTC', { seconds: true, zone: true })}</time>
      </td>
      <td className={`${cell} break-all text-xs`}>{entry.actorEmail ?? t('system')}</td>
      <td className={`${cell} break-all font-mono text-sm text-accent md:text-xs`}>{entry.action}</td>
      <td className={`${cell} font-mono text-xs text-muted`}>
        {entry.entityType}:{entry.entityId.slice(0, 8)}
      </td>
      <td className={`${cell} md:w-1/2`}>
        {shown.length === 0 ? (
          <span className="text-xs text-muted">{t('noDetails')}</span>
        ) : (
          <div role="table" aria-label={t('changesOf', { action: entry.action })} className="mt-1 grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)] gap-x-2 text-xs md:mt-0">
            <div role="row" className="contents text-muted">
              <span role="columnheader">{t('field')}</span>
              <span role="columnheader">{t('before')}</span>
              <span role="columnheader">{t('after')}</span>
            </div>
            {shown.map((c) => (
              <div role="row" key={c.field} className="contents">
                <span role="rowheader" className="break-words border-t border-line py-0.5 font-mono text-muted">
                  {c.field || t('value')}
                </span>
                <span role="cell" className="break-words border-t border-line py-0.5">
                  {show(c.before)}
                </span>
                <span role="cell" className="break-words border-t border-line py-0.5">
                  {show(c.after)}
                </span>
              </div>
            ))}
          </div>
        )}
        {changes.length > shown.length ? <p className="mt-1 text-xs text-muted">{t('moreChanges', { count: changes.length - shown.length })}</p> : null}
      </td>
    </tr>
  );
}
