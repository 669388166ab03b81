import { getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import type { listCurtailmentEvents } from '@/db/queries/power/curtailment-events';
import { formatDateTime, formatEnergy, formatPercent, formatPower, formatUsdFromCents } from '@/lib/format';
import { StopCurtailmentButton } from './stop-button';

type Event = Awaited<ReturnType<typeof listCurtailmentEvents>>[number];
const TONE: Record<Event['status'], BadgeTone> = { curtailing: 'accent', holding: 'warn', recovering: 'accent', completed: 'ok' };

/** The history, newest first: progress while running, requested vs achieved kW, recovery and the priced outcome. */
export async function EventsTable({ events, sites, locale, canStop }: { events: Event[]; sites: { id: string; name: string }[]; locale: string; canStop: boolean }) {
  const t = await getTranslations('Curtailment');
  if (!events.length) return <EmptyState title={t('empty')} />;
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const money = (c: number | null) => (c === null ? t('noPrice') : formatUsdFromCents(c, locale));
  return (
    <Table label={t('history')}>
      <thead>
        <tr>
          <Th>{t('startedAt')}</Th>
          <Th>{t('site')}</Th>
          <Th>{t('strategy')}</Th>
          <Th>{t('status')}</Th>
          <Th>{t('progress')}</Th>
          <Th className="text-right">{t('requested')}</Th>
          <Th className="text-right">{t('achieved')}</Th>
          <Th className="text-right">{t('energyAvoided')}</Th>
          <Th className="text-right">{t('costAvoided')}</Th>
          <Th className="text-right">{t('revenueForgone')}</Th>
          <Th className="text-right">{t('netSaving')}</Th>
          <Th>{t('recovery')}</Th>
          <Th />
        </tr>
      </thead>
      <tbody>
        {events.map((e) => {
          const report = e.verification as { achievedRatio?: number | null } | null;
          return (
            <tr key={e.id} data-testid="curtailment-event">
              <Td className="text-xs">{formatDateTime(e.createdAt, locale)}</Td>
              <Td>{siteName.get(e.siteId) ?? '—'}</Td>
              <Td>
                {t(`strategies.${e.strategy}`)}
                {e.emergency ? <Badge tone="bad">{t('emergency')}</Badge> : null}
              </Td>
              <Td>
                <Badge tone={TONE[e.status]}>{t(`statuses.${e.status}`)}</Badge>
              </Td>
              <Td className="text-xs">
                {e.status === 'recovering' ? t('wavesRecovered', { sent: e.recoveryWavesSent, total: e.wavesSent }) : t('wavesSent', { sent: e.wavesSent, total: e.waves })}
              </Td>
              <Td className="text-right tabular-nums">{formatPower(e.requestedShedW, locale)}</Td>
              <Td className="text-right tabular-nums">
                {e.achievedShedW === null ? '—' : formatPower(e.achievedShedW, locale)}
                {report?.achievedRatio != null ? <span className="ml-1 text-xs text-muted">{formatPercent(report.achievedRatio * 100, locale)}</span> : null}
              </Td>
              <Td className="text-right tabular-nums">{e.energyAvoidedWh === null ? '—' : formatEnergy(e.energyAvoidedWh, locale)}</Td>
              <Td className="text-right tabular-nums">{e.status === 'completed' ? money(e.costAvoidedCents) : '—'}</Td>
              <Td className="text-right tabular-nums">{e.status === 'completed' ? money(e.revenueForgoneCents) : '—'}</Td>
              <Td className="text-right tabular-nums">{e.status === 'completed' ? money(e.netSavingCents) : '—'}</Td>
              <Td className="text-xs">{e.recovered === null ? '—' : t('recoveredOf', { recovered: e.recovered, failed: e.notRecovered ?? 0 })}</Td>
              <Td>{canStop && e.status !== 'completed' && !e.stopRequestedAt && e.status !== 'recovering' ? <StopCurtailmentButton eventId={e.id} /> : null}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
