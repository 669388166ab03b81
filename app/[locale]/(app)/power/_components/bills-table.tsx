import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import { formatUsdFromCents } from '@/lib/format';

type Row = { id: string; number: string | null; status: string; month: string; siteName: string; customerName: string; totalCents: number };

export async function BillsTable({ bills, locale }: { bills: Row[]; locale: string }) {
  const t = await getTranslations('Power');
  if (!bills.length) return <p className="text-sm text-muted">{t('noBills')}</p>;
  return (
    <Table label={t('bills')}>
      <thead>
        <tr>
          <Th>{t('number')}</Th>
          <Th>{t('month')}</Th>
          <Th>{t('customer')}</Th>
          <Th>{t('site')}</Th>
          <Th className="text-right">{t('total')}</Th>
          <Th>{t('Bill.title')}</Th>
        </tr>
      </thead>
      <tbody>
        {bills.map((b) => (
          <tr key={b.id}>
            <Td>{b.number ?? t(`status.${b.status === 'issued' ? 'issued' : 'draft'}`)}</Td>
            <Td>{b.month.slice(0, 7)}</Td>
            <Td>{b.customerName}</Td>
            <Td>{b.siteName}</Td>
            <Td className="text-right tabular-nums">{formatUsdFromCents(b.totalCents, locale)}</Td>
            <Td className="space-x-3 whitespace-nowrap">
              <a className="underline" href={`/api/hosting/power/bills/${b.id}/pdf?locale=en`}>{t('pdf')}</a>
              <a className="underline" href={`/api/hosting/power/bills/${b.id}/pdf?locale=zh`}>{t('pdfZh')}</a>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
