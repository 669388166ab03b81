import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { redactSecrets } from '@/lib/domain/audit/redact';
import { COMMAND_RATE_LIMITS } from '@/lib/domain/edge/command-limits';
import type { LeasedCommand } from '@/lib/domain/edge/leased-command';
import type { AckInput, QueueCommandInput } from '@/lib/validation/edge-commands';
import { type Db, queryRows } from '../../client';
import { edgeCommands, edgeDiscoveredMiners, miners, minerTelemetryLive } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { hitRateLimit } from '../auth/rate-limit';
import { minerScope } from '../scope';

export const LEASE_S = 60;
type Device = { id: string; orgId: string; siteId: string };

/**
 * Queues one command per selected miner. Each miner's rate limit is counted inside the transaction,
 * so a refusal (any miner over its limit) rolls back both the counters and the commands.
 */
export async function queueCommands(db: Db, scope: Scope, actorUserId: string | null, input: QueueCommandInput, now: Date) {
  const ids = [...new Set(input.minerIds)];
  return db.transaction(async (tx) => {
    const targets = await tx
      .select({ id: miners.id, siteId: miners.siteId, name: miners.name })
      .from(miners)
      .where(and(inArray(miners.id, ids), minerScope(scope)));
    if (targets.length !== ids.length) throw new AppError('NOT_FOUND');
    const limit = input.type === 'REBOOT' ? COMMAND_RATE_LIMITS.REBOOT : COMMAND_RATE_LIMITS.other;
    const bucket = input.type === 'REBOOT' ? 'reboot' : 'other';
    for (const m of targets) {
      const { count } = await hitRateLimit(tx, `edge-cmd:${bucket}:${m.id}`, limit.windowS, now);
      if (count > limit.max) {
        throw new AppError('RATE_LIMITED', `${m.name}: at most ${limit.max} ${bucket === 'reboot' ? 'reboots' : 'commands'} per ${limit.windowS} s`);
      }
    }
    const rows = await tx
      .insert(edgeCommands)
      .values(
        targets.map((m) => ({
          orgId: scope.orgId,
          siteId: m.siteId,
          minerId: m.id,
          commandType: input.type,
          params: input.params,
          requestedBy: actorUserId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + input.ttlS * 1000),
        })),
      )
      .returning({ id: edgeCommands.id, minerId: edgeCommands.minerId, siteId: edgeCommands.siteId });
    await recordAudit(
      tx,
      rows.map((r) => ({ orgId: scope.orgId, actorUserId, action: 'edge.command.queue', entityType: 'edge_command', entityId: r.id, siteIds: [r.siteId], after: { minerId: r.minerId, type: input.type, params: input.params } })),
    );
    return rows.map(({ id, minerId }) => ({ id, minerId }));
  });
}

/**
 * Leases up to `limit` due commands of the device's site for 60 s: expired ones are closed first,
 * then one UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) claims the rest, so two collectors
 * polling at once never get the same command. A lease that ran out is handed out again with a new
 * nonce. The caller signs each command with the device's key. `onlyMiners` leases only those
 * miners' commands (the demo's simulated collector, which must leave a real collector's alone).
 */
export async function leaseCommands(db: Db, device: Device, limit: number, now: Date, onlyMiners?: string[]): Promise<LeasedCommand[]> {
  const leased = await db.transaction(async (tx) => {
    const expired = await tx
      .update(edgeCommands)
      .set({ status: 'EXPIRED', finishedAt: now })
      .where(and(eq(edgeCommands.siteId, device.siteId), inArray(edgeCommands.status, ['QUEUED', 'LEASED']), lte(edgeCommands.expiresAt, now)))
      .returning({ id: edgeCommands.id });
    await recordAudit(tx, expired.map((e) => ({ orgId: device.orgId, actorUserId: null, action: 'edge.command.expire', entityType: 'edge_command', entityId: e.id, siteIds: [device.siteId] })));
    const at = now.toISOString();
    const rows = await queryRows<{ id: string; miner_id: string; command_type: string; params: Record<string, unknown>; expires_at: string | Date; ack_nonce: string }>(
      tx,
      sql`update edge_commands c set status = 'LEASED', leased_by = ${device.id}, lease_until = ${new Date(now.getTime() + LEASE_S * 1000).toISOString()}::timestamptz,
            attempts = c.attempts + 1, ack_nonce = gen_random_uuid()::text
          from (select id from edge_commands
                where site_id = ${device.siteId} and expires_at > ${at}::timestamptz
                  ${onlyMiners ? sql`and miner_id = any(${`{${onlyMiners.join(',')}}`}::uuid[])` : sql``}
                  and (status = 'QUEUED' or (status = 'LEASED' and lease_until <= ${at}::timestamptz))
                order by created_at, id limit ${limit} for update skip locked) pick
          where c.id = pick.id
          returning c.id, c.miner_id, c.command_type, c.params, c.expires_at, c.ack_nonce`,
    );
    await recordAudit(tx, rows.map((r) => ({ orgId: device.orgId, actorUserId: null, action: 'edge.command.lease', entityType: 'edge_command', entityId: r.id, siteIds: [device.siteId], after: { deviceId: device.id } })));
    return rows;
  });
  if (!leased.length) return [];
  const targets = await db
    .select({ id: miners.id, ip: sql<string | null>`host(${miners.ipAddress})`, mac: miners.macAddress, host: edgeDiscoveredMiners.host, port: edgeDiscoveredMiners.port })
    .from(miners)
    .leftJoin(edgeDiscoveredMiners, eq(edgeDiscoveredMiners.minerId, miners.id))
    .where(inArray(miners.id, leased.map((r) => r.miner_id)));
  const byId = new Map(targets.map((t) => [t.id, t]));
  return leased.map((r) => {
    const t = byId.get(r.miner_id);
    return {
      command_id: r.id,
      site_id: device.siteId,
      miner_id: r.miner_id,
      command_type: r.command_type,
      params: r.params,
      target: { ip: t?.host ?? t?.ip ?? null, port: t?.port ?? 4028, mac: t?.mac ?? null },
      expires_at: new Date(r.expires_at).toISOString(),
      nonce: r.ack_nonce,
      signed_at: now.toISOString(),
    };
  });
}

