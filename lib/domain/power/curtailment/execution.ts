/*
 * A curtailment run as a state machine the minute job advances: commands go out in waves of N miners
 * a minute (all at once in an emergency), the reduction is verified from telemetry once the miners
 * had time to settle, recovery starts at the end of the window or when someone stops it, wakes go out
 * in the same waves, and each miner's recovery is checked against its hashrate before. Pure: the job
 * reads the event, asks what is due, and does it.
 */

export const MINUTE_MS = 60_000;

export type RunTiming = {
  /** From the last command to the verification of the reduction (readings every poll, 5-minute buckets). */
  verifyAfterMs: number;
  /** From the last wake to the recovery check: a miner needs minutes to boot and average its hashrate. */
  recoveryCheckAfterMs: number;
};
export const DEFAULT_TIMING: RunTiming = { verifyAfterMs: 3 * MINUTE_MS, recoveryCheckAfterMs: 15 * MINUTE_MS };

export type RunState = {
  status: 'curtailing' | 'holding' | 'recovering' | 'completed';
  createdAt: Date;
  emergency: boolean;
  waves: number;
  wavesSent: number;
  allSentAt: Date | null;
  verifiedAt: Date | null;
  endsAt: Date | null;
  stopRequestedAt: Date | null;
  recoveryStartedAt: Date | null;
  recoveryWavesSent: number;
  recoverySentAt: Date | null;
  /**
   * The site's minimum off time when the run started: recovery (at the window's end or a stop) waits
   * until this long after the start, so every miner of wave k, slept k minutes in and woken k minutes
   * into recovery, stays asleep at least this long.
   */
  minOffMinutes?: number;
};

export type RunStep =
  | { kind: 'send_wave'; wave: number }
  | { kind: 'all_sent' }
  | { kind: 'verify' }
  | { kind: 'start_recovery' }
  | { kind: 'send_recovery_wave'; wave: number }
  | { kind: 'recovery_sent' }
  | { kind: 'check_recovery' };

/** Waves due by `now` when wave k goes out k minutes after `from` (all of them in an emergency). */
function wavesDue(from: Date, now: Date, total: number, all: boolean): number {
  if (all) return total;
  return Math.min(total, Math.floor((now.getTime() - from.getTime()) / MINUTE_MS) + 1);
}

/** What is due at `now`, in order. The job applies each step; running it again after they are applied asks for nothing twice. */
export function dueSteps(s: RunState, now: Date, timing: RunTiming = DEFAULT_TIMING): RunStep[] {
  const steps: RunStep[] = [];
  const minOffOver = now.getTime() - s.createdAt.getTime() >= (s.minOffMinutes ?? 0) * MINUTE_MS;
  // Stopping sends no more curtail waves; recovery itself waits for the minimum off time.
  const stopping = s.stopRequestedAt !== null || (s.endsAt !== null && now >= s.endsAt);
  const ending = stopping && minOffOver;
  if (s.status === 'curtailing' || s.status === 'holding') {
    if (s.status === 'curtailing' && !stopping) {
      const due = wavesDue(s.createdAt, now, s.waves, s.emergency);
      for (let w = s.wavesSent; w < due; w++) steps.push({ kind: 'send_wave', wave: w });
      if (due === s.waves) steps.push({ kind: 'all_sent' });
    }
    const sentAt = s.allSentAt ?? (s.wavesSent + steps.filter((x) => x.kind === 'send_wave').length === s.waves ? now : null);
    if (!s.verifiedAt && sentAt && now.getTime() - sentAt.getTime() >= timing.verifyAfterMs) steps.push({ kind: 'verify' });
    if (!ending) return steps;
    // Recovery starts now, and its first wave goes out in the same minute.
    steps.push({ kind: 'start_recovery' });
    return [...steps, ...dueSteps({ ...s, status: 'recovering', recoveryStartedAt: now, recoveryWavesSent: 0, recoverySentAt: null }, now, timing)];
  }
  if (s.status === 'recovering' && s.recoveryStartedAt) {
    // Only the waves that went out come back; recovery is always staggered (inrush), emergency or not.
    if (!s.recoverySentAt) {
      const due = wavesDue(s.recoveryStartedAt, now, s.wavesSent, false);
      for (let w = s.recoveryWavesSent; w < due; w++) steps.push({ kind: 'send_recovery_wave', wave: w });
      if (due === s.wavesSent) steps.push({ kind: 'recovery_sent' });
    }
    const sentAt = s.recoverySentAt ?? (steps.some((x) => x.kind === 'recovery_sent') ? now : null);
    if (sentAt && now.getTime() - sentAt.getTime() >= timing.recoveryCheckAfterMs) steps.push({ kind: 'check_recovery' });
  }
  return steps;
}

/** The wave of the i-th miner of a plan at `perMinute` a minute (wave 0 for all in an emergency). */
export function waveOf(index: number, perMinute: number, emergency: boolean): number {
  return emergency ? 0 : Math.floor(index / Math.max(1, perMinute));
}

export type ReductionReport = {
  baselineW: number;
  requestedShedW: number;
  plannedShedW: number;
  /** Baseline minus what the curtailed miners draw now (the rest of the site is not ours to count). */
  achievedShedW: number;
  /** achieved / requested, 0–1+ (null when nothing was asked). */
  achievedRatio: number | null;
  met: boolean;
  minersShed: number;
  minersStillDrawing: number;
  minersWithoutReading: number;
};

/** A miner counts as shed when it draws under a tenth of what it drew before (fans, control board). */
const SHED_FRACTION = 0.1;
/** Verified when the achieved reduction reaches 95 % of the request (readings lag a poll interval). */
export const MET_RATIO = 0.95;

export function verifyReduction(
  e: { baselineW: number; requestedShedW: number; plannedShedW: number },
  miners: { prePowerW: number; targetW: number; nowW: number | null }[],
): ReductionReport {
  let achieved = 0;
  let shed = 0;
  let still = 0;
  let none = 0;
  for (const m of miners) {
    if (m.nowW === null) {
      none++;
      continue;
    }
    achieved += m.prePowerW - m.nowW;
    if (m.nowW <= Math.max(m.targetW, m.prePowerW * SHED_FRACTION) * 1.05) shed++;
    else still++;
  }
  const ratio = e.requestedShedW > 0 ? achieved / e.requestedShedW : null;
  return {
    ...e,
    achievedShedW: Math.round(achieved),
    achievedRatio: ratio,
    met: ratio === null || ratio >= MET_RATIO,
    minersShed: shed,
    minersStillDrawing: still,
    minersWithoutReading: none,
  };
}

/** Recovered: hashing within 10 % of its hashrate before the curtailment. */
export const RECOVERY_RATIO = 0.9;
export function hasRecovered(preHashrateThs: number, nowHashrateThs: number | null): boolean {
  return nowHashrateThs !== null && nowHashrateThs >= preHashrateThs * RECOVERY_RATIO;
}
