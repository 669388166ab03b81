import { describe, expect, it } from 'vitest';
import { brandBaseUrl } from './brand-url';

describe('brandBaseUrl', () => {
  it.each([
    ['http://localhost:3000', 'acme', 'localhost', 'http://acme.localhost:3000'],
    ['https://app.hashinsight.test', 'acme', 'hashinsight.test, other.test', 'https://acme.hashinsight.test'],
    ['http://localhost:3000', null, 'localhost', 'http://localhost:3000'],
    ['http://acme.localhost:3000', 'acme', 'localhost', 'http://acme.localhost:3000'],
  ])('%s for %s under %s → %s', (base, sub, domains, expected) => expect(brandBaseUrl(base, sub, domains)).toBe(expected));
});
