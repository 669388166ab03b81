import { aliasedTable, and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeAllowsSite } from '@/lib/core/scope';
import { type AlertSeverity, DEFAULT_EDGE_SEVERITY } from '@/lib/domain/alerts/severity';
import { type AlertKind, type AlertRuleInput, LIVE_ALERT_KINDS, type MinerState } from '@/lib/domain/telemetry/alert-rules';
import { type Db, queryRows } from '../../client';
import { customers, edgeAlertRules, edgeAlerts, minerModels, miners, minerTelemetryLive, notificationChannels, sites, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { customerScope, minerScope } from '../scope';
import { pgArray } from '../pg-array';
import { measuredWith } from '../telemetry/operational-state';

export type AlertRuleRow = typeof edgeAlertRules.$inferSelect;

const acknowledger = aliasedTable(users, 'acknowledger');

export async function orgsWithRules(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: edgeAlertRules.orgId }).from(edgeAlertRules).where(eq(edgeAlertRules.enabled, 1));
  return rows.map((r) => r.orgId);
}

/** The org's enabled rules of `kinds` (by default those judged on live readings; ANOMALY rules are the anomaly job's). */
export async function loadRules(db: Db, orgId: string, kinds: readonly AlertKind[] = LIVE_ALERT_KINDS): Promise<AlertRuleRow[]> {
  return db
    .select()
    .from(edgeAlertRules)
    .where(and(eq(edgeAlertRules.orgId, orgId), eq(edgeAlertRules.enabled, 1), inArray(edgeAlertRules.kind, [...kinds])));
}

/** The org's rules among `ruleIds` that have a channel, with the channel (its secret still sealed) to notify and its owner's locale. */
export async function rulesWithChannels(db: Db, orgId: string, ruleIds: string[]) {
  if (!ruleIds.length) return [];
  return db
    .select({ id: edgeAlertRules.id, name: edgeAlertRules.name, kind: edgeAlertRules.kind, severity: edgeAlertRules.severity, channel: notificationChannels, locale: users.locale })
    .from(edgeAlertRules)
    .innerJoin(notificationChannels, eq(notificationChannels.id, edgeAlertRules.channelId))
    .innerJoin(users, eq(users.id, notificationChannels.userId))
    .where(and(eq(edgeAlertRules.orgId, orgId), inArray(edgeAlertRules.id, ruleIds)));
}

/** Names of the org's sites among `siteIds`, by id. */
export async function siteNames(db: Db, orgId: string, siteIds: string[]): Promise<Map<string, string>> {
  if (!siteIds.length) return new Map();
  const rows = await db.select({ id: sites.id, name: sites.name }).from(sites).where(and(eq(sites.orgId, orgId), inArray(sites.id, siteIds)));
  return new Map(rows.map((s) => [s.id, s.name]));
}

/** Names of the org's miners among `minerIds`, by id. */
export async function minerNames(db: Db, orgId: string, minerIds: string[]): Promise<Map<string, string>> {
  if (!minerIds.length) return new Map();
  const rows = await db.select({ id: miners.id, name: miners.name }).from(miners).where(and(eq(miners.orgId, orgId), inArray(miners.id, minerIds)));
  return new Map(rows.map((m) => [m.id, m.name]));
}

/**
 * Live state of every miner of the org that has reported at least once — and, for a miner without
 * any live reading, what its linked pool worker's newest hour (within POOL_FRESH_MS of `now`) says:
 * online, or offline since its last share (or since that hour when it never shared), so OFFLINE
 * rules fire for machines only the pool watches (issue 13: offline detection is automatic).
 */
