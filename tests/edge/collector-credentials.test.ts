import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { sealingKeyForMiner, storeSealedCredential } from '@/db/queries/edge/credentials';
import { issueDeviceToken } from '@/lib/edge/devices';
import { edgeDevices, edgeMinerCredentials } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { createCollector } from '@/lib/edge/collector/collector';
import { collectorConfigSchema } from '@/lib/edge/collector/config';
import { sealMinerCredential } from '@/lib/edge/crypto';
import { fromBase64 } from '@/lib/edge/crypto/encoding';
import { sealedCredentialSchema } from '@/lib/validation/edge-credentials';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';
import { startCloud } from './cloud-server';

let db: Db;
let drop: () => Promise<void>;
let cloud: Awaited<ReturnType<typeof startCloud>>;
let scope: Scope;
let siteId: string;
let otherSiteId: string;
let minerId: string;
let token: string;
let dir: string;
const logs: { level: string; msg: string }[] = [];
const log = (level: 'info' | 'warn' | 'error', msg: string) => void logs.push({ level, msg });
const deps = { read: async () => { throw new Error('not polled here'); }, execute: async () => ({ ok: true }) as never, log };
const secretOf = (pw: string) => `root:${pw}`;

const collectorFor = (tok: string) =>
  createCollector(collectorConfigSchema.parse({ cloudUrl: cloud.url, token: tok, bufferDir: path.join(dir, 'buf'), keysDir: path.join(dir, 'keys'), miners: [{ host: '127.0.0.1', port: 1 }] }), deps);

/** The browser's part: the site collector's public key from the cloud, sealing done locally, only the blob stored. */
async function browserStores(password: string) {
  const key = (await sealingKeyForMiner(db, scope, minerId))!;
  const sealed = sealMinerCredential({ secret: secretOf(password), collectorPublicKey: fromBase64(key.publicKey), keyVersion: key.keyVersion, aad: { tenantId: scope.orgId, siteId, minerId, counter: key.nextCounter, schemaVersion: 1 } });
  await storeSealedCredential(db, scope, null, minerId, sealedCredentialSchema.parse(sealed), new Date());
  return sealed;
}
const text = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  siteId = (await makeSite(db, org.id, 'A')).id;
  otherSiteId = (await makeSite(db, org.id, 'B')).id;
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  minerId = (await makeMiner(db, { orgId: org.id, siteId })).id;
  token = (await issueDeviceToken(db, scope, null, { siteId, name: 'collector A' })).token;
  cloud = await startCloud(db);
  dir = mkdtempSync(path.join(tmpdir(), 'hi-vault-'));
});
afterAll(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
  await drop();
});

describe('collector credential vault against the real edge handlers', () => {
  let first: ReturnType<typeof collectorFor>;
  let sealedV1: ReturnType<typeof sealMinerCredential>;

  it('publishes its public key on the first cycle and keeps the secret half in a 0600 file', async () => {
    first = collectorFor(token);
    expect(await first.credentialCycle()).toEqual({ opened: 0, unchanged: 0, refused: [] });
    const [device] = await db.select({ pk: edgeDevices.boxPublicKey, v: edgeDevices.boxKeyVersion }).from(edgeDevices).where(eq(edgeDevices.siteId, siteId));
    expect(device).toMatchObject({ v: 1 });
    expect(fromBase64(device!.pk!)).toHaveLength(32);
    const file = path.join(dir, 'keys', 'collector-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).binding).toEqual({ tenantId: scope.orgId, siteId });
  });

  it('opens what the browser sealed; the cloud holds only ciphertext', async () => {
    sealedV1 = await browserStores('first-Pa55');
    expect(await first.credentialCycle()).toMatchObject({ opened: 1, refused: [] });
    expect(text(first.credentialFor(minerId))).toBe(secretOf('first-Pa55'));
    const [row] = await db.select().from(edgeMinerCredentials);
    expect(row!.ciphertext).not.toContain('first-Pa55');
    expect(readFileSync(path.join(dir, 'keys', 'collector-keys.json'), 'utf8')).not.toContain('first-Pa55');
  });

  it('refuses a rollback: the cloud serving an older credential again does not replace the newer one', async () => {
    await browserStores('second-Pa55');
    await first.credentialCycle();
    expect(text(first.credentialFor(minerId))).toBe(secretOf('second-Pa55'));
    // A compromised cloud swaps the stored blob back to counter 1.
    await db.update(edgeMinerCredentials).set({ ciphertext: JSON.stringify(sealedV1), counter: 1 }).where(eq(edgeMinerCredentials.minerId, minerId));
    expect(await first.credentialCycle()).toMatchObject({ opened: 0, refused: [{ minerId, code: 'ROLLBACK' }] });
    expect(text(first.credentialFor(minerId))).toBe(secretOf('second-Pa55'));
  });

  it('still refuses that rollback after a restart (counters are on disk)', async () => {
    const restarted = collectorFor(token);
    expect(await restarted.credentialCycle()).toMatchObject({ opened: 0, refused: [{ minerId, code: 'ROLLBACK' }] });
    expect(restarted.credentialFor(minerId)).toBeNull();
  });

  it('rotates its key: the new one is published and credentials sealed to it open', async () => {
    await db.delete(edgeMinerCredentials);
    first.rotateCredentialKey();
    await first.credentialCycle();
    const key = (await sealingKeyForMiner(db, scope, minerId))!;
    expect(key.keyVersion).toBe(2);
    // Counter 3: above every counter this collector has accepted.
    const sealed = sealMinerCredential({ secret: secretOf('third-Pa55'), collectorPublicKey: fromBase64(key.publicKey), keyVersion: 2, aad: { tenantId: scope.orgId, siteId, minerId, counter: 3, schemaVersion: 1 } });
    await storeSealedCredential(db, scope, null, minerId, sealedCredentialSchema.parse(sealed), new Date());
    expect(await first.credentialCycle()).toMatchObject({ opened: 1 });
    expect(text(first.credentialFor(minerId))).toBe(secretOf('third-Pa55'));
  });

  it('will not be re-homed: with a token of another site the pinned collector opens nothing', async () => {
    const other = (await issueDeviceToken(db, scope, null, { siteId: otherSiteId, name: 'collector B' })).token;
    expect(await collectorFor(other).credentialCycle()).toBeNull();
    expect(logs.some((l) => l.level === 'error' && l.msg.includes('another tenant or site'))).toBe(true);
  });
});
