import { describe, expect, it } from 'vitest';
import { minerListParamsSchema } from './list-params';

describe('minerListParamsSchema', () => {
  it('falls back to defaults for nonsense instead of failing', () => {
    expect(minerListParamsSchema.parse({ page: '-3', pageSize: '7', status: 'exploded', siteId: 'x' })).toEqual({ page: 1, pageSize: 50, q: undefined, status: undefined, siteId: undefined });
  });
  it('keeps valid values', () => {
    const siteId = '3f1d4b3e-8a6e-4c1e-9a7b-2f8f0e0c9d11';
    expect(minerListParamsSchema.parse({ page: '3', pageSize: '100', status: 'offline', siteId, q: ' s19 ' })).toEqual({ page: 3, pageSize: 100, q: 's19', status: 'offline', siteId });
  });
});
