import { getTranslations } from 'next-intl/server';
import { Badge, MINER_STATUS_TONE } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import type { MinerRow } from '@/db/queries/miners';
import { Link } from '@/lib/i18n/navigation';
import { SortHeader } from './sort-header';

/** Desktop: a sortable table. Phones get the card list below instead, one tap target per miner. */
export async function MinerTable({ rows, query }: { rows: MinerRow[]; query: Record<string, string | undefined> }) {
  const [t, tStatus] = await Promise.all([getTranslations('Miners'), getTranslations('Status')]);
  return (
    <>
      <div className="hidden md:block">
        <Table label={t('title')}>
          <thead>
            <tr>
              <SortHeader column="name" label={t('name')} query={query} />
              <SortHeader column="status" label={t('status')} query={query} />
              <SortHeader column="model" label={t('model')} query={query} />
              <SortHeader column="site" label={t('site')} query={query} />
              <SortHeader column="customer" label={t('customer')} query={query} />
              <SortHeader column="ip" label={t('ip')} query={query} />
              <Th className="hidden lg:table-cell">{t('worker')}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} className="hover:bg-surface-2/60">
                <Td>
                  <Link href={`/hosting/devices/${m.id}`} className="font-mono text-accent hover:underline">
                    {m.name}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={MINER_STATUS_TONE[m.status]}>{tStatus(m.status)}</Badge>
                </Td>
                <Td>{m.modelName}</Td>
                <Td>{m.siteName}</Td>
                <Td>{m.customerName ?? <span className="text-muted">{t('houseOwned')}</span>}</Td>
                <Td className="font-mono text-xs">{m.ipAddress ?? '—'}</Td>
                <Td className="hidden font-mono text-xs lg:table-cell">{m.workerName ?? '—'}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="flex flex-col gap-2 md:hidden" aria-label={t('title')}>
        {rows.map((m) => (
          <li key={m.id}>
            <Link href={`/hosting/devices/${m.id}`} className="block rounded-lg border border-line bg-surface p-3 active:bg-surface-2">
              <div className="flex items-center justify-between gap-2">
                <span className="truncate font-mono text-sm text-accent">{m.name}</span>
                <Badge tone={MINER_STATUS_TONE[m.status]}>{tStatus(m.status)}</Badge>
              </div>
              <div className="mt-1 truncate text-xs text-muted">
                {m.modelName} · {m.siteName}
              </div>
              <div className="mt-1 flex justify-between gap-2 text-xs">
                <span className="truncate">{m.customerName ?? t('houseOwned')}</span>
                <span className="font-mono text-muted">{m.ipAddress ?? '—'}</span>
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
