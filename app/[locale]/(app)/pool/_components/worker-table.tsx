import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { hashrate } from './format';

type Row = { account: string; workerName: string; hs10m: string; hs1h: string; hs1d: string; status: string; lastShareAt: string | null; minerName: string | null; linkSource: string | null };

/** Pool-reported hashrate per worker and the hosted miner it is linked to (or a mismatch to fix). */
export async function WorkerTable({ rows }: { rows: Row[] }) {
  const t = await getTranslations('Pool');
  return (
    <Table label={t('workers')}>
      <thead>
        <tr>
          <Th>{t('worker')}</Th>
          <Th>{t('account')}</Th>
          <Th>{t('status')}</Th>
          <Th className="text-right">10 min</Th>
          <Th className="text-right">1 h</Th>
          <Th className="text-right">24 h</Th>
          <Th>{t('miner')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.account}/${r.workerName}`}>
            <Td className="font-mono text-xs">{r.workerName}</Td>
            <Td>{r.account}</Td>
            <Td>
              <Badge tone={r.status === 'online' ? 'ok' : 'bad'}>{t(`workerStatus.${r.status}`)}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{hashrate(r.hs10m)}</Td>
            <Td className={`text-right tabular-nums ${Number(r.hs1h) < 0.5 * Number(r.hs1d) && r.status === 'online' ? 'text-warn' : ''}`}>{hashrate(r.hs1h)}</Td>
            <Td className="text-right tabular-nums">{hashrate(r.hs1d)}</Td>
            <Td>{r.minerName ?? <Badge tone="warn">{t('unlinked')}</Badge>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
