import { describe, expect, it } from 'vitest';
import { auditChanges } from './changes';

describe('auditChanges', () => {
  it.each([
    ['an update shows only what changed', { status: 'active', name: 'A' }, { status: 'offline', name: 'A' }, [{ field: 'status', before: 'active', after: 'offline' }]],
    ['a creation shows every field set', null, { name: 'A', enabled: true }, [{ field: 'name', before: undefined, after: 'A' }, { field: 'enabled', before: undefined, after: true }]],
    ['a deletion shows every field removed', { kind: 'webhook' }, null, [{ field: 'kind', before: 'webhook', after: undefined }]],
    ['nested fields by path', { params: { url: 'a', user: 'u' } }, { params: { url: 'b', user: 'u' } }, [{ field: 'params.url', before: 'a', after: 'b' }]],
    ['lists by index', null, { miners: [{ id: 'x' }, { id: 'y' }] }, [{ field: 'miners.0.id', before: undefined, after: 'x' }, { field: 'miners.1.id', before: undefined, after: 'y' }]],
    ['null differs from absent', { brandId: null }, { brandId: 'b1', extra: null }, [{ field: 'brandId', before: null, after: 'b1' }, { field: 'extra', before: undefined, after: null }]],
    ['an empty list is a value', { memberIds: ['m'] }, { memberIds: [] }, [{ field: 'memberIds.0', before: 'm', after: undefined }, { field: 'memberIds', before: undefined, after: '[]' }]],
    ['nothing recorded, nothing shown', null, null, []],
    ['a bare value has an empty field name', 1, 2, [{ field: '', before: 1, after: 2 }]],
  ])('%s', (_name, before, after, rows) => {
    expect(auditChanges(before, after)).toEqual(rows);
  });
});
