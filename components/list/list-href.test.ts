import { describe, expect, it } from 'vitest';
import { isFiltered, listHref, nextSortDir, pageForSize, withoutFilters } from './list-href';

describe('listHref', () => {
  it('keeps the query, drops blanks, and starts again at page 1 when anything but the page changes', () => {
    expect(listHref('/pool', { q: 'rig', status: '', page: '4', sort: 'hs1h', dir: 'desc' }, { status: 'offline' })).toEqual({ pathname: '/pool', query: { q: 'rig', sort: 'hs1h', dir: 'desc', status: 'offline' } });
  });

  it('puts patched keys last in their order, so sort precedes dir', () => {
    expect(new URLSearchParams(listHref('/pool', { dir: 'asc', q: 'x', sort: 'name' }, { sort: 'hs1h', dir: 'desc' }).query).toString()).toBe('q=x&sort=hs1h&dir=desc');
  });

  it('writes page numbers except 1, and removes a patched key given undefined', () => {
    expect(listHref('/a', { q: 'x' }, { page: 3 }).query).toEqual({ q: 'x', page: '3' });
    expect(listHref('/a', { q: 'x' }, { page: 1 }).query).toEqual({ q: 'x' });
    expect(listHref('/a', { q: 'x', status: 'sent' }, { status: undefined }).query).toEqual({ q: 'x' });
  });
});

describe('filters', () => {
  it('clearing keeps sorting, page size and the named keys', () => {
    expect(withoutFilters({ q: 'x', tab: 'miners', sort: 'name', dir: 'desc', pageSize: '100', account: 'a' }, ['tab'])).toEqual({ tab: 'miners', sort: 'name', dir: 'desc', pageSize: '100' });
  });

  it('a list is filtered when it has a value outside those', () => {
    expect(isFiltered({ tab: 'miners', sort: 'name', pageSize: '25' }, ['tab'])).toBe(false);
    expect(isFiltered({ tab: 'miners', q: 'x' }, ['tab'])).toBe(true);
    expect(isFiltered({ q: '' })).toBe(false);
  });
});

describe('sorting and page sizes', () => {
  it('flips the active column and starts another at its natural direction', () => {
    expect(nextSortDir(true, 'asc', 'desc')).toBe('desc');
    expect(nextSortDir(true, 'desc', 'desc')).toBe('asc');
    expect(nextSortDir(false, 'desc', 'desc')).toBe('desc');
    expect(nextSortDir(false, 'desc', 'asc')).toBe('asc');
  });

  it('keeps the first row of the page in view when the page size changes', () => {
    expect(pageForSize(3, 25, 100)).toBe(1);
    expect(pageForSize(5, 25, 50)).toBe(3);
    expect(pageForSize(2, 100, 25)).toBe(5);
    expect(pageForSize(1, 50, 25)).toBe(1);
  });
});
