import type { HTMLAttributes, ReactNode } from 'react';
import { Table, Td, Th } from '@/components/ui/table';
import type { SortDir } from '@/lib/list/list-fields';
import { SortHeader, type SortState } from './sort-header';

export type Column<T> = {
  key: string;
  header?: ReactNode;
  cell: (row: T) => ReactNode;
  /** On the header and the cells: alignment, or hiding the column on narrow screens. */
  className?: string;
  /** A figure: right-aligned, in tabular digits, on one line. */
  figure?: boolean;
  /** On the cells only; a function for a per-row tone. */
  cellClassName?: string | ((row: T) => string);
  /** The list's sort key for this column; its header becomes a sort link. */
  sort?: string;
  /** Where a first click on the header starts: figures read best largest first. */
  firstDir?: SortDir;
};

export type DataTableProps<T> = {
  label: string;
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** `false` leaves a column out, for columns only some viewers get. */
  columns: readonly (Column<T> | false)[];
  sort?: SortState;
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: unknown };
  /** The phone layout: one card per row instead of the table, below the `md` breakpoint. */
  card?: (row: T) => ReactNode;
};

/**
 * A list's table: headers, sortable ones as links, and a row per item; with `card`, phones get a card
 * list instead of a table to scroll sideways. No hooks, so client components (live results) use it too.
 */
export function DataTable<T>({ label, rows, rowKey, columns, sort, rowProps, card }: DataTableProps<T>) {
  const cols = columns.filter((c): c is Column<T> => c !== false).map((c) => (c.figure ? { ...c, className: `text-right ${c.className ?? ''}`, cellClassName: withClass(c.cellClassName, 'whitespace-nowrap tabular-nums') } : c));
  const table = (
    <Table label={label}>
      <thead>
        <tr>
          {cols.map((c) =>
            c.sort && sort ? (
              <SortHeader key={c.key} column={c.sort} label={c.header} state={sort} firstDir={c.firstDir} className={c.className} />
            ) : (
              <Th key={c.key} className={c.className}>
                {c.header}
              </Th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} {...rowProps?.(row)}>
            {cols.map((c) => (
              <Td key={c.key} className={[c.className, typeof c.cellClassName === 'function' ? c.cellClassName(row) : c.cellClassName].filter(Boolean).join(' ')}>
                {c.cell(row)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
  if (!card) return table;
  return (
    <>
      <div className="hidden md:block">{table}</div>
      <ul className="flex flex-col gap-2 md:hidden" aria-label={label}>
        {rows.map((row, i) => (
          <li key={rowKey(row, i)}>{card(row)}</li>
        ))}
      </ul>
    </>
  );
}

function withClass<T>(cellClassName: Column<T>['cellClassName'], extra: string): Column<T>['cellClassName'] {
  return typeof cellClassName === 'function' ? (row) => `${extra} ${cellClassName(row)}` : `${extra} ${cellClassName ?? ''}`;
}