export async function loadMinerStates(db: Db, orgId: string, now = new Date()): Promise<MinerState[]> {
  const rows = await db
    .select({
      minerId: minerTelemetryLive.minerId,
      siteId: miners.siteId,
      modelId: miners.modelId,
      customerId: miners.customerId,
      collectedAt: minerTelemetryLive.collectedAt,
      online: minerTelemetryLive.online,
      offlineSince: minerTelemetryLive.offlineSince,
      hashrateThs: sql<number | null>`coalesce(${minerTelemetryLive.hashrateAvgThs}, ${minerTelemetryLive.hashrate5sThs})`,
      nominalThs: sql<number | null>`coalesce(${minerTelemetryLive.hashrateNominalThs}, nullif(${minerModels.hashrateThs}, 0)::real)`,
      tempChipMaxC: minerTelemetryLive.tempChipMaxC,
      fanMinRpm: minerTelemetryLive.fanMinRpm,
      fanCount: minerTelemetryLive.fanCount,
      accepted: minerTelemetryLive.accepted,
      rejected: minerTelemetryLive.rejected,
    })
    .from(minerTelemetryLive)
    .innerJoin(miners, eq(miners.id, minerTelemetryLive.minerId))
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(and(eq(miners.orgId, orgId), inArray(miners.status, ['active', 'offline'])));
  const pooled = await queryRows<{ miner_id: string; site_id: string; model_id: number; customer_id: string | null; status: string; recorded_at: string | Date; last_share_at: string | Date | null }>(
    db,
    sql`with ${measuredWith(now, orgId)}
      select m.id as miner_id, m.site_id, m.model_id, m.customer_id, pw.status, pw.recorded_at, pw.last_share_at
      from miners m join measured_pool pw on pw.miner_id = m.id
      where m.org_id = ${orgId} and m.status in ('active', 'offline')
        and not exists (select 1 from miner_telemetry_live lv where lv.miner_id = m.id)`,
  );
  const fromPool: MinerState[] = pooled.map((p) => {
    const online = p.status === 'online';
    const recordedAt = new Date(p.recorded_at);
    const lastShare = p.last_share_at === null ? null : new Date(p.last_share_at);
    return {
      minerId: p.miner_id,
      siteId: p.site_id,
      modelId: Number(p.model_id),
      customerId: p.customer_id,
      collectedAt: online ? recordedAt : (lastShare ?? recordedAt),
      online,
      offlineSince: online ? null : (lastShare ?? recordedAt),
      hashrateThs: null,
      nominalThs: null,
      tempChipMaxC: null,
      fanMinRpm: null,
      fanCount: null,
      accepted: null,
      rejected: null,
    };
  });
  return [...rows.map((r) => ({ ...r, hashrateThs: r.hashrateThs === null ? null : Number(r.hashrateThs), nominalThs: r.nominalThs === null ? null : Number(r.nominalThs) })), ...fromPool];
}

type Changed = { alert_id: string; rule_id: string; miner_id: string; site_id: string; value: string | null };

export type Firing = { ruleId: string; minerId: string; siteId: string; value: string | null };
export type AlertChange = { alertId: string; ruleId: string; minerId: string; siteId: string; value: string | null };

/**
 * Opens an alert per firing (rule, miner) — or refreshes the one already open (the partial unique
 * index de-duplicates) — and resolves every unresolved alert of the org that no longer fires.
 * Returns what changed, for notifications.
 */
/**
 * Opens the alerts of `firing` not open yet and resolves the open ones that no longer fire. With
 * `ruleIds`, only those rules' alerts are resolved: the minute job and the anomaly job each judge
 * their own rules and must not close each other's alerts.
 */
