/**
 * What the anomaly detector can say about a miner. The database check, the page's filter and the
 * message keys (Analytics.Anomalies.kind.*) all read this one list.
 */
export const ANOMALY_KINDS = ['fan_failure', 'hashboard_loss', 'hashrate_drop', 'hashrate_drift', 'temp_high', 'temp_drift', 'power_shift', 'reject_high'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export const ANOMALY_SEVERITIES = ['critical', 'warning'] as const;
export type AnomalySeverity = (typeof ANOMALY_SEVERITIES)[number];

/** A median and median absolute deviation over `n` values; null where the miner has no history. */
export type RobustStats = { median: number; mad: number; n: number };

/** One miner as the detector needs it: baselines are aggregated in SQL (db/queries/anomaly/inputs.ts). */
export type MinerObservation = {
  minerId: string;
  siteId: string;
  modelId: number;
  /** Averages over the recent window (the last hour of five-minute buckets); null = not reported. */
  recent: { hashrateThs: number | null; chipTempC: number | null; powerW: number | null; rejectPct: number | null; fanMinRpm: number | null };
  /** Its own 30-day history of daily averages (the recent window excluded). */
  own: { hashrateThs: RobustStats | null; chipTempC: RobustStats | null; powerW: RobustStats | null; fanMinRpm: RobustStats | null; rejectPct: number | null };
  /** Oldest first, one value a day, the last `TREND_DAYS` full days; gaps are left out. */
  dailyHashrateThs: number[];
  dailyChipTempC: number[];
  /** Recent-window figures of the online miners of the same model at the same site (medians include the miner itself; `n` counts the others). */
  peers: { hashrateThs: RobustStats | null; chipTempC: RobustStats | null; powerW: RobustStats | null; fanMinRpm: RobustStats | null; rejectPct: RobustStats | null };
};

/**
 * One sentence fragment of a flag's explanation: a message key under Analytics.Anomalies.explain and
 * its numbers. The page joins the fragments in the reader's locale; nothing is phrased in TypeScript.
 */
export type ExplainPart = { key: string; values: Record<string, number> };

export type AnomalyFlag = {
  minerId: string;
  siteId: string;
  kind: AnomalyKind;
  severity: AnomalySeverity;
  /** The figure that tripped it, in the unit `unit` names. */
  observed: number;
  unit: 'TH/s' | '°C' | 'W' | '%' | 'rpm';
  /** How far from normal in robust standard deviations (own history or peers, whichever is larger). */
  score: number;
  explain: ExplainPart[];
};
