import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { notificationDeliveries } from '@/db/schema';
import { deliver, openSecret, sealSecret, signBody, verifySignature } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { guardedPost } from '@/lib/integrations/notify/guarded-post';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeOrg, makeUser } from '../helpers/fixtures';

const SECRET = 'whsec_test_0123456789abcdef';
let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let userId: string;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
// The receiver is on loopback, which production deliveries refuse (SSRF guard): allowed here on purpose.
const fast = { webhook: { backoffMs: 5, timeoutMs: 300, maxAttempts: 4, allowPrivateNetworks: true }, email: { backoffMs: 5 } };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  userId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  smtp = await startFakeSmtp({ rejectRecipient: 'nobody@example.test' });
  hook = await startFakeWebhook(SECRET, { '/flaky': { failFirst: 2 }, '/down': { status: 503 }, '/gone': { status: 410 }, '/slow': { hangMs: 1_000 } });
});
afterAll(async () => {
  await Promise.all([smtp.close(), hook.close()]);
  await drop();
});

const base = { kind: 'test.event', subject: 'Hashprice below $40', text: 'Hashprice is $38.20/PH/day.', payload: { value: 38.2 } };
const row = async (id: number) => (await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id)))[0]!;

describe('signature', () => {
  it('is the hex HMAC-SHA256 of the raw body and verifies only with the right secret and body', () => {
    // RFC 4231 test case 2 key/data give this well-known digest.
    expect(signBody('what do ya want for nothing?', 'Jefe')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const sig = signBody('{"a":1}', SECRET);
    expect(verifySignature('{"a":1}', SECRET, sig)).toBe(true);
    expect(verifySignature('{"a":2}', SECRET, sig)).toBe(false);
    expect(verifySignature('{"a":1}', 'other', sig)).toBe(false);
    expect(verifySignature('{"a":1}', SECRET, undefined)).toBe(false);
  });
  it('seals secrets so only the same app secret opens them', () => {
    const sealed = sealSecret(SECRET, 'app-secret-a'.repeat(3));
    expect(sealed).not.toContain(SECRET);
    expect(openSecret(sealed, 'app-secret-a'.repeat(3))).toBe(SECRET);
    expect(() => openSecret(sealed, 'app-secret-b'.repeat(3))).toThrow();
  });
});

describe('deliver (email)', () => {
  it('sends through a real SMTP server and logs it as sent', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'email', target: 'ops@example.test', dedupeKey: 'mail-1' }, { ...fast, smtp: smtp.smtp });
    expect(r.status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['ops@example.test']);
    expect(smtp.received[0]!.raw).toContain('Subject: Hashprice below $40');
    expect(smtp.received[0]!.raw).toContain('Hashprice is $38.20/PH/day.');
    expect(await row(r.deliveryId)).toMatchObject({ status: 'sent', attempts: 1, channel: 'email', target: 'ops@example.test', userId, lastError: null });
  });
  it('sends a dedupe key once', async () => {
    const again = await deliver(db, { ...base, orgId, userId, channel: 'email', target: 'ops@example.test', dedupeKey: 'mail-1' }, { ...fast, smtp: smtp.smtp });
    expect(again.status).toBe('duplicate');
    expect(smtp.received).toHaveLength(1);
  });
  it('logs a refused recipient as failed with the server reply, without retrying', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'email', target: 'nobody@example.test' }, { ...fast, smtp: smtp.smtp });
    expect(r.status).toBe('failed');
    const logged = await row(r.deliveryId);
    expect(logged).toMatchObject({ status: 'failed', attempts: 1, responseStatus: 550 });
    expect(logged.lastError).toMatch(/no such user/);
  });
  it('logs a failure when SMTP is not reachable', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'email', target: 'ops@example.test' }, { ...fast, email: { backoffMs: 1, maxAttempts: 2 }, smtp: { host: '127.0.0.1', port: 1, from: 'x@y.test' } });
    expect(r.status).toBe('failed');
    expect(await row(r.deliveryId)).toMatchObject({ status: 'failed', attempts: 2 });
  });
});

