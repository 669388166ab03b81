import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { z } from '@/lib/validation/zod';
import { MinerStatusForm } from '@/components/hosting/miner-status-form';
import { Badge, MINER_STATUS_TONE } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { MinerTelemetryPanel } from '@/components/edge/miner-telemetry-panel';
import { loadNewTicketOptions } from '@/components/hosting/new-ticket-options';
import { listCommands } from '@/db/queries/edge/commands';
import { getMiner } from '@/db/queries/hosting/miners';
import { minerLive } from '@/db/queries/telemetry/read';
import { minerMeasures } from '@/db/queries/telemetry/operational-state';
import { minerUptimes } from '@/db/queries/telemetry/uptime';
import { MeasuredUptime, StateBadge } from '@/components/telemetry/measured-tags';
import { listMinerTickets } from '@/db/queries/hosting/tickets';
import { requirePage } from '@/lib/auth/guard';
import { can, seesHostCosts } from '@/lib/auth/permissions';
import { formatUsd } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { MinerCommands } from './_components/miner-commands';
import { MinerTickets } from './_components/miner-tickets';
import { SpecVsActual } from './_components/spec-vs-actual';

export const generateMetadata = pageTitle('miner');

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line py-2 text-sm last:border-0">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right font-mono">{value ?? '—'}</dd>
    </div>
  );
}

export default async function MinerPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:status_monitor');
  // A malformed id and a miner outside the viewer's scope both answer 404: existence is not disclosed.
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const miner = await getMiner(db, actor.scope, id, { hostCosts: seesHostCosts(actor.role) });
  if (!miner) notFound();
  const seesTickets = can(actor.role, 'hosting:ticket', 'READ');
  const seesCommands = can(actor.role, 'hosting:edge', 'READ');
  const now = new Date();
  const [t, tStatus, live, [measured], uptimes, tickets, newTicket, commands] = await Promise.all([
    getTranslations('Miners'),
    getTranslations('Status'),
    minerLive(db, actor.scope, miner.id),
    minerMeasures(db, actor.scope, now, [miner.id]),
    minerUptimes(db, actor.scope, now, [miner.id]),
    seesTickets ? listMinerTickets(db, actor.scope, miner.id) : null,
    can(actor.role, 'hosting:ticket', 'FULL') ? loadNewTicketOptions(db, actor, miner) : null,
    seesCommands ? listCommands(db, actor.scope, { minerId: miner.id }, { page: 1, pageSize: 20 }) : null,
  ]);
  const ths = Number(miner.hashrateThs);
  const rate = miner.siteUsdPerKwh === undefined ? null : miner.electricityUsdPerKwhOverride ? t('override', { value: formatUsd(miner.electricityUsdPerKwhOverride, locale, 4) }) : t('siteRate', { value: formatUsd(miner.siteUsdPerKwh, locale, 4) });

  return (
    <>
      <Link href="/hosting/devices" className="text-sm text-muted hover:text-ink">
        ← {t('back')}
      </Link>
      <PageHeader title={<span className="font-mono">{miner.name}</span>} subtitle={`${miner.modelName} · ${miner.siteName}`} actions={
          <div className="flex items-center gap-2">
            {measured ? <StateBadge state={measured.state} source={measured.stateSource} /> : null}
            <Badge tone={MINER_STATUS_TONE[miner.status]}>{tStatus(miner.status)}</Badge>
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        {can(actor.role, 'hosting:status_monitor', 'FULL') ? <MinerStatusForm id={miner.id} status={miner.status} /> : null}
        {can(actor.role, 'hosting:batch_create', 'FULL') ? (
          <Link href={`/hosting/devices/${miner.id}/edit`} className={buttonClass('secondary')}>
            {t('editMove')}
          </Link>
        ) : null}
        {can(actor.role, 'remote:execute', 'FULL') ? (
          <Link href={`/hosting/devices/${miner.id}/credentials`} className={buttonClass('secondary')}>
            {t('credentials')}
          </Link>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('identity')}>
          <dl>
            <Row label={t('serial')} value={miner.serial} />
            <Row label={t('ip')} value={miner.ipAddress} />
            <Row label={t('mac')} value={miner.macAddress} />
            <Row label={t('worker')} value={miner.workerName} />
            <Row label={t('owner')} value={miner.customerName ?? t('houseOwned')} />
            {uptimes.has(miner.id) ? <Row label={t('uptime24h')} value={<MeasuredUptime uptime={uptimes.get(miner.id)!} />} /> : null}
            {rate === null ? null : <Row label={t('electricity')} value={rate} />}
          </dl>
        </Card>
        <SpecVsActual nominal={{ hashrateThs: ths * miner.quantity, powerW: miner.powerW * miner.quantity }} live={live} />
        {/* Edge telemetry mount point: the edge area replaces this card with <MinerTelemetryPanel minerId={miner.id} /> from components/edge/miner-telemetry-panel.tsx (live figures, 24h and 7d charts). */}
        <MinerTelemetryPanel minerId={miner.id} />
        {tickets ? <MinerTickets tickets={tickets} newTicket={newTicket} /> : null}
        {commands ? <MinerCommands commands={commands} canOpenEdge={seesCommands} /> : null}
      </div>
    </>
  );
}
