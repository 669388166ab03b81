import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { listCommands, queueCommands } from '@/db/queries/edge/commands';
import { auditLog, edgeCommands } from '@/db/schema';
import { handleCommandAck, handleCommandPoll } from '@/lib/edge/api/handle-commands';
import { type SignedCommand, verifyCommand } from '@/lib/edge/command-signature';
import { commandSigningKey } from '@/lib/edge/device-token';
import { AppError } from '@/lib/core/errors';
import { ACK_RESULT_MAX_CHARS } from '@/lib/validation/edge-commands';
import type { Scope } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let scope: Scope;
let token: string;
let otherToken: string;
let minerIds: string[];
let otherSiteMiner: string;
const t0 = new Date('2026-11-22T05:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

const poll = (tok: string, when: Date, limit = 10) =>
  handleCommandPoll(db, new Request(`http://127.0.0.1/api/edge/v1/commands/poll?limit=${limit}`, { headers: { authorization: `Bearer ${tok}` } }), when);
const ack = (tok: string, id: string, body: unknown, when: Date) =>
  handleCommandAck(db, new Request(`http://127.0.0.1/api/edge/v1/commands/${id}/ack`, { method: 'POST', headers: { authorization: `Bearer ${tok}` }, body: JSON.stringify(body) }), id, when);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id);
  const other = await makeSite(db, org.id);
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  token = (await issueDeviceToken(db, scope, null, { siteId: site.id, name: 'c' })).token;
  otherToken = (await issueDeviceToken(db, scope, null, { siteId: other.id, name: 'c2' })).token;
  minerIds = [(await makeMiner(db, { orgId: org.id, siteId: site.id })).id, (await makeMiner(db, { orgId: org.id, siteId: site.id })).id];
  otherSiteMiner = (await makeMiner(db, { orgId: org.id, siteId: other.id })).id;
});
afterAll(async () => drop());

