import { describe, expect, it } from 'vitest';
import { rackNav } from './rack-map-nav';

// Two racks, 4 wide: rack A slots 1,2,3,5,8 (miners 10..14), an empty rack, rack B slots 1,2 (20, 21).
const nav = rackNav(
  [
    { cells: [[1, 10], [2, 11], [3, 12], [5, 13], [8, 14]] },
    { cells: [] },
    { cells: [[1, 20], [2, 21]] },
  ],
  4,
);

describe('rackNav', () => {
  it('orders positions rack by rack', () => {
    expect(nav.order).toEqual([10, 11, 12, 13, 14, 20, 21]);
  });

  it.each([
    [10, 'ArrowRight', 11],
    [14, 'ArrowRight', 20],
    [21, 'ArrowRight', null],
    [20, 'ArrowLeft', 14],
    [10, 'ArrowLeft', null],
    [11, 'ArrowDown', 14], // slot 2: slot 6 is empty, so the next position after it (slot 8)
    [10, 'ArrowDown', 13],
    [12, 'ArrowDown', 14],
    [14, 'ArrowDown', 20], // past the rack's last line, over the empty rack
    [13, 'ArrowUp', 10],
    [10, 'ArrowUp', null],
    [20, 'ArrowUp', 14],
    [12, 'Home', 10],
    [10, 'End', 14],
    [11, 'PageDown', 20],
    [21, 'PageUp', 10],
    [21, 'PageDown', null],
    [10, 'Tab', null],
    [999, 'ArrowRight', 10],
  ])('from %i, %s goes to %s', (from, key, to) => {
    expect(nav.move(from, key)).toBe(to);
  });
});
