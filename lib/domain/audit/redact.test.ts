import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactSecrets } from './redact';

describe('isSecretKey', () => {
  it.each(['password', 'poolPassword', 'PASSWORD', 'api_key', 'apiKey', 'X-Api-Key', 'secret', 'webhookSecret', 'client_secret', 'secretEnc', 'token', 'accessToken', 'refresh-token', 'tokenHash', 'passwordHash', 'privateKey', 'Authorization', 'passphrase'])(
    '%s is secret',
    (key) => expect(isSecretKey(key)).toBe(true),
  );
  it.each(['user', 'url', 'tokenPrefix', 'prefix', 'secretChanged', 'keyVersion', 'name', 'passwordless_since', 'workerPattern', 'minerId'])('%s is not', (key) =>
    expect(isSecretKey(key)).toBe(false),
  );
});

describe('redactSecrets', () => {
  it('replaces secret values at any depth, inside arrays too, and leaves everything else alone', () => {
    const input = {
      type: 'POOL_SET',
      params: { url: 'stratum+tcp://pool.example:3333', user: 'farm.001', password: 'hunter2' },
      accounts: [{ apiKey: 'k-123', label: 'Main', nested: { webhook_secret: 's', ok: 1 } }],
      tokenPrefix: 'hie_abc',
      secretChanged: true,
      password: null,
    };
    expect(redactSecrets(input)).toEqual({
      type: 'POOL_SET',
      params: { url: 'stratum+tcp://pool.example:3333', user: 'farm.001', password: REDACTED },
      accounts: [{ apiKey: REDACTED, label: 'Main', nested: { webhook_secret: REDACTED, ok: 1 } }],
      tokenPrefix: 'hie_abc',
      secretChanged: true,
      password: null,
    });
    expect(input.params.password).toBe('hunter2');
  });

  it('redacts a secret whatever its type, and passes scalars through', () => {
    expect(redactSecrets({ token: 12345, secret: { a: 1 }, apiKey: ['x'] })).toEqual({ token: REDACTED, secret: REDACTED, apiKey: REDACTED });
    for (const v of [null, undefined, 3, 'text', true]) expect(redactSecrets(v)).toBe(v);
  });
});
