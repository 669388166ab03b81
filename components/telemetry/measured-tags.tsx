import { useLocale, useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { FigureSource } from '@/lib/domain/telemetry/measured';
import { formatHashrate, formatPercent, formatPower } from '@/lib/format';
import type { OperationalState, StateSource } from '@/lib/domain/telemetry/operational-state';
import type { UptimeBasis } from '@/lib/domain/telemetry/uptime';

export const STATE_TONE: Record<OperationalState, BadgeTone> = { online: 'ok', offline: 'bad', sleeping: 'muted', overheating: 'warn', unknown: 'muted' };

/** Where a figure came from, as a small translated tag (its title says it in full). */
export function SourceTag({ source }: { source: FigureSource | StateSource }) {
  const t = useTranslations('Measured');
  return (
    <span className="ml-1 align-middle text-[10px] font-normal text-muted" title={t(`sourceTitle.${source}`)} data-source={source}>
      {t(`source.${source}`)}
    </span>
  );
}

/** The measured state with the source it was read from. */
export function StateBadge({ state, source }: { state: OperationalState; source: StateSource }) {
  const t = useTranslations('Measured');
  return (
    <span className="whitespace-nowrap">
      <Badge tone={STATE_TONE[state]}>{t(`state.${state}`)}</Badge>
      <SourceTag source={source} />
    </span>
  );
}

/** A measured hashrate with its source tag (telemetry, pool or nameplate). */
export function MeasuredHashrate({ measured }: { measured: { hashrateThs: number | null; hashrateSource: FigureSource } }) {
  const locale = useLocale();
  return (
    <>
      {formatHashrate(measured.hashrateThs, locale)}
      <SourceTag source={measured.hashrateSource} />
    </>
  );
}

/** A measured power with its source tag; '—' where nothing reports one. */
export function MeasuredPower({ measured }: { measured: { powerW: number | null; powerSource: FigureSource } }) {
  const locale = useLocale();
  if (measured.powerW === null) return '—';
  return (
    <>
      {formatPower(measured.powerW, locale)}
      <SourceTag source={measured.powerSource} />
    </>
  );
}

/** A 24 h uptime with its source tag; the tag's title also says which record it was read from. */
export function MeasuredUptime({ uptime }: { uptime: { uptimePct: number; uptimeSource: FigureSource; uptimeBasis: UptimeBasis } }) {
  const locale = useLocale();
  const t = useTranslations('Measured');
  return (
    <span title={t(`uptimeBasis.${uptime.uptimeBasis}`)}>
      {formatPercent(uptime.uptimePct, locale)}
      <SourceTag source={uptime.uptimeSource} />
    </span>
  );
}
