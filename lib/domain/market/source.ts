/*
 * Where a market value came from, as the short English text the API has always returned in
 * `sources` (e.g. "coingecko", "mempool.space (stored)", "bundled (mempool.space)") and as the
 * parts a page translates. Built and read only here, so the two never drift apart.
 */

export type SourceKind = 'live' | 'stored' | 'derived' | 'derivedStored' | 'bundled' | 'bundledHistory' | 'history' | 'unavailable';
export type Source = { kind: SourceKind; provider?: string; day?: string };

export function sourceText(s: Source): string {
  switch (s.kind) {
    case 'live':
      return s.provider ?? 'unknown';
    case 'stored':
      return `${s.provider ?? 'unknown'} (stored)`;
    case 'derived':
      return `derived from ${s.provider ?? 'unknown'} difficulty`;
    case 'derivedStored':
      return `derived from ${s.provider ?? 'unknown'} difficulty (stored)`;
    case 'bundled':
      return `bundled (${s.provider ?? 'unknown'})`;
    case 'bundledHistory':
      return `bundled history (${s.day ?? 'unknown'})`;
    case 'history':
      return 'daily history';
    case 'unavailable':
      return 'unavailable';
  }
}

const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => Source]> = [
  [/^derived from (.+) difficulty \(stored\)$/, (m) => ({ kind: 'derivedStored', provider: m[1] })],
  [/^derived from (.+) difficulty$/, (m) => ({ kind: 'derived', provider: m[1] })],
  [/^bundled history \((\d{4}-\d{2}-\d{2})\)$/, (m) => ({ kind: 'bundledHistory', day: m[1] })],
  [/^bundled \((.+)\)$/, (m) => ({ kind: 'bundled', provider: m[1] })],
  [/^daily history$/, () => ({ kind: 'history' })],
  [/^unavailable\b/, () => ({ kind: 'unavailable' })],
  [/^(.+) \(stored\)$/, (m) => ({ kind: 'stored', provider: m[1] })],
];

/** The parts of a source text, for translation; anything else is a provider named as is. */
export function parseSource(text: string): Source {
  for (const [re, build] of PATTERNS) {
    const m = text.match(re);
    if (m) return build(m);
  }
  return { kind: 'live', provider: text };
}
