export type JobSchedule = { id: string; crons: string[]; events: string[] };
type Fn = { opts: { id: string; triggers?: unknown } };

/** Each function's id and its cron and event triggers, read from the functions themselves. */
export function schedulesOf(functions: readonly Fn[]): JobSchedule[] {
  return functions.map((f) => {
    const triggers = (f.opts.triggers ?? []) as ({ cron: string } | { event: string } | { name: string })[];
    return {
      id: f.opts.id,
      crons: triggers.flatMap((t) => ('cron' in t ? [t.cron] : [])),
      events: triggers.flatMap((t) => ('event' in t ? [t.event] : 'name' in t ? [t.name] : [])),
    };
  });
}