describe('deliver (webhook)', () => {
  it('posts a signed JSON body the receiver verifies', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', target: hook.url('/ok'), secret: SECRET, dedupeKey: 'hook-ok' }, fast);
    expect(r.status).toBe('sent');
    const got = hook.received.filter((h) => h.path === '/ok');
    expect(got).toHaveLength(1);
    expect(got[0]!.signatureValid).toBe(true);
    const body = JSON.parse(got[0]!.body);
    expect(body).toMatchObject({ id: String(r.deliveryId), kind: 'test.event', data: { value: 38.2 } });
    expect(got[0]!.timestamp).toBe(String(body.timestamp));
    expect(got[0]!.deliveryId).toBe(String(r.deliveryId));
  });
  it('retries 5xx with backoff until the receiver accepts', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', target: hook.url('/flaky'), secret: SECRET }, fast);
    expect(r).toMatchObject({ status: 'sent', attempts: 3 });
    expect(hook.hits.get('/flaky')).toBe(3);
    expect(await row(r.deliveryId)).toMatchObject({ status: 'sent', attempts: 3, responseStatus: 204 });
  });
  it('gives up on a permanently failing endpoint and logs it as failed', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', target: hook.url('/down'), secret: SECRET }, fast);
    expect(r.status).toBe('failed');
    expect(hook.hits.get('/down')).toBe(4);
    expect(await row(r.deliveryId)).toMatchObject({ status: 'failed', attempts: 4, responseStatus: 503, lastError: 'HTTP 503' });
  });
  it('does not retry a 4xx', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', target: hook.url('/gone'), secret: SECRET }, fast);
    expect(r.status).toBe('failed');
    expect(hook.hits.get('/gone')).toBe(1);
  });
  it('times out a hanging receiver and retries', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', target: hook.url('/slow'), secret: SECRET }, { webhook: { backoffMs: 1, timeoutMs: 100, maxAttempts: 2, allowPrivateNetworks: true } });
    expect(r.status).toBe('failed');
    expect(hook.hits.get('/slow')).toBe(2);
    expect((await row(r.deliveryId)).lastError).toMatch(/timeout after 100 ms/);
  });
  it('refuses a loopback receiver without the opt-in, once, and logs why (SSRF guard)', async () => {
    const before = hook.received.length;
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', target: hook.url('/ok'), secret: SECRET }, { webhook: { backoffMs: 1, maxAttempts: 4, allowPrivateNetworks: false } });
    expect(r).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(r.deliveryId)).lastError).toMatch(/^blocked: 127\.0\.0\.1 is not a public address/);
    expect(hook.received.length).toBe(before);
  });
  it('refuses a public-looking name that resolves to a private address at connection time', async () => {
    const rebinding: typeof import('node:dns').lookup = ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) => cb(null, [{ address: '127.0.0.1', family: 4 }])) as never;
    const port = new URL(hook.url('/ok')).port;
    const before = hook.received.length;
    await expect(guardedPost(`http://hooks.example.test:${port}/rebinding`, {}, '{}', { timeoutMs: 500, allowPrivateNetworks: false, resolve: rebinding })).rejects.toThrow(/resolves to a non-public address \(127\.0\.0\.1\)/);
    expect(hook.received.length).toBe(before);
    // The same resolver with the opt-in reaches the receiver, so the refusal above came from the guard.
    await expect(guardedPost(`http://hooks.example.test:${port}/rebinding`, {}, '{}', { timeoutMs: 500, allowPrivateNetworks: true, resolve: rebinding })).resolves.toBeDefined();
    expect(hook.hits.get('/rebinding')).toBe(1);
  });
  it('refuses IPv6 literals and answers that carry a loopback IPv4 address (IPv4-compatible, mapped, 6to4)', async () => {
    const port = new URL(hook.url('/ok')).port;
    for (const literal of ['[::7f00:1]', '[::ffff:127.0.0.1]', '[2002:7f00:1::]']) {
      await expect(guardedPost(`http://${literal}:${port}/v6`, {}, '{}', { timeoutMs: 500, allowPrivateNetworks: false })).rejects.toThrow(/is not a public address/);
    }
    // A fresh name per answer: a kept-alive socket to an earlier name would skip the lookup.
    for (const [i, address] of ['::7f00:1', '2002:7f00:1::'].entries()) {
      const answer: typeof import('node:dns').lookup = ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) => cb(null, [{ address, family: 6 }])) as never;
      await expect(guardedPost(`http://v6-${i}.example.test:${port}/v6`, {}, '{}', { timeoutMs: 500, allowPrivateNetworks: false, resolve: answer })).rejects.toThrow(/resolves to a non-public address/);
    }
    expect(hook.hits.get('/v6')).toBeUndefined();
  });
  it('refuses to send unsigned', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', target: hook.url('/ok'), dedupeKey: 'unsigned' }, fast);
    expect(r.status).toBe('failed');
    expect(hook.received.filter((h) => h.path === '/ok')).toHaveLength(1);
  });
});