export type AckOutcome =
  | { kind: 'ok' | 'replayed'; status: string }
  | { kind: 'not_found' }
  | { kind: 'nonce_mismatch' }
  | { kind: 'expired' }
  | { kind: 'not_leased'; status: string };

/** Records a collector's result. Idempotent: the same ack (same nonce) again answers `replayed` and changes nothing. */
export async function ackCommand(db: Db, device: Device, commandId: string, input: AckInput, now: Date): Promise<AckOutcome> {
  return db.transaction(async (tx) => {
    const [cmd] = await tx
      .select()
      .from(edgeCommands)
      .where(and(eq(edgeCommands.id, commandId), eq(edgeCommands.siteId, device.siteId)))
      .for('update')
      .limit(1);
    if (!cmd) return { kind: 'not_found' };
    if (cmd.ackNonce !== input.ack_nonce) return { kind: 'nonce_mismatch' };
    if (cmd.status === 'SUCCEEDED' || cmd.status === 'FAILED') return { kind: 'replayed', status: cmd.status };
    if (cmd.status === 'EXPIRED' || cmd.expiresAt <= now) {
      await tx.update(edgeCommands).set({ status: 'EXPIRED', finishedAt: cmd.finishedAt ?? now }).where(eq(edgeCommands.id, cmd.id));
      return { kind: 'expired' };
    }
    if (cmd.status !== 'LEASED') return { kind: 'not_leased', status: cmd.status };
    const status = input.status === 'SUCCESS' ? 'SUCCEEDED' : 'FAILED';
    await tx
      .update(edgeCommands)
      .set({ status, result: { status: input.status, result: input.result ?? null }, executionTimeMs: input.execution_time_ms ?? null, finishedAt: now, leaseUntil: null })
      .where(eq(edgeCommands.id, cmd.id));
    await recordAudit(tx, { orgId: device.orgId, actorUserId: null, action: 'edge.command.ack', entityType: 'edge_command', entityId: cmd.id, siteIds: [cmd.siteId], after: { status: input.status, deviceId: device.id } });
    return { kind: 'ok', status };
  });
}

/** Commands in scope, newest first; one miner's when `minerId` is given (its progress view). */
export async function listCommands(db: Db, scope: Scope, filter: { minerId?: string }, req: PageRequest) {
  const query = db
    .select({
      id: edgeCommands.id,
      minerId: edgeCommands.minerId,
      minerName: miners.name,
      commandType: edgeCommands.commandType,
      params: edgeCommands.params,
      status: edgeCommands.status,
      attempts: edgeCommands.attempts,
      createdAt: edgeCommands.createdAt,
      expiresAt: edgeCommands.expiresAt,
      finishedAt: edgeCommands.finishedAt,
      result: edgeCommands.result,
      executionTimeMs: edgeCommands.executionTimeMs,
      total: windowTotal(),
    })
    .from(edgeCommands)
    .innerJoin(miners, eq(miners.id, edgeCommands.minerId))
    .where(and(minerScope(scope), filter.minerId ? eq(edgeCommands.minerId, filter.minerId) : undefined))
    .orderBy(desc(edgeCommands.createdAt), desc(edgeCommands.id));
  const page = await pageOf(req, query);
  // The collector needs a pool change's password in clear; the people reading the list do not.
  return { ...page, rows: page.rows.map((r) => ({ ...r, params: redactSecrets(r.params) })) };
}

/** Miners a command can reach (they report through a collector), for the queue form; capped at 500. */
/** Miners that report through a collector, with the firmware it last identified (what the command form checks support against). */
export async function commandTargetOptions(db: Db, scope: Scope) {
  return db
    .select({ id: miners.id, name: miners.name, vendor: minerTelemetryLive.vendor, firmware: minerTelemetryLive.firmware })
    .from(miners)
    .innerJoin(minerTelemetryLive, eq(minerTelemetryLive.minerId, miners.id))
    .where(minerScope(scope))
    .orderBy(miners.name)
    .limit(500);
}