describe('edge commands', () => {
  it('refuses miners outside the operator scope', async () => {
    const siteBound: Scope = { ...scope, sites: [] };
    await expect(queueCommands(db, siteBound, null, { type: 'REBOOT', minerIds, ttlS: 600, params: {} }, t0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('queues a selection, leases it once (signed), acks idempotently by nonce, with an audit trail', async () => {
    await queueCommands(db, scope, null, { type: 'POWER_MODE', minerIds, ttlS: 600, params: { mode: 'low' } }, t0);
    const res = await poll(token, at(1));
    const body = (await res.json()) as { commands: SignedCommand[] };
    expect(body.commands).toHaveLength(2);
    for (const c of body.commands) expect(verifyCommand(c, commandSigningKey(token))).toBe(true);
    expect(body.commands[0]!.params).toEqual({ mode: 'low' });
    // Leased: a second poll inside the lease gets nothing; the other site's collector never sees them.
    expect((await (await poll(token, at(2))).json()).commands).toHaveLength(0);
    expect((await (await poll(otherToken, at(2))).json()).commands).toHaveLength(0);

    const c = body.commands[0]!;
    const okBody = { status: 'SUCCESS', result: { message: 'profile set' }, execution_time_ms: 120, ack_nonce: c.nonce };
    const first = await ack(token, c.command_id, okBody, at(3));
    expect(await first.json()).toMatchObject({ acknowledged: true, command_status: 'SUCCEEDED', replayed: false });
    const again = await ack(token, c.command_id, okBody, at(4));
    expect(await again.json()).toMatchObject({ acknowledged: true, command_status: 'SUCCEEDED', replayed: true });
    expect((await ack(token, c.command_id, { ...okBody, ack_nonce: 'forged' }, at(5))).status).toBe(409);
    expect((await ack(otherToken, c.command_id, okBody, at(5))).status).toBe(404);
    const trail = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'edge_command'), eq(auditLog.entityId, c.command_id)));
    expect(trail.map((a) => a.action).sort()).toEqual(['edge.command.ack', 'edge.command.lease', 'edge.command.queue']);
    const page = await listCommands(db, scope, { minerId: c.miner_id }, { page: 1, pageSize: 25 });
    expect(page.rows[0]!.status).toBe('SUCCEEDED');
  });

  it('re-leases after 60 s with a new nonce; the stale nonce is refused', async () => {
    const [cmd] = await db.select().from(edgeCommands).where(eq(edgeCommands.status, 'LEASED'));
    const oldNonce = cmd!.ackNonce!;
    const res = await (await poll(token, at(70))).json();
    expect(res.commands).toHaveLength(1);
    expect(res.commands[0].nonce).not.toBe(oldNonce);
    expect((await ack(token, cmd!.id, { status: 'FAILED', ack_nonce: oldNonce }, at(71))).status).toBe(409);
    expect((await ack(token, cmd!.id, { status: 'FAILED', result: 'unsupported', ack_nonce: res.commands[0].nonce }, at(71))).status).toBe(200);
  });

  it('expires commands past their deadline instead of leasing them', async () => {
    await queueCommands(db, scope, null, { type: 'WAKE', minerIds: [minerIds[0]!], ttlS: 60, params: {} }, at(100));
    expect((await (await poll(token, at(200))).json()).commands).toHaveLength(0);
    const [row] = await db.select().from(edgeCommands).where(eq(edgeCommands.commandType, 'WAKE'));
    expect(row!.status).toBe('EXPIRED');
  });

  it('two collectors polling at once never receive the same command', async () => {
    await queueCommands(db, scope, null, { type: 'SET_FREQUENCY', minerIds, ttlS: 600, params: { mhz: 500 } }, at(300));
    const [a, b] = await Promise.all([poll(token, at(301), 1), poll(token, at(301), 1)]);
    const ids = [...(await a.json()).commands, ...(await b.json()).commands].map((c: SignedCommand) => c.command_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(2);
  });

  it('limits reboots to 5 per 300 s per miner and refuses the whole selection with a clear error', async () => {
    for (let i = 0; i < 5; i++) await queueCommands(db, scope, null, { type: 'REBOOT', minerIds: [minerIds[0]!], ttlS: 600, params: {} }, at(400 + i));
    const before = (await db.select().from(edgeCommands)).length;
    const err = await queueCommands(db, scope, null, { type: 'REBOOT', minerIds, ttlS: 600, params: {} }, at(410)).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toMatch(/5 reboots per 300 s/);
    expect((await db.select().from(edgeCommands)).length).toBe(before);
    // The refused attempt did not count against the other miner; after the window the first may reboot again.
    await queueCommands(db, scope, null, { type: 'REBOOT', minerIds: [minerIds[1]!], ttlS: 600, params: {} }, at(411));
    await queueCommands(db, scope, null, { type: 'REBOOT', minerIds: [minerIds[0]!], ttlS: 600, params: {} }, at(400 + 301));
  });

  it('limits other commands to 20 per 60 s per miner', async () => {
    for (let i = 0; i < 20; i++) await queueCommands(db, scope, null, { type: 'SLEEP', minerIds: [otherSiteMiner], ttlS: 600, params: {} }, at(1000));
    await expect(queueCommands(db, scope, null, { type: 'WAKE', minerIds: [otherSiteMiner], ttlS: 600, params: {} }, at(1001))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('refuses an ack whose result is longer than the limit, and the command stays leased', async () => {
    const site = await makeSite(db, scope.orgId);
    const tok = (await issueDeviceToken(db, scope, null, { siteId: site.id, name: 'c3' })).token;
    await queueCommands(db, scope, null, { type: 'SLEEP', minerIds: [(await makeMiner(db, { orgId: scope.orgId, siteId: site.id })).id], ttlS: 600, params: {} }, at(2000));
    const [c] = (await (await poll(tok, at(2001))).json()).commands as SignedCommand[];
    const long = await ack(tok, c!.command_id, { status: 'SUCCESS', result: 'x'.repeat(ACK_RESULT_MAX_CHARS), ack_nonce: c!.nonce }, at(2002));
    expect(long.status).toBe(400);
    expect((await long.json()).error.message).toMatch(/^result: at most 2000 characters/);
    expect((await db.select().from(edgeCommands).where(eq(edgeCommands.id, c!.command_id)))[0]!.status).toBe('LEASED');
    const fits = await ack(tok, c!.command_id, { status: 'SUCCESS', result: 'x'.repeat(ACK_RESULT_MAX_CHARS - 2), ack_nonce: c!.nonce }, at(2003));
    expect(fits.status).toBe(200);
  });

  it('an ack the database cannot store (a NUL in its result) is a 400, not a 500', async () => {
    await queueCommands(db, scope, null, { type: 'POWER_MODE', minerIds: [minerIds[1]!], ttlS: 600, params: { mode: 'high' } }, at(2000));
    const [leased] = (await (await poll(token, at(2001))).json()).commands as SignedCommand[];
    const res = await ack(token, leased!.command_id, { status: 'FAILED', result: 'reply\u0000garbage', ack_nonce: leased!.nonce }, at(2002));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_VALUE');
    expect((await ack(token, leased!.command_id, { status: 'FAILED', result: 'reply', ack_nonce: leased!.nonce }, at(2003))).status).toBe(200);
  });
});
