import { describe, expect, it } from 'vitest';
import { brandSubdomainOf, parseBaseDomains, subdomainProblem } from './subdomain';

describe('subdomainProblem', () => {
  it.each([
    ['acme', null],
    ['a', null],
    ['acme-hosting-2', null],
    ['9lives', null],
    ['a'.repeat(63), null],
    ['a'.repeat(64), 'format'],
    ['', 'format'],
    ['-acme', 'format'],
    ['acme-', 'format'],
    ['ac_me', 'format'],
    ['ac.me', 'format'],
    ['Acme', 'format'],
    ['acmé', 'format'],
    ['www', 'reserved'],
    ['app', 'reserved'],
    ['api', 'reserved'],
    ['admin', 'reserved'],
    ['xn--80ak6aa92e', 'reserved'],
  ])('%s → %s', (value, problem) => {
    expect(subdomainProblem(value)).toBe(problem);
  });
});

describe('brandSubdomainOf', () => {
  const bases = ['localhost', 'hosting.example.com'];
  it.each([
    ['acme.localhost:3000', 'acme'],
    ['ACME.localhost', 'acme'],
    ['acme.localhost.', 'acme'],
    ['nova.hosting.example.com', 'nova'],
    ['nova.hosting.example.com:443', 'nova'],
    ['localhost:3000', null],
    ['hosting.example.com', null],
    ['a.b.localhost', null],
    ['www.localhost', null],
    ['api.hosting.example.com', null],
    ['acme.example.org', null],
    ['evilhosting.example.com', null],
    ['127.0.0.1:3000', null],
    ['[::1]:3000', null],
    ['bad_name.localhost', null],
    ['', null],
    [null, null],
  ])('%s → %s', (host, expected) => {
    expect(brandSubdomainOf(host, bases)).toBe(expected);
  });

  it('ignores a host under no configured base', () => {
    expect(brandSubdomainOf('acme.localhost', [])).toBeNull();
  });
});

describe('parseBaseDomains', () => {
  it('defaults to localhost and normalises a list', () => {
    expect(parseBaseDomains(undefined)).toEqual(['localhost']);
    expect(parseBaseDomains(' Hosting.Example.com , localhost ,, ')).toEqual(['hosting.example.com', 'localhost']);
  });
});
