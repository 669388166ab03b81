import { describe, expect, it } from 'vitest';
import { ACK_RESULT_MAX_CHARS, ackSchema } from '../../validation/edge-commands';
import { signCommand } from '../command-signature';
import type { CloudClient } from './cloud';
import { runCommands } from './run-commands';

const signedSleep = (key: string) =>
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
});
