/*
 * Alert storms: when a whole rack loses power, one evaluation opens the same rule on hundreds of
 * miners of one site. Nobody reads hundreds of messages, and a chat channel rate-limits them, so
 * from STORM_MIN alerts of one site, rule and transition on they go out as one notification with
 * the count and a sample; fewer go out one by one as before.
 */
export const STORM_MIN = 5;
export const STORM_SAMPLE = 10;

export type AlertEvent = { alertId: string; ruleId: string; siteId: string; minerId: string; value: string | null };

export type NotificationGroup<E extends AlertEvent> =
  | { kind: 'single'; event: E }
  | { kind: 'storm'; ruleId: string; siteId: string; count: number; sample: E[]; events: E[] };

/** Groups one evaluation's events (of one transition); the order of the input is kept within a group. */
export function groupStorms<E extends AlertEvent>(events: E[], min = STORM_MIN, sample = STORM_SAMPLE): NotificationGroup<E>[] {
  const bySiteRule = new Map<string, E[]>();
  for (const e of events) {
    const key = `${e.siteId}\u0000${e.ruleId}`;
    const list = bySiteRule.get(key);
    if (list) list.push(e);
    else bySiteRule.set(key, [e]);
  }
  const out: NotificationGroup<E>[] = [];
  for (const list of bySiteRule.values()) {
    if (list.length < min) for (const event of list) out.push({ kind: 'single', event });
    else out.push({ kind: 'storm', ruleId: list[0]!.ruleId, siteId: list[0]!.siteId, count: list.length, sample: list.slice(0, sample), events: list });
  }
  return out;
}

/**
 * The de-duplication key of a storm: the same set of alerts gives the same key, so a re-run of the
 * notification step sends nothing twice, while a later storm on the same rule and site is new.
 */
export function stormKey(prefix: string, events: { alertId: string }[]): string {
  const ids = events.map((e) => e.alertId).sort();
  return `${prefix}:${ids[0]}:${ids.at(-1)}:${ids.length}`;
}
