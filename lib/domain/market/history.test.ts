import { describe, expect, it } from 'vitest';
import { HALVINGS } from './halving';
import { attachEpochHashrate, halvingsInRange } from './history';

describe('attachEpochHashrate', () => {
  const epochs = [
    { start: '2024-04-10T21:17:33Z', hashrateHs: 6.3e20 },
    { start: '2024-04-24T02:00:00Z', hashrateHs: null },
    { start: '2024-05-08T10:00:00Z', hashrateHs: 6.1e20 },
  ];
  it('takes the epoch in effect at the end of each day, null before the first and where the epoch has none', () => {
    const points = ['2024-04-09', '2024-04-10', '2024-04-23', '2024-04-24', '2024-05-08'].map((t) => ({ t }));
    expect(attachEpochHashrate(points, epochs).map((p) => p.epochHashrateHs)).toEqual([null, 6.3e20, 6.3e20, null, 6.1e20]);
  });
  it('a week takes the epoch in effect at its end', () => {
    const weeks = ['2024-04-01', '2024-04-08', '2024-04-22', '2024-05-06'].map((t) => ({ t }));
    expect(attachEpochHashrate(weeks, epochs, 7).map((p) => p.epochHashrateHs)).toEqual([null, 6.3e20, null, 6.1e20]);
  });
});

describe('halvingsInRange', () => {
  it('places each halving on the point it falls in, and leaves out those outside', () => {
    const weeks = ['2012-11-26', '2012-12-03', '2016-07-04', '2016-07-11'];
    expect(halvingsInRange(weeks, HALVINGS)).toEqual([
      { height: 210_000, at: '2012-11-28T15:24:38Z', t: '2012-11-26' },
      { height: 420_000, at: '2016-07-09T16:46:13Z', t: '2016-07-04' },
    ]);
    expect(halvingsInRange(['2024-04-19', '2024-04-20', '2024-04-21'], HALVINGS)).toEqual([{ height: 840_000, at: '2024-04-20T00:09:27Z', t: '2024-04-20' }]);
    expect(halvingsInRange(['2025-01-01', '2025-01-02'], HALVINGS)).toEqual([]);
    expect(halvingsInRange([], HALVINGS)).toEqual([]);
  });
});
