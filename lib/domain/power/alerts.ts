import { judgeHour } from './baseline';
import { type Tariff, tariffAt } from './tariff';

/*
 * Power alerts (issue 15 part 7), decided from figures already measured: a pure rule set, so the
 * job only loads and stores. Each alert names its `period` — what it is about — and the job stores
 * (site, kind, period) once, so evaluating again raises nothing new:
 *   peak_warning          the start of the peak window the site is about to enter at near full load
 *   abnormal_consumption  the hour judged against its learned baseline (baseline.ts)
 *   contract_exceeded     the local month whose measured peak passed the contracted kW
 *   rate_change           the effective instant of a coming tariff version
 *   meter_gap             the end of the last meter reading before the gap
 *   data_gap              the last aggregated hour before the gap (miners report, no energy rows)
 */

export const POWER_ALERT_KINDS = ['peak_warning', 'abnormal_consumption', 'contract_exceeded', 'rate_change', 'meter_gap', 'data_gap'] as const;
export type PowerAlertKind = (typeof POWER_ALERT_KINDS)[number];
export type PowerAlertSeverity = 'critical' | 'warning' | 'info';
export type PowerAlertDetail = Record<string, string | number | null>;
export type PowerAlert = { siteId: string; kind: PowerAlertKind; severity: PowerAlertSeverity; period: string; detail: PowerAlertDetail };

export const POWER_ALERT_RULES = {
  /** Warn this long before a peak window starts… */
  peakLeadMinutes: 30,
  /** …when the site draws at least this share of its capacity (its miners' rated power, else the contract). */
  fullLoadShare: 0.9,
  rateNoticeDays: 7,
  meterGapHours: 3,
  /** The hourly job writes an hour at :07 of the next; older than this while miners report is a gap. */
  dataGapHours: 3,
} as const;

export type AlertSite = {
  siteId: string;
  timeZone: string;
  contractedKw: number;
  liveW: number;
  liveMiners: number;
  /** The site's miners at their models' rated power (× quantity). */
  ratedW: number;
  tariffs: readonly Tariff[];
  /** The newest aggregated hour (ISO), null when none. */
  lastHour: string | null;
  /** This local month's highest five-minute site power from the hourly rows, and the hour it was in. */
  monthPeak: { month: string; peakW: number; hour: string } | null;
  /** The last complete hour and the same local hour of the week in the weeks before (Wh). */
  judgedHour: { hour: string; energyWh: number; samplesWh: number[] } | null;
  /** The newest meter reading's end (ISO) of a metered site; null when the site has no meter. */
  lastMeterReading: string | null;
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const STEP = 5 * MIN;

/** The first five-minute boundary in (now, now + lead] priced as peak, when now is not. */
export function upcomingPeak(tariffs: readonly Tariff[], timeZone: string, now: Date, leadMinutes: number): Date | null {
  if (tariffAt(tariffs, timeZone, now)?.window === 'peak') return null;
  const first = Math.floor(now.getTime() / STEP) * STEP + STEP;
  for (let t = first; t <= now.getTime() + leadMinutes * MIN; t += STEP) {
    if (tariffAt(tariffs, timeZone, new Date(t))?.window === 'peak') return new Date(t);
  }
  return null;
}

export function powerAlerts(s: AlertSite, now: Date): PowerAlert[] {
  const out: PowerAlert[] = [];
  const add = (kind: PowerAlertKind, severity: PowerAlertSeverity, period: string, detail: PowerAlertDetail) => out.push({ siteId: s.siteId, kind, severity, period, detail });
  const R = POWER_ALERT_RULES;
  const contractedW = s.contractedKw * 1000;

  const capacityW = s.ratedW > 0 ? s.ratedW : contractedW;
  const peakAt = capacityW > 0 && s.liveW >= R.fullLoadShare * capacityW ? upcomingPeak(s.tariffs, s.timeZone, now, R.peakLeadMinutes) : null;
  if (peakAt) {
    const price = tariffAt(s.tariffs, s.timeZone, peakAt);
    add('peak_warning', 'warning', peakAt.toISOString(), { startsAt: peakAt.toISOString(), liveW: s.liveW, capacityW, rateMcPerKwh: price?.rateMcPerKwh ?? null });
  }

  const j = s.judgedHour && judgeHour(s.judgedHour.energyWh, s.judgedHour.samplesWh);
  if (s.judgedHour && j?.abnormal) {
    add('abnormal_consumption', 'warning', s.judgedHour.hour, { hour: s.judgedHour.hour, energyWh: j.energyWh, medianWh: j.medianWh, madWh: j.madWh, thresholdWh: Math.round(j.thresholdWh), direction: j.direction, samples: j.samples });
  }

  if (contractedW > 0 && s.monthPeak && s.monthPeak.peakW > contractedW) {
    add('contract_exceeded', 'critical', s.monthPeak.month, { month: s.monthPeak.month, peakW: s.monthPeak.peakW, contractedW, hour: s.monthPeak.hour });
  }

  for (const t of s.tariffs) {
    const ahead = t.effectiveFrom.getTime() - now.getTime();
    if (ahead > 0 && ahead <= R.rateNoticeDays * 24 * HOUR) {
      add('rate_change', 'info', t.effectiveFrom.toISOString(), { effectiveFrom: t.effectiveFrom.toISOString(), tariffId: t.id, kind: t.kind });
    }
  }

  if (s.lastMeterReading && now.getTime() - new Date(s.lastMeterReading).getTime() > R.meterGapHours * HOUR) {
    add('meter_gap', 'warning', s.lastMeterReading, { lastReading: s.lastMeterReading, hours: Math.floor((now.getTime() - new Date(s.lastMeterReading).getTime()) / HOUR) });
  }

  if (s.liveMiners > 0 && (!s.lastHour || now.getTime() - new Date(s.lastHour).getTime() > R.dataGapHours * HOUR)) {
    add('data_gap', 'warning', s.lastHour ?? 'never', { lastHour: s.lastHour, liveMiners: s.liveMiners });
  }
  return out;
}
