import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';

/** Downloads of every miner the filter shows (all pages), with the live columns, as CSV or XLSX. */
export function ExportLinks({ query, total }: { query: Record<string, string>; total: number }) {
  const t = useTranslations('Bulk');
  if (total === 0) return null;
  const href = (format: 'csv' | 'xlsx') => `/api/hosting/miners/export?${new URLSearchParams({ ...query, format }).toString()}`;
  return (
    <div className="mb-2 flex flex-wrap items-center justify-end gap-2 text-sm">
      <span className="text-muted">{t('exportLabel', { count: total })}</span>
      <a href={href('csv')} download className={buttonClass('ghost', 'px-2 py-1')}>
        CSV
      </a>
      <a href={href('xlsx')} download className={buttonClass('ghost', 'px-2 py-1')}>
        XLSX
      </a>
    </div>
  );
}
