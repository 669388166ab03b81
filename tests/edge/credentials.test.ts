import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { type sealedCredentialsForDevice, sealingKeyForMiner, storeSealedCredential } from '@/db/queries/edge/credentials';
import { handleFetchCredentials, handlePublishKey } from '@/lib/edge/api/handle-credentials';
import { auditLog, edgeMinerCredentials } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { exportPublicKey, generateCollectorKeyPair, openMinerCredential, sealMinerCredential } from '@/lib/edge/crypto';
import { fromBase64, toBase64 } from '@/lib/edge/crypto/encoding';
import { sealedCredentialSchema } from '@/lib/validation/edge-credentials';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let scope: Scope;
let siteId: string;
let minerId: string;
let token: string;
const PLAINTEXT = 'root:Sup3r-Secret-Miner-Pa55';
const collectorKeys = generateCollectorKeyPair(1);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  siteId = (await makeSite(db, org.id)).id;
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  minerId = (await makeMiner(db, { orgId: org.id, siteId })).id;
  const issued = await issueDeviceToken(db, scope, null, { siteId, name: 'c' });

  token = issued.token;
  const published = await handlePublishKey(db, new Request('http://127.0.0.1/api/edge/v1/keys', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(exportPublicKey(collectorKeys)) }));
  expect(published.status).toBe(200);
});
afterAll(async () => drop());

const browserSeal = async (counter: number, over: Partial<{ tenantId: string; siteId: string; minerId: string }> = {}) => {
  // What the browser does: fetch the collector's public key, seal locally, send only the result.
  const key = await sealingKeyForMiner(db, scope, minerId);
  return sealMinerCredential({
    secret: PLAINTEXT,
    collectorPublicKey: fromBase64(key!.publicKey),
    keyVersion: key!.keyVersion,
    aad: { tenantId: scope.orgId, siteId, minerId, counter, schemaVersion: 1, ...over },
  });
};

describe('encrypted miner credentials (cloud side)', () => {
  it('stores only the sealed blob; neither the stored row, the handler input nor the audit contains the plaintext', async () => {
    const sealed = await browserSeal(1);
    const input = sealedCredentialSchema.parse(sealed);
    const inputText = JSON.stringify(input);
    await storeSealedCredential(db, scope, null, minerId, input, new Date());
    const rows = await db.select().from(edgeMinerCredentials);
    const audit = await db.select().from(auditLog);
    const forms = [PLAINTEXT, toBase64(new TextEncoder().encode(PLAINTEXT)), Buffer.from(PLAINTEXT).toString('hex')];
    for (const text of [inputText, JSON.stringify(rows), JSON.stringify(audit)]) for (const f of forms) expect(text).not.toContain(f);
    expect(rows[0]).toMatchObject({ minerId, keyVersion: 1, counter: 1 });
  });

  it('the collector opens what it fetches for its site over the edge API', async () => {
    const res = await handleFetchCredentials(db, new Request('http://127.0.0.1/api/edge/v1/credentials', { headers: { authorization: `Bearer ${token}` } }));
    const [fetched] = ((await res.json()) as { credentials: Awaited<ReturnType<typeof sealedCredentialsForDevice>> }).credentials;
    const opened = openMinerCredential(fetched!.sealed as never, collectorKeys, { tenantId: scope.orgId, siteId, minerId, schemaVersion: 1 }, 0);
    expect(new TextDecoder().decode(opened.secret)).toBe(PLAINTEXT);
  });

  it('refuses a credential bound to another miner, and a counter that does not rise', async () => {
    const wrong = sealedCredentialSchema.parse(await browserSeal(5, { minerId: '00000000-0000-4000-8000-000000000000' }));
    await expect(storeSealedCredential(db, scope, null, minerId, wrong, new Date())).rejects.toMatchObject({ code: 'VALIDATION' });
    const replay = sealedCredentialSchema.parse(await browserSeal(1));
    await expect(storeSealedCredential(db, scope, null, minerId, replay, new Date())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await sealingKeyForMiner(db, scope, minerId))!.nextCounter).toBe(2);
    await storeSealedCredential(db, scope, null, minerId, sealedCredentialSchema.parse(await browserSeal(2)), new Date());
    expect((await db.select().from(edgeMinerCredentials))[0]!.counter).toBe(2);
  });

  it('refuses a counter or key version past the integer column before it reaches the database', async () => {
    const sealed = await browserSeal(4);
    expect(sealedCredentialSchema.safeParse({ ...sealed, aad: { ...sealed.aad, counter: 2 ** 31 } }).success).toBe(false);
    expect(sealedCredentialSchema.safeParse({ ...sealed, keyVersion: 1e12 }).success).toBe(false);
    expect(sealedCredentialSchema.safeParse({ ...sealed, aad: { ...sealed.aad, counter: 2 ** 31 - 1 } }).success).toBe(true);
  });

  it('a miner outside the scope is not found', async () => {
    const sealed = sealedCredentialSchema.parse(await browserSeal(3));
    await expect(storeSealedCredential(db, { ...scope, sites: [] }, null, minerId, sealed, new Date())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
