import { getFormatter, getLocale, getNow, getTranslations } from 'next-intl/server';
import { MultiLine } from '@/components/charts/multi-line';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { minerHistory, minerLive } from '@/db/queries/telemetry/read';
import { getActor } from '@/lib/auth/actor';
import { formatHashrate, formatNumber, formatPower, MISSING } from '@/lib/format';

/** Live figures and 24 h / 7 d charts of one miner, from the telemetry layers; scoped to the viewer. */
export async function MinerTelemetryPanel({ minerId }: { minerId: string }) {
  const [actor, t, format, locale, now] = await Promise.all([getActor(), getTranslations('Edge'), getFormatter(), getLocale(), getNow()]);
  if (!actor) return null;
  const db = await getDb();
  const [live, day, week] = await Promise.all([
    minerLive(db, actor.scope, minerId),
    minerHistory(db, actor.scope, minerId, new Date(now.getTime() - 86_400_000), 5),
    minerHistory(db, actor.scope, minerId, new Date(now.getTime() - 7 * 86_400_000), 60),
  ]);
  if (!live) {
    return (
      <Card title={t('panel.title')} className="lg:col-span-2">
        <EmptyState title={t('panel.noData')} hint={t('panel.noDataHint')} />
      </Card>
    );
  }
  const n = (v: number | null, unit: string) => (v === null ? MISSING : `${formatNumber(v, locale)} ${unit}`);
  const points = (rows: typeof day, dateStyle: 'time' | 'day') =>
    rows.map((r) => ({
      x: dateStyle === 'time' ? format.dateTime(r.t, { hour: '2-digit', minute: '2-digit' }) : format.dateTime(r.t, { month: 'short', day: 'numeric', hour: '2-digit' }),
      hashrate: r.hashrateThs ?? 0,
    }));
  const series = [{ key: 'hashrate', label: t('panel.hashrate') }];
  return (
    <Card title={t('panel.title')} className="lg:col-span-2">
      <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        {live.online ? <Badge tone="ok">{t('panel.online')}</Badge> : <Badge tone="bad">{t('panel.offlineSince', { since: format.relativeTime(live.offlineSince ?? live.collectedAt, now) })}</Badge>}
        <span>{t('panel.hashrate')}: <strong className="tabular-nums">{formatHashrate(live.hashrate5sThs ?? live.hashrateAvgThs, locale)}</strong></span>
        <span>{t('panel.chipTemp')}: <strong className="tabular-nums">{n(live.tempChipMaxC, '°C')}</strong></span>
        <span>{t('panel.power')}: <strong className="tabular-nums">{formatPower(live.powerW, locale)}</strong></span>
        <span>{t('panel.fanMin')}: <strong className="tabular-nums">{n(live.fanMinRpm, 'rpm')}</strong></span>
        <span className="text-xs text-muted">{t('panel.lastReading', { when: format.relativeTime(live.collectedAt, now) })}</span>
      </div>
      <h3 className="mb-1 text-xs font-semibold text-muted">{t('panel.last24h')}</h3>
      <MultiLine data={points(day, 'time')} series={series} xKey="x" emptyLabel={t('panel.noHistory')} unit="hashrateThs" />
      <h3 className="mb-1 mt-4 text-xs font-semibold text-muted">{t('panel.last7d')}</h3>
      <MultiLine data={points(week, 'day')} series={series} xKey="x" emptyLabel={t('panel.noHistory')} unit="hashrateThs" />
    </Card>
  );
}
