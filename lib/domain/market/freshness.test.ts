import { describe, expect, it } from 'vitest';
import { freshness } from './freshness';
import { parseSource, type Source, sourceText } from './source';

describe('freshness', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  it.each([
    [0, true],
    [14, true],
    [14.99, true],
    [15, false],
    [16, false],
    [60 * 24 * 400, false],
  ])('%d minutes old → current %s', (minutes, current) => {
    const at = new Date(now.getTime() - minutes * 60_000);
    expect(freshness(at.toISOString(), now)).toMatchObject({ current, asOf: at.toISOString() });
  });
  it('a source clock ahead of ours reads as just observed', () => {
    expect(freshness('2026-12-06T12:01:00Z', now)).toMatchObject({ current: true, ageMs: 0 });
  });
});

describe('source texts', () => {
  it.each<[Source, string]>([
    [{ kind: 'live', provider: 'coingecko' }, 'coingecko'],
    [{ kind: 'stored', provider: 'mempool.space' }, 'mempool.space (stored)'],
    [{ kind: 'derived', provider: 'blockchain.info' }, 'derived from blockchain.info difficulty'],
    [{ kind: 'derivedStored', provider: 'blockchain.info' }, 'derived from blockchain.info difficulty (stored)'],
    [{ kind: 'bundled', provider: 'mempool.space' }, 'bundled (mempool.space)'],
    [{ kind: 'bundledHistory', day: '2026-01-31' }, 'bundled history (2026-01-31)'],
    [{ kind: 'history' }, 'daily history'],
    [{ kind: 'unavailable' }, 'unavailable'],
  ])('%o ⇄ %s', (source, text) => {
    expect(sourceText(source)).toBe(text);
    expect(parseSource(text)).toEqual(source);
  });
  it('reads the old fee text, and names an unknown text as its provider', () => {
    expect(parseSource('unavailable (counted as 0)')).toEqual({ kind: 'unavailable' });
    expect(parseSource('test')).toEqual({ kind: 'live', provider: 'test' });
  });
});
