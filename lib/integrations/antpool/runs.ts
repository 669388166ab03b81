import type { Db } from '@/db/client';
import { markNotified, poolAlertChannels, syncAlerts, unnotifiedAlerts } from '@/db/queries/pool/alerts';
import { callsSince, insertRun } from '@/db/queries/pool/runs';
import { thresholdOf } from '@/lib/domain/pool/low-hashrate';
import type { Notifier } from '@/lib/integrations/notify';
import { poolDigestMessage } from '@/lib/notifications/pool-digest';
import { PLANNED_LIMIT } from './budget';
import { AntpoolError } from './errors';
import type { Antpool } from './factory';

export type AccountRef = { id: string; orgId: string; userId: string };
export type AccountResult = { accountId: string; orgId: string; userId: string; ok: boolean; error?: string; [k: string]: unknown };

/**
 * Runs one account's part of a tier. A pool-side failure (after the client's own retries) is
 * recorded as that account's API-failure alert and returned, so the other accounts still run;
 * anything else (the database) throws and Inngest retries the step.
 */
export async function guarded(db: Db, a: AccountRef, at: Date, fn: () => Promise<Record<string, unknown>>): Promise<AccountResult> {
  const base = { accountId: a.id, orgId: a.orgId, userId: a.userId };
  try {
    const r = await fn();
    await syncAlerts(db, { orgId: a.orgId, accountId: a.id, kind: 'api_failure', at, current: [] });
    return { ...base, ok: true, ...r };
  } catch (e) {
    if (!(e instanceof AntpoolError)) throw e;
    await syncAlerts(db, { orgId: a.orgId, accountId: a.id, kind: 'api_failure', at, current: [{ subject: a.userId, detail: { kind: e.kind, message: e.message } }] });
    return { ...base, ok: false, error: `${e.kind}: ${e.message}` };
  }
}

/** Budget warning above 80% of the planned budget; resolves itself below it. */
export const BUDGET_WARNING_SHARE = 0.8;

export type RunDeps = { db: Db; antpool: Antpool; notifier: Notifier; now: () => Date };

/** Stores one summary row per organization, updates budget warnings and sends the alert digest. */
export async function finishRun({ db, antpool, notifier, now }: RunDeps, tier: number, startedAtIso: string, results: AccountResult[], orgIds: string[] = []) {
  const startedAt = new Date(startedAtIso);
  const finishedAt = now();
  const calls = await callsSince(db, startedAt);
  const used = await antpool.budget(db).used(finishedAt);
  const orgs = [...new Set([...orgIds, ...results.map((r) => r.orgId)])];
  for (const orgId of orgs) {
    const mine = results.filter((r) => r.orgId === orgId);
    await insertRun(db, {
      orgId, tier, startedAt, finishedAt, calls,
      accountsOk: mine.filter((r) => r.ok).length,
      accountsFailed: mine.filter((r) => !r.ok).length,
      summary: { accounts: mine, budgetUsed: used, budgetLimit: PLANNED_LIMIT },
    });
    const warn = used >= PLANNED_LIMIT * BUDGET_WARNING_SHARE;
    await syncAlerts(db, { orgId, accountId: null, kind: 'budget_warning', at: finishedAt, current: warn ? [{ subject: 'antpool', detail: { used, limit: PLANNED_LIMIT } }] : [] });
    await sendDigest(db, notifier, orgId, finishedAt);
  }
  return { tier, calls, budgetUsed: used, ok: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}

/** New alerts go out as one digest per run and channel, not one message per worker. */
async function sendDigest(db: Db, notifier: Notifier, orgId: string, at: Date) {
  const alerts = await unnotifiedAlerts(db, orgId);
  if (!alerts.length) return;
  const channels = await poolAlertChannels(db, orgId);
  const counts = alerts.reduce<Record<string, number>>((m, a) => ((m[a.kind] = (m[a.kind] ?? 0) + 1), m), {});
  for (const ch of channels) {
    const { subject, text } = poolDigestMessage({ locale: ch.locale, alerts });
    let secret: string | undefined;
    try {
      secret = ch.secretEnc ? notifier.openSecret(ch.secretEnc) : undefined;
    } catch {
      secret = undefined;
    }
    await notifier.deliver(db, {
      orgId, userId: ch.userId, channelId: ch.id, channel: ch.kind, format: ch.format, target: ch.target, secret,
      kind: 'pool.alerts', dedupeKey: `pool.alerts:${alerts[0]!.id}:${alerts.length}:${ch.id}`, subject, text,
      payload: { counts, alerts: alerts.slice(0, 200).map((a) => ({ kind: a.kind, subject: a.subject, openedAt: a.openedAt.toISOString(), ...(a.kind === 'low_hashrate' ? { thresholdPct: thresholdOf(a.detail) } : {}) })) },
    });
  }
  await markNotified(db, alerts.map((a) => a.id), at);
}
