import { z } from '@/lib/validation/zod';
import { describe, expect, it } from 'vitest';
import { flagField, pageFields, searchField, searchListSchema, sortFields } from './list-fields';
import { parseListPage } from './parse-list-page';

const schema = z.object({
  ...pageFields(25),
  ...sortFields(['name', 'hs1h'], 'name'),
  state: z.enum(['open', 'resolved', 'all']).default('open'),
  account: z.uuid().optional(),
  q: searchField(),
  mine: flagField(),
});
const account = '3f1d4b3e-8a6e-4c1e-9a7b-2f8f0e0c9d11';

describe('parseListPage', () => {
  it('gives every default for an empty URL', () => {
    expect(parseListPage(schema, {})).toEqual({
      params: { page: 1, pageSize: 25, sort: 'name', dir: 'asc', state: 'open', account: undefined, q: undefined, mine: false },
      invalid: [],
      query: {},
    });
  });

  it('keeps valid values, typed, and carries them on as written except the page', () => {
    const list = parseListPage(schema, { page: '3', pageSize: '100', sort: 'hs1h', dir: 'desc', state: 'all', account, q: '  rig-7 ', mine: '1', other: 'x' });
    expect(list.params).toEqual({ page: 3, pageSize: 100, sort: 'hs1h', dir: 'desc', state: 'all', account, q: 'rig-7', mine: true });
    expect(list.invalid).toEqual([]);
    expect(list.query).toEqual({ pageSize: '100', sort: 'hs1h', dir: 'desc', state: 'all', account, q: '  rig-7 ', mine: '1' });
  });

  it('falls back per field for nonsense, names what it dropped, and never throws', () => {
    const list = parseListPage(schema, { page: '-3', pageSize: '7', sort: 'password', dir: 'sideways', state: 'exploded', account: 'x', mine: 'yes', q: 'ok' });
    expect(list.params).toEqual({ page: 1, pageSize: 25, sort: 'name', dir: 'asc', state: 'open', account: undefined, q: 'ok', mine: false });
    expect(list.invalid.sort()).toEqual(['account', 'dir', 'mine', 'page', 'pageSize', 'sort', 'state']);
    expect(list.query).toEqual({ q: 'ok' });
  });

  it('reads the first of a repeated parameter, and an empty value as missing without calling it invalid', () => {
    const list = parseListPage(schema, { state: ['resolved', 'open'], account: '', q: '   ', page: '99999999' });
    expect(list.params).toMatchObject({ state: 'resolved', account: undefined, q: undefined, page: 1 });
    expect(list.invalid).toEqual(['page']);
    expect(list.query).toEqual({ state: 'resolved' });
  });

  it('cuts a long search to 100 characters instead of refusing it', () => {
    expect(parseListPage(schema, { q: 'x'.repeat(500) }).params.q).toHaveLength(100);
  });

  it('gives a searchable list its defaults for nonsense, and keeps valid values', () => {
    expect(parseListPage(searchListSchema(), { page: '-3', pageSize: '7' }).params).toEqual({ page: 1, pageSize: 50, q: undefined });
    expect(parseListPage(searchListSchema(), { page: '3', pageSize: '100', q: ' s19 ' }).params).toEqual({ page: 3, pageSize: 100, q: 's19' });
  });

  it('refuses a schema with a field that has no fallback, naming it', () => {
    expect(() => parseListPage(z.object({ siteId: z.uuid() }), {})).toThrow(/siteId/);
  });
});
