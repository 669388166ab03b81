import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Writer } from '@/lib/core/principal';
import type { Scope } from '@/lib/core/scope';
import type { Db } from '../../client';
import { miners } from '../../schema';
import { recordAudit } from '../admin/audit';
import { getPoolAccount, updatePoolAccount } from './accounts';
import { clearManualLink, getWorkerLink, type WorkerLink, isValidPattern, latestWorkerHour, refreshPatternLinks, setManualLink, workerExists } from './links';
import { minerScope } from '../scope';

/*
 * The "fix mismatches" writes, each in one transaction with its audit entry. Scoping: the worker's
 * account must be the organization's, a miner involved must be one the actor may see, and a worker
 * already linked to a miner outside the actor's sites cannot be taken — all of which answer 404,
 * the same as a worker that does not exist.
 */

async function minerInScope(db: Db, scope: Scope, minerId: string): Promise<boolean> {
  const rows = await db.select({ id: miners.id }).from(miners).where(and(eq(miners.id, minerId), minerScope(scope))).limit(1);
  return rows.length > 0;
}

async function loadEditableWorker(db: Db, who: Writer, accountId: string, workerName: string) {
  // A CLIENT is tied to customers; unattributed pool workers are not its to claim.
  if (who.scope.customers !== 'all') throw new AppError('NOT_FOUND');
  const account = await getPoolAccount(db, who.orgId, accountId);
  if (!account || !(await workerExists(db, accountId, workerName))) throw new AppError('NOT_FOUND');
  const link = await getWorkerLink(db, accountId, workerName);
  if (link?.minerId && !(await minerInScope(db, who.scope, link.minerId))) throw new AppError('NOT_FOUND');
  return { account, link };
}

/** The sites of the miners a link change touches: the entry is about the worker of each. */
async function sitesOf(db: Db, minerIds: (string | null | undefined)[]): Promise<string[]> {
  const ids = minerIds.filter((id): id is string => Boolean(id));
  if (!ids.length) return [];
  return (await db.selectDistinct({ siteId: miners.siteId }).from(miners).where(inArray(miners.id, ids))).map((r) => r.siteId);
}

async function auditOf(db: Db, who: Writer, action: string, accountId: string, workerName: string, before: WorkerLink | null, after: WorkerLink | null) {
  return {
    orgId: who.orgId,
    actorUserId: who.userId,
    action,
    entityType: 'pool_worker',
    entityId: `${accountId}/${workerName}`,
    siteIds: await sitesOf(db, [before?.minerId, after?.minerId]),
    before: before ?? null,
    after,
  };
}

export async function linkWorker(db: Db, who: Writer, p: { accountId: string; workerName: string; minerId: string }, at = new Date()) {
  const { link } = await loadEditableWorker(db, who, p.accountId, p.workerName);
  if (!(await minerInScope(db, who.scope, p.minerId))) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await setManualLink(tx, { orgId: who.orgId, accountId: p.accountId, workerName: p.workerName, minerId: p.minerId, at });
    await recordAudit(tx, await auditOf(tx, who, 'pool.worker.link', p.accountId, p.workerName, link, { minerId: p.minerId, source: 'manual' }));
  });
}

/**
 * `none` records that the worker has no hosted miner, so the pattern will not re-link it; `pattern`
 * drops the manual link and re-runs the pattern on the account's newest hour at once.
 */
export async function unlinkWorker(db: Db, who: Writer, p: { accountId: string; workerName: string; mode: 'none' | 'pattern' }, at = new Date()) {
  const { account, link } = await loadEditableWorker(db, who, p.accountId, p.workerName);
  await db.transaction(async (tx) => {
    if (p.mode === 'none') await setManualLink(tx, { orgId: who.orgId, accountId: p.accountId, workerName: p.workerName, minerId: null, at });
    else {
      await clearManualLink(tx, p.accountId, p.workerName);
      const hour = await latestWorkerHour(tx, p.accountId);
      if (hour) await refreshPatternLinks(tx, { orgId: who.orgId, accountId: p.accountId, pattern: account.workerPattern, recordedAt: hour });
    }
    const after = p.mode === 'none' ? { minerId: null, source: 'manual' } : await getWorkerLink(tx, p.accountId, p.workerName);
    await recordAudit(tx, await auditOf(tx, who, p.mode === 'none' ? 'pool.worker.unlink' : 'pool.worker.use_pattern', p.accountId, p.workerName, link, after));
  });
}

/** Changes an account's worker-name pattern and re-links its newest hour at once; manual links stay. */
export async function setWorkerPattern(db: Db, who: Writer, p: { accountId: string; workerPattern: string }) {
  const account = await getPoolAccount(db, who.orgId, p.accountId);
  if (!account) throw new AppError('NOT_FOUND');
  if (!(await isValidPattern(db, p.workerPattern))) throw new AppError('VALIDATION', undefined, { workerPattern: 'invalid' });
  return db.transaction(async (tx) => {
    await updatePoolAccount(tx, who.orgId, p.accountId, { workerPattern: p.workerPattern });
    const hour = await latestWorkerHour(tx, p.accountId);
    const links = hour ? await refreshPatternLinks(tx, { orgId: who.orgId, accountId: p.accountId, pattern: p.workerPattern, recordedAt: hour }) : { linked: 0, unlinked: 0 };
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'pool.account.pattern', entityType: 'pool_account', entityId: p.accountId, before: { workerPattern: account.workerPattern }, after: { workerPattern: p.workerPattern, ...links } });
    return links;
  });
}