export async function applyFirings(db: Db, orgId: string, firing: Firing[], now: Date, ruleIds?: string[]): Promise<{ opened: AlertChange[]; resolved: AlertChange[] }> {
  return db.transaction(async (tx) => {
    const json = JSON.stringify(firing.map((f) => ({ rule_id: f.ruleId, miner_id: f.minerId, site_id: f.siteId, value: f.value })));
    const opened = firing.length
      ? await queryRows<Changed>(
          tx,
          sql`insert into edge_alerts (org_id, site_id, rule_id, miner_id, value, opened_at, last_seen_at)
              select ${orgId}::uuid, f.site_id, f.rule_id, f.miner_id, f.value, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
              from json_to_recordset(${json}::json) as f(rule_id uuid, miner_id uuid, site_id uuid, value text)
              on conflict (rule_id, miner_id) where status <> 'RESOLVED'
              do update set last_seen_at = excluded.last_seen_at, value = excluded.value
              returning id as alert_id, rule_id, miner_id, site_id, value, (xmax = 0) as fresh`,
        ).then((rows) => rows.filter((r) => (r as unknown as { fresh: boolean }).fresh))
      : [];
    const resolved = await queryRows<Changed>(
      tx,
      sql`update edge_alerts a set status = 'RESOLVED', resolved_at = ${now.toISOString()}::timestamptz
          where a.org_id = ${orgId} and a.status <> 'RESOLVED'
            and ${ruleIds === undefined ? sql`true` : sql`a.rule_id = any(${pgArray(ruleIds)}::uuid[])`}
            and not exists (select 1 from json_to_recordset(${json}::json) as f(rule_id uuid, miner_id uuid)
                            where f.rule_id = a.rule_id and f.miner_id = a.miner_id)
          returning a.id as alert_id, a.rule_id, a.miner_id, a.site_id, a.value`,
    );
    const map = (r: Changed) => ({ alertId: r.alert_id, ruleId: r.rule_id, minerId: r.miner_id, siteId: r.site_id, value: r.value });
    return { opened: opened.map(map), resolved: resolved.map(map) };
  });
}

export type EdgeAlertFilter = { status?: 'active' | 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'; siteId?: string; severity?: AlertSeverity; minerId?: string };

/**
 * Alerts of the miners in scope, newest first; by default the unresolved ones (open and
 * acknowledged). Each row carries what its actions need: the miner and site to link to, the rule's
 * threshold and severity, who acknowledged it, and the firmware family the commands depend on.
 */
export async function listAlerts(db: Db, scope: Scope, filter: EdgeAlertFilter, req: PageRequest) {
  const status = filter.status ?? 'active';
  const query = db
    .select({
      id: edgeAlerts.id,
      status: edgeAlerts.status,
      value: edgeAlerts.value,
      openedAt: edgeAlerts.openedAt,
      lastSeenAt: edgeAlerts.lastSeenAt,
      acknowledgedAt: edgeAlerts.acknowledgedAt,
      acknowledgedBy: acknowledger.name,
      escalatedAt: edgeAlerts.escalatedAt,
      resolvedAt: edgeAlerts.resolvedAt,
      ruleName: edgeAlertRules.name,
      kind: edgeAlertRules.kind,
      threshold: edgeAlertRules.threshold,
      severity: edgeAlertRules.severity,
      minerId: miners.id,
      minerName: miners.name,
      customerId: miners.customerId,
      siteId: sites.id,
      siteName: sites.name,
      vendor: minerTelemetryLive.vendor,
      total: windowTotal(),
    })
    .from(edgeAlerts)
    .innerJoin(edgeAlertRules, eq(edgeAlertRules.id, edgeAlerts.ruleId))
    .innerJoin(miners, eq(miners.id, edgeAlerts.minerId))
    .innerJoin(sites, eq(sites.id, miners.siteId))
    .leftJoin(minerTelemetryLive, eq(minerTelemetryLive.minerId, miners.id))
    .leftJoin(acknowledger, eq(acknowledger.id, edgeAlerts.acknowledgedBy))
    .where(
      and(
        minerScope(scope),
        status === 'active' ? ne(edgeAlerts.status, 'RESOLVED') : eq(edgeAlerts.status, status),
        filter.siteId ? eq(edgeAlerts.siteId, filter.siteId) : undefined,
        filter.severity ? eq(edgeAlertRules.severity, filter.severity) : undefined,
        filter.minerId ? eq(edgeAlerts.minerId, filter.minerId) : undefined,
      ),
    )
    .orderBy(desc(edgeAlerts.openedAt), desc(edgeAlerts.id));
  return pageOf(req, query);
}

/** Acknowledge (someone is on it) or resolve by hand; a resolved alert that fires again opens anew. */
export async function setAlertStatus(db: Db, scope: Scope, actorUserId: string, alertId: string, status: 'ACKNOWLEDGED' | 'RESOLVED', now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: edgeAlerts.id, status: edgeAlerts.status, siteId: edgeAlerts.siteId })
      .from(edgeAlerts)
      .innerJoin(miners, eq(miners.id, edgeAlerts.minerId))
      .where(and(eq(edgeAlerts.id, alertId), minerScope(scope)))
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status === 'RESOLVED') throw new AppError('CONFLICT');
    await tx
      .update(edgeAlerts)
      .set(status === 'ACKNOWLEDGED' ? { status, acknowledgedAt: now, acknowledgedBy: actorUserId } : { status, resolvedAt: now })
      .where(eq(edgeAlerts.id, alertId));
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: `edge.alert.${status.toLowerCase()}`, entityType: 'edge_alert', entityId: alertId, siteIds: [row.siteId], before: { status: row.status }, after: { status } });
  });
}

