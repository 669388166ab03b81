/**
 * Keyboard movement over the rack map's positions: one focusable position at a time (a roving
 * tabindex), moved by keys. Racks are drawn `cols` positions wide, slot 1 top left.
 * ←/→ the previous/next position (on into the neighbouring rack); ↓ the position one line below, or
 * the next one after it, ↑ the one above or the last before it (into the next/previous rack past its
 * edge); Home/End the rack's first/last; PageUp/PageDown the
 * previous/next rack's first position.
 */
export type NavRack = { cells: readonly (readonly [slot: number, index: number])[] };

export type RackNav = { order: number[]; move: (from: number, key: string) => number | null };

export function rackNav(racks: readonly NavRack[], cols: number): RackNav {
  const order: number[] = [];
  const where = new Map<number, { rack: number; cell: number; flat: number }>();
  racks.forEach((r, rack) =>
    r.cells.forEach(([, index], cell) => {
      where.set(index, { rack, cell, flat: order.length });
      order.push(index);
    }),
  );
  const firstOf = (rack: number) => racks[rack]?.cells[0]?.[1] ?? null;
  const lastOf = (rack: number) => racks[rack]?.cells.at(-1)?.[1] ?? null;
  const nextRack = (from: number, step: 1 | -1) => {
    for (let r = from + step; r >= 0 && r < racks.length; r += step) if (racks[r]!.cells.length) return r;
    return null;
  };
  const move = (from: number, key: string): number | null => {
    const at = where.get(from);
    if (!at) return order[0] ?? null;
    const cells = racks[at.rack]!.cells;
    const slot = cells[at.cell]![0];
    switch (key) {
      case 'ArrowRight':
        return order[at.flat + 1] ?? null;
      case 'ArrowLeft':
        return at.flat > 0 ? order[at.flat - 1]! : null;
      case 'ArrowDown': {
        const below = cells.find(([s]) => s >= slot + cols);
        if (below) return below[1];
        const r = nextRack(at.rack, 1);
        return r === null ? null : firstOf(r);
      }
      case 'ArrowUp': {
        const above = cells.findLast(([s]) => s <= slot - cols);
        if (above) return above[1];
        const r = nextRack(at.rack, -1);
        return r === null ? null : lastOf(r);
      }
      case 'Home':
        return firstOf(at.rack);
      case 'End':
        return lastOf(at.rack);
      case 'PageDown': {
        const r = nextRack(at.rack, 1);
        return r === null ? null : firstOf(r);
      }
      case 'PageUp': {
        const r = nextRack(at.rack, -1);
        return r === null ? null : firstOf(r);
      }
      default:
        return null;
    }
  };
  return { order, move };
}
