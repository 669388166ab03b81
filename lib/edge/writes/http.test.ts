import { describe, expect, it } from 'vitest';
import { digestAuthorization, parseDigestChallenge } from './http';

describe('HTTP digest auth (Antminer / Elphapex web interfaces)', () => {
  it('answers the RFC 2617 §3.5 example exactly', () => {
    const challenge = parseDigestChallenge('Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(challenge).toMatchObject({ realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093' });
    const header = digestAuthorization(challenge!, 'GET', '/dir/index.html', 'Mufasa', 'Circle Of Life', '0a4f113b');
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('qop=auth');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it('is not fooled by a Basic challenge', () => {
    expect(parseDigestChallenge('Basic realm="x"')).toBeNull();
  });
});
