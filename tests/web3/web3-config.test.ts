import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, web3ExchangeKeys } from '@/db/schema';
import { web3Config } from '@/db/queries/web3/config';
import { openSecret } from '@/lib/integrations/notify';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { startFakeExchange } from '../helpers/fake-exchange';
import { makeOrg, makeUser } from '../helpers/fixtures';

const state = vi.hoisted(() => ({ db: undefined as unknown, actor: null as unknown, exchangeBaseUrl: undefined as string | undefined }));
vi.mock('@/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth/actor', () => ({ getActor: async () => state.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/env', async (orig) => {
  const real = (await orig()) as { env: () => Record<string, unknown> };
  return { ...real, env: () => ({ ...real.env(), authSecret: 'a-test-app-secret-of-at-least-32-characters', exchangeBaseUrl: state.exchangeBaseUrl }) };
});

const { checkWeb3ConfigAction } = await import('@/lib/actions/web3/check-web3-config');
const { saveWeb3ConfigAction } = await import('@/lib/actions/web3/save-web3-config');

const API_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const API_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const ZPUB = 'zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs';

let db: Db;
let drop: () => Promise<void>;
let exchange: Awaited<ReturnType<typeof startFakeExchange>>;
let orgId: string;
let ownerId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  state.db = db;
  exchange = await startFakeExchange({ apiKey: API_KEY, apiSecret: API_SECRET });
  state.exchangeBaseUrl = exchange.baseUrl;
  orgId = (await makeOrg(db)).id;
  ownerId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
});
afterAll(async () => {
  await exchange.close();
  await drop();
});

const FULL = {
  btcAddress: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  btcNetwork: 'mainnet',
  usdtAddress: '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
  xpub: ZPUB,
  exchange: 'binance',
  exchangeLabel: 'Main Binance',
  apiKey: API_KEY,
  apiSecret: API_SECRET,
};

describe('the Web3 wizard', () => {
  it('refuses bad checksums, a wrong network and a private key, field by field', async () => {
    state.actor = testActor(orgId, 'OWNER', ownerId);
    const res = await checkWeb3ConfigAction(null, formData({ btcAddress: 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', usdtAddress: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', xpub: 'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi', apiKey: API_KEY }));
    expect(res).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { btcAddress: 'wrongNetwork', usdtAddress: 'checksum', xpub: 'privateKey', exchange: 'required', apiSecret: 'required' } });
  });

  it('reviews without writing: checksummed USDT, derived receive addresses, the key masked, a passing connection test — and never the secret', async () => {
    state.actor = testActor(orgId, 'OWNER', ownerId);
    const res = await checkWeb3ConfigAction(null, formData({ ...FULL, testConnection: 'on' }));
    expect(res.ok).toBe(true);
    const data = (res as { data: { review: Record<string, unknown>; connection: unknown } }).data;
    expect(data.review).toMatchObject({
      btc: { address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', network: 'mainnet', kind: 'p2wpkh' },
      usdt: { address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', checksummed: false },
      wallet: { kind: 'zpub', network: 'mainnet' },
      exchange: { exchange: 'binance', label: 'Main Binance', keyHint: '••••Eh8A' },
    });
    expect((data.review.wallet as { addresses: { address: string }[] }).addresses.slice(0, 2).map((a) => a.address)).toEqual(['bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', 'bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g']);
    expect(data.connection).toEqual({ ok: true });
    expect(exchange.requests.at(-1)).toEqual({ path: '/api/v3/account', apiKey: API_KEY });
    const json = JSON.stringify(res);
    expect(json).not.toContain(API_SECRET);
    expect(json).not.toContain(API_KEY);
    expect((await web3Config(db, orgId)).addresses).toEqual([]);
  });

  it('says when the exchange refuses the key', async () => {
    state.actor = testActor(orgId, 'OWNER', ownerId);
    const res = await checkWeb3ConfigAction(null, formData({ exchange: 'binance', apiKey: API_KEY, apiSecret: 'not the secret', testConnection: 'on' }));
    expect(res).toMatchObject({ ok: true, data: { connection: { ok: false, reason: 'rejected' } } });
  });

  it('saves on confirmation: the key and secret sealed at rest, the page data and the audit entry without them', async () => {
    state.actor = testActor(orgId, 'OWNER', ownerId);
    const res = await saveWeb3ConfigAction(null, formData(FULL));
    expect(res.ok).toBe(true);
    expect(JSON.stringify(res)).not.toContain(API_SECRET);
    const [row] = await db.select().from(web3ExchangeKeys).where(eq(web3ExchangeKeys.orgId, orgId));
    expect(row!.apiSecretEnc).not.toContain(API_SECRET);
    expect(row!.apiKeyEnc).not.toContain(API_KEY);
    expect(openSecret(row!.apiSecretEnc, 'a-test-app-secret-of-at-least-32-characters')).toBe(API_SECRET);
    const page = await web3Config(db, orgId);
    expect(page.addresses.map((a) => [a.asset, a.address])).toEqual([
      ['BTC', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
      ['USDT', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
    ]);
    expect(page.wallets).toHaveLength(1);
    expect(page.exchangeKeys).toMatchObject([{ label: 'Main Binance', keyHint: '••••Eh8A' }]);
    const pageJson = JSON.stringify(page);
    expect(pageJson).not.toContain(API_SECRET);
    expect(pageJson).not.toContain(API_KEY);
    expect(pageJson).not.toContain(row!.apiSecretEnc);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'web3.config.save'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(API_SECRET);
    expect(JSON.stringify(audit)).not.toContain(API_KEY);
    // Saving the same again keeps one of each address and wallet.
    expect((await saveWeb3ConfigAction(null, formData(FULL))).ok).toBe(true);
    expect((await web3Config(db, orgId)).addresses).toHaveLength(2);
  });

  it('is for owners and administrators only', async () => {
    for (const role of ['MINING_SITE_OWNER', 'OPERATOR', 'CLIENT', 'GUEST'] as const) {
      state.actor = testActor(orgId, role, ownerId);
      expect(await saveWeb3ConfigAction(null, formData(FULL))).toEqual({ ok: false, code: 'FORBIDDEN' });
    }
  });
});
