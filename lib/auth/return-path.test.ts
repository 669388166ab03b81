import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/en/hosting/tickets/7f3c', '/en/hosting/tickets/7f3c'],
    ['/zh/hosting/miners/42?tab=telemetry#chart', '/zh/hosting/miners/42?tab=telemetry#chart'],
    ['/en', '/en'],
    ['/en/dashboard/../hosting', '/en/hosting'],
  ])('keeps %s', (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it.each([
    '//evil.example/en/x',
    '/\\evil.example',
    '/\\/evil.example/en',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/en/dashboard',
    'http:/evil.example/en',
    'javascript:alert(1)',
    'evil.example/en',
    '/en/../../evil.example',
    '/fr/dashboard',
    '/api/hosting/miners',
    '/en/login',
    '/zh/login?next=/en/dashboard',
    '',
    `/en/${'x'.repeat(2001)}`,
  ])('refuses %j', (raw) => {
    expect(safeReturnPath(raw)).toBeNull();
  });

  it('refuses anything but a string', () => {
    for (const raw of [undefined, null, 42, ['/en/dashboard'], { href: '/en' }]) expect(safeReturnPath(raw)).toBeNull();
  });
});
