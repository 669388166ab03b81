/*
 * Abnormal consumption against a learned baseline (issue 15 part 7).
 *
 * The method: a site's energy in one hour is judged against the same local hour of the week in the
 * four weeks before (the hourly aggregate of, say, Tuesday 14:00–15:00 against the four Tuesdays
 * 14:00–15:00 before it: a farm's load follows its tariff windows and curtailment plans, which repeat
 * weekly). The baseline is the median of those hours and their spread the median absolute deviation
 * (MAD) — both robust, so one curtailed or broken hour in the history does not move them. The MAD
 * is scaled by 1.4826 (a normal distribution's σ), and an hour is abnormal when it lies more than
 * k = 3 of those from the median AND more than 10 % of the median away: with four samples the MAD can
 * be 0 (a steady farm), and a few watts off a perfectly flat history is not news. At least three of
 * the four weeks must have an aggregated hour, or there is no baseline yet.
 */

export const BASELINE = { weeks: 4, minSamples: 3, k: 3, madToSigma: 1.4826, minRelDeviation: 0.1 } as const;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export type Baseline = { medianWh: number; madWh: number; samples: number };

export function learnBaseline(samplesWh: readonly number[]): Baseline | null {
  if (samplesWh.length < BASELINE.minSamples) return null;
  const m = median(samplesWh);
  return { medianWh: m, madWh: median(samplesWh.map((x) => Math.abs(x - m))), samples: samplesWh.length };
}

export type HourJudgement = Baseline & { energyWh: number; thresholdWh: number; deviationWh: number; direction: 'high' | 'low'; abnormal: boolean };

/** The hour's energy against its baseline; null while there is none. */
export function judgeHour(energyWh: number, samplesWh: readonly number[]): HourJudgement | null {
  const b = learnBaseline(samplesWh);
  if (!b) return null;
  const thresholdWh = Math.max(BASELINE.k * BASELINE.madToSigma * b.madWh, BASELINE.minRelDeviation * b.medianWh);
  const deviationWh = energyWh - b.medianWh;
  return { ...b, energyWh, thresholdWh, deviationWh, direction: deviationWh >= 0 ? 'high' : 'low', abnormal: Math.abs(deviationWh) > thresholdWh };
}
