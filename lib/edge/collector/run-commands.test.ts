import { describe, expect, it } from 'vitest';
import { ACK_RESULT_MAX_CHARS, ackSchema } from '../../validation/edge-commands';
import { signCommand } from '../command-signature';
import type { CloudClient } from './cloud';
import { runCommands } from './run-commands';

const signedSleep = (key: string, over: { command_type?: string; params?: Record<string, unknown> } = {}) =>
  signCommand(
    {
      command_id: '00000000-0000-4000-8000-000000000001',
      site_id: '00000000-0000-4000-8000-000000000002',
      miner_id: '00000000-0000-4000-8000-000000000003',
      command_type: 'SLEEP',
      params: {},
      target: { ip: '127.0.0.1', port: 4028, mac: null },
      expires_at: new Date(Date.now() + 60_000).toISOString(),
      nonce: 'n1',
      signed_at: new Date().toISOString(),
      ...over,
    },
    key,
  );

describe('runCommands', () => {
  it("drops NUL characters from a miner's message, which the server's jsonb column cannot store", async () => {
    const key = 'k'.repeat(64);
    const acks: unknown[] = [];
    const cloud = { pollCommands: async () => [signedSleep(key)], ack: async (_id: string, body: unknown) => (acks.push(body), 200) } as unknown as CloudClient;
    await runCommands({ cloud, signingKey: key, miners: [{ host: '127.0.0.1', port: 4028 }], execute: async () => ({ ok: true, message: 'sleep\u0000 ok\u0000', executionMs: 1 }), log: () => {}, now: () => new Date() });
    expect((acks[0] as { result: string }).result).toBe('sleep ok');
  });

  it("cuts a miner's long message to what the server accepts instead of losing the ack", async () => {
    const key = 'k'.repeat(64);
    const cmd = signedSleep(key);
    const acks: unknown[] = [];
    const cloud = { pollCommands: async () => [cmd], ack: async (_id: string, body: unknown) => (acks.push(body), 200) } as unknown as CloudClient;
    // Quotes and control characters grow when written as JSON.
    const message = '"\u0001'.repeat(ACK_RESULT_MAX_CHARS);
    await runCommands({ cloud, signingKey: key, miners: [{ host: '127.0.0.1', port: 4028 }], execute: async () => ({ ok: true, message, executionMs: 1 }), log: () => {}, now: () => new Date() });
    const sent = acks[0] as { result: string };
    expect(ackSchema.safeParse(sent).success).toBe(true);
    expect(message.startsWith(sent.result)).toBe(true);
    expect(JSON.stringify(sent.result).length).toBeGreaterThan(ACK_RESULT_MAX_CHARS - 6);
  });

  it('opens a sealed pool password just before the write, and never logs or acks it; without the key the command is not run', async () => {
    const key = 'k'.repeat(64);
    const pool = { url: 'stratum+tcp://pool.example:3333', user: 'farm.w1', password_sealed: [{ alg: 'sealed' }] };
    const seen: unknown[] = [];
    const logged: string[] = [];
    const acks: unknown[] = [];
    const cloud = { pollCommands: async () => [signedSleep(key, { command_type: 'POOL_SET', params: pool })], ack: async (_id: string, body: unknown) => (acks.push(body), 200) } as unknown as CloudClient;
    const base = { cloud, signingKey: key, miners: [{ host: '127.0.0.1', port: 4028 }], log: (...a: unknown[]) => void logged.push(JSON.stringify(a)), now: () => new Date() };
    const execute = async (_h: string, _p: number, cmd: unknown) => (seen.push(cmd), { ok: true, message: 'pool set', executionMs: 1 });
    await runCommands({ ...base, execute, openSecret: (sealed) => (JSON.stringify(sealed) === '[{"alg":"sealed"}]' ? 'opened-pw' : '') });
    expect(seen).toEqual([{ type: 'pool_change', params: { url: pool.url, user: pool.user, password: 'opened-pw' } }]);
    expect(logged.join() + JSON.stringify(acks)).not.toContain('opened-pw');
    await runCommands({ ...base, execute, openSecret: () => { throw new Error('no key'); } });
    expect(seen).toHaveLength(1);
    expect(acks[1]).toMatchObject({ status: 'ERROR', result: expect.stringContaining('does not open') });
  });
});
