import { describe, expect, it } from 'vitest';
import { pageParamsSchema } from './list-params';

describe('pageParamsSchema', () => {
  it('falls back to defaults for nonsense instead of failing', () => {
    expect(pageParamsSchema.parse({ page: '-3', pageSize: '7' })).toEqual({ page: 1, pageSize: 50, q: undefined });
  });
  it('keeps valid values', () => {
    expect(pageParamsSchema.parse({ page: '3', pageSize: '100', q: ' s19 ' })).toEqual({ page: 3, pageSize: 100, q: 's19' });
  });
});
