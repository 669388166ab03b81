import { describe, expect, it } from 'vitest';
import { parseListPage } from '@/lib/list/parse-list-page';
import { minerListPageSchema, minerListQuerySchema } from './hosting';

describe('minerListQuerySchema', () => {
  it('applies defaults and parses the IP range', () => {
    const q = minerListQuerySchema.parse({ ip: '10.20.0.0/16', include_metrics: 'true', sort: 'ip', dir: 'desc', modelId: '3' });
    expect(q).toMatchObject({ page: 1, pageSize: 50, sort: 'ip', dir: 'desc', modelId: 3, include_metrics: true, ip: { kind: 'cidr', cidr: '10.20.0.0/16' } });
  });

  it('rejects bad values with the field in the path', () => {
    const r = minerListQuerySchema.safeParse({ ip: '10.0.0.0/99', sort: 'wattage', siteId: 'x' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['ip', 'siteId', 'sort']);
  });
});

describe('the miners page URL', () => {
  it('drops only the invalid parameters and names them', () => {
    const { params: query, invalid } = parseListPage(minerListPageSchema, { ip: 'nonsense', status: 'offline', pageSize: '7', q: ['s21', 'x'] });
    expect(invalid.sort()).toEqual(['ip', 'pageSize']);
    expect(query).toMatchObject({ status: 'offline', q: 's21', pageSize: 50 });
    expect(query.ip).toBeUndefined();
  });
});
