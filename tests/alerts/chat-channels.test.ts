import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { notificationDeliveries } from '@/db/schema';
import { deliver } from '@/lib/integrations/notify';
import { maskUrl } from '@/lib/integrations/notify/chat-bodies';
import { createTestDb } from '../helpers/db';
import { startFakeChat } from '../helpers/fake-chat';
import { makeOrg, makeUser } from '../helpers/fixtures';

const BOT_TOKEN = '123456:AAE-test-bot-token-do-not-log';
let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let userId: string;
let chat: Awaited<ReturnType<typeof startFakeChat>>;
// Loopback receivers, which production deliveries refuse (SSRF guard): allowed here on purpose.
const opts = () => ({ webhook: { backoffMs: 1, timeoutMs: 500, maxAttempts: 2, allowPrivateNetworks: true }, telegramApiBase: chat.base });
const base = { kind: 'edge.alert.storm.opened', subject: '[HashInsight] Offline: 200 miners at Hall A alert', text: '[HashInsight] Offline: 200 miners at Hall A alert\n\nA-001 (12 min)\n… and 199 more', payload: { count: 200 } };
const row = async (id: number) => (await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id)))[0]!;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  userId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  chat = await startFakeChat((path) => (path.includes('blocked') ? 403 : 200));
});
afterAll(async () => {
  await chat.close();
  await drop();
});

describe('Slack-compatible webhook', () => {
  it('posts {text, blocks} to the sealed URL, unsigned, and records only the masked URL', async () => {
    const url = `${chat.base}/services/T0001/B0001/s3cr3tSlackPathToken`;
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', format: 'slack', target: maskUrl(url), secret: url, dedupeKey: 'slack-1' }, opts());
    expect(r.status).toBe('sent');
    const hit = chat.received.at(-1)!;
    expect(hit.path).toBe('/services/T0001/B0001/s3cr3tSlackPathToken');
    expect(hit.headers['x-hashinsight-signature']).toBeUndefined();
    expect(JSON.parse(hit.body)).toEqual({
      text: `${base.subject}\n${base.text}`,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: base.subject, emoji: false } },
        { type: 'section', text: { type: 'mrkdwn', text: base.text } },
      ],
    });
    const stored = await row(r.deliveryId);
    expect(stored.target).toBe(`${chat.base}/services/…oken`);
    expect(JSON.stringify(stored)).not.toContain('s3cr3tSlackPathToken');
  });
});

describe('Telegram-compatible webhook', () => {
  it('posts a sendMessage body (chat_id, text, parse_mode) to /bot<token>/sendMessage', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', format: 'telegram', target: '-1001234567890', secret: BOT_TOKEN, dedupeKey: 'tg-1' }, opts());
    expect(r.status).toBe('sent');
    const hit = chat.received.at(-1)!;
    expect(hit.path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hit.body)).toEqual({
      chat_id: '-1001234567890',
      text: '<b>[HashInsight] Offline: 200 miners at Hall A alert</b>\n[HashInsight] Offline: 200 miners at Hall A alert\n\nA-001 (12 min)\n… and 199 more',
      parse_mode: 'HTML',
      disable_web_page_preview: true,
    });
    expect((await row(r.deliveryId)).target).toBe('-1001234567890');
  });

  it('a refusal (403) is final, and its recorded error never holds the token', async () => {
    const token = `${BOT_TOKEN}-blocked`;
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', format: 'telegram', target: '42', secret: token }, opts());
    expect(r).toMatchObject({ status: 'failed', attempts: 1 });
    const stored = await row(r.deliveryId);
    expect(stored.responseStatus).toBe(403);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('a network failure names no token either', async () => {
    const r = await deliver(db, { ...base, orgId, userId, channel: 'webhook', format: 'telegram', target: '42', secret: BOT_TOKEN }, { ...opts(), telegramApiBase: 'http://127.0.0.1:9' });
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/network error/);
    expect(JSON.stringify(await row(r.deliveryId))).not.toContain(BOT_TOKEN);
  });
});