export type NewRule = Omit<AlertRuleInput, 'id'> & { name: string; channelId?: string | null; severity?: AlertSeverity };

/**
 * Creates a rule. A site-bound user's rule never reaches past its sites: with no site chosen it
 * becomes one rule per assigned site (a rule without a site covers the whole organization, its
 * future sites included, so only an organization-wide role may create one).
 */
export async function createAlertRule(db: Db, scope: Scope, actorUserId: string | null, input: NewRule): Promise<AlertRuleRow[]> {
  const siteIds = input.siteId ? [input.siteId] : scope.sites === 'all' ? [null] : scope.sites;
  if (!siteIds.length || (input.siteId && !scopeAllowsSite(scope, input.siteId))) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const named = siteIds.filter((id): id is string => id !== null);
    if (named.length) {
      const found = await tx.select({ id: sites.id }).from(sites).where(and(inArray(sites.id, named), eq(sites.orgId, scope.orgId)));
      if (found.length !== named.length) throw new AppError('NOT_FOUND');
    }
    if (input.modelId != null) {
      const [model] = await tx.select({ id: minerModels.id }).from(minerModels).where(eq(minerModels.id, input.modelId));
      if (!model) throw new AppError('VALIDATION', 'Unknown model', { modelId: 'invalid' });
    }
    // Notifications go only to a channel of the rule's own organization.
    if (input.channelId) {
      const [channel] = await tx.select({ id: notificationChannels.id }).from(notificationChannels).where(and(eq(notificationChannels.id, input.channelId), eq(notificationChannels.orgId, scope.orgId)));
      if (!channel) throw new AppError('VALIDATION', 'Unknown channel', { channelId: 'invalid' });
    }
    // A customer the user may not see cannot be targeted (same 404 as any out-of-scope record).
    if (input.customerId) {
      const [customer] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.id, input.customerId), customerScope(scope)));
      if (!customer) throw new AppError('NOT_FOUND');
    }
    const rows = await tx
      .insert(edgeAlertRules)
      .values(siteIds.map((siteId) => ({ ...input, severity: input.severity ?? DEFAULT_EDGE_SEVERITY[input.kind], siteId, orgId: scope.orgId })))
      .returning();
    await recordAudit(
      tx,
      rows.map((r) => ({ orgId: scope.orgId, actorUserId, action: 'edge.alert_rule.create', entityType: 'edge_alert_rule', entityId: r.id, siteIds: [r.siteId], after: { ...input, siteId: r.siteId } })),
    );
    return rows;
  });
}

/** Rules the scope may see: those of its sites and the organization-wide ones, unless they target a customer it does not see. */
export async function listAlertRules(db: Db, scope: Scope) {
  const siteLimit = scope.sites === 'all' ? undefined : or(isNull(edgeAlertRules.siteId), scope.sites.length ? inArray(edgeAlertRules.siteId, scope.sites) : undefined);
  const customerLimit = or(isNull(edgeAlertRules.customerId), sql`exists (select 1 from ${customers} where ${customers.id} = ${edgeAlertRules.customerId} and ${customerScope(scope)})`);
  return db
    .select()
    .from(edgeAlertRules)
    .where(and(eq(edgeAlertRules.orgId, scope.orgId), siteLimit, customerLimit))
    .orderBy(edgeAlertRules.name, edgeAlertRules.id);
}
