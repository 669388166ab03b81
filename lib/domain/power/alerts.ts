import { type Tariff, tariffAt } from './tariff';

/*
 * The consumption center's alerts, from figures already measured: a pure rule set so the page, the
 * API and (later) a notifying job read one definition.
 */

export type PowerAlert = { siteId: string; kind: 'contract_exceeded' | 'peak_window' | 'rate_change' | 'data_gap'; severity: 'critical' | 'warning' | 'info'; detail: Record<string, string | number | null> };

export type AlertSite = { siteId: string; timeZone: string; contractedKw: number | null; liveW: number; liveMiners: number; lastHour: string | null; tariffs: readonly Tariff[] };

const HOUR = 3_600_000;
const RATE_NOTICE_MS = 7 * 24 * HOUR;
const GAP_MS = 2 * HOUR;

export function powerAlerts(s: AlertSite, now: Date): PowerAlert[] {
  const out: PowerAlert[] = [];
  const contractedW = (s.contractedKw ?? 0) * 1000;
  if (contractedW > 0 && s.liveW > contractedW) out.push({ siteId: s.siteId, kind: 'contract_exceeded', severity: 'critical', detail: { liveW: s.liveW, contractedW } });
  const price = tariffAt(s.tariffs, s.timeZone, now);
  if (price?.window === 'peak' && s.liveW > 0) out.push({ siteId: s.siteId, kind: 'peak_window', severity: 'warning', detail: { liveW: s.liveW, rateMcPerKwh: price.rateMcPerKwh } });
  const next = s.tariffs.find((t) => t.effectiveFrom > now && t.effectiveFrom.getTime() - now.getTime() <= RATE_NOTICE_MS);
  if (next) out.push({ siteId: s.siteId, kind: 'rate_change', severity: 'info', detail: { effectiveFrom: next.effectiveFrom.toISOString(), tariffId: next.id } });
  // The current hour's row appears at :07; a last row older than two hours while miners report is a gap.
  if (s.liveMiners > 0 && (!s.lastHour || now.getTime() - new Date(s.lastHour).getTime() > GAP_MS + HOUR)) out.push({ siteId: s.siteId, kind: 'data_gap', severity: 'warning', detail: { lastHour: s.lastHour } });
  return out;
}
