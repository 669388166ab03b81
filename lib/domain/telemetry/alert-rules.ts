/** The edge rule kinds, read by the database enum, the rule form and its action, and the evaluation below. */
export const ALERT_KINDS = ['OFFLINE', 'TEMP_HIGH', 'HASHRATE_LOW', 'FAN_FAILURE', 'REJECT_RATE_HIGH', 'ANOMALY'] as const;
/** ANOMALY rules fire on the anomaly job's open flags (inngest/functions/telemetry/anomalies.ts), not on live readings. */
export const LIVE_ALERT_KINDS = ALERT_KINDS.filter((k) => k !== 'ANOMALY');
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A rule matches the miners that fit every target it names; none named = every miner of the org. */
export type AlertRuleInput = { id: string; kind: AlertKind; threshold: number; siteId: string | null; modelId: number | null; customerId: string | null };

/** The live state of one miner, as the evaluation needs it. */
export type MinerState = {
  minerId: string;
  siteId: string;
  modelId: number;
  customerId: string | null;
  collectedAt: Date;
  online: boolean;
  offlineSince: Date | null;
  hashrateThs: number | null;
  /** From the firmware when it reports one, else the model's nominal figure. */
  nominalThs: number | null;
  tempChipMaxC: number | null;
  fanMinRpm: number | null;
  fanCount: number | null;
  accepted: number | null;
  rejected: number | null;
};

export type Evaluation = { firing: boolean; value: string | null };

export function ruleApplies(rule: AlertRuleInput, m: Pick<MinerState, 'siteId' | 'modelId' | 'customerId'>): boolean {
  return (rule.siteId === null || rule.siteId === m.siteId) && (rule.modelId === null || rule.modelId === m.modelId) && (rule.customerId === null || rule.customerId === m.customerId);
}

/**
 * Whether a rule fires for a miner now. Thresholds: OFFLINE minutes, TEMP_HIGH °C, HASHRATE_LOW %
 * of nominal, REJECT_RATE_HIGH % of shares. A miner that stopped reporting counts as offline since
 * its last reading; the other rules only judge a miner that is online (its figures are current).
 */
export function evaluateRule(rule: AlertRuleInput, m: MinerState, now: Date): Evaluation {
  if (rule.kind === 'OFFLINE') {
    const since = m.online ? m.collectedAt : (m.offlineSince ?? m.collectedAt);
    const minutes = (now.getTime() - since.getTime()) / 60_000;
    return { firing: minutes >= rule.threshold, value: `${Math.floor(Math.max(0, minutes))} min` };
  }
  if (!m.online) return { firing: false, value: null };
  switch (rule.kind) {
    case 'TEMP_HIGH':
      return m.tempChipMaxC === null ? { firing: false, value: null } : { firing: m.tempChipMaxC > rule.threshold, value: `${m.tempChipMaxC} °C` };
    case 'HASHRATE_LOW': {
      if (m.hashrateThs === null || !m.nominalThs) return { firing: false, value: null };
      const pct = (m.hashrateThs / m.nominalThs) * 100;
      return { firing: pct < rule.threshold, value: `${pct.toFixed(1)} %` };
    }
    case 'FAN_FAILURE':
      return { firing: (m.fanCount ?? 0) > 0 && m.fanMinRpm === 0, value: m.fanMinRpm === null ? null : `${m.fanMinRpm} rpm` };
    case 'REJECT_RATE_HIGH': {
      const total = (m.accepted ?? 0) + (m.rejected ?? 0);
      if (!total || m.rejected === null) return { firing: false, value: null };
      const pct = (m.rejected / total) * 100;
      return { firing: pct > rule.threshold, value: `${pct.toFixed(2)} %` };
    }
    case 'ANOMALY':
      return { firing: false, value: null };
  }
}

export type Reading = { amount: number; unit: 'min' | '°C' | '%' | 'rpm'; digits: number };

/**
 * The measured value of an alert (as evaluateRule writes it and edge_alerts stores it: "12 min",
 * "92 °C", "85.3 %", "0 rpm") read back as a number, its unit and its decimals, so a notification
 * can format it in its recipient's locale. Null for anything else.
 */
export function readingOf(value: string | null): Reading | null {
  const m = value?.match(/^(-?\d+(?:\.(\d+))?) (min|°C|%|rpm)$/);
  return m ? { amount: Number(m[1]), unit: m[3] as Reading['unit'], digits: m[2]?.length ?? 0 } : null;
}
