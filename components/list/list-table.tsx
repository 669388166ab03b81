import type { ReactNode } from 'react';
import { DataTable, type DataTableProps } from './data-table';
import { ListFrame, type ListFrameProps } from './list-frame';

type Props<T> = Omit<ListFrameProps, 'page'> & Omit<DataTableProps<T>, 'rows'> & { page: ListFrameProps['page'] & { rows: readonly T[] }; footer?: ReactNode };

/** The usual list: a page of rows in a DataTable inside a ListFrame (pager, empty and past-the-end states); `footer` goes under the table. */
export function ListTable<T>({ pathname, query, page, empty, emptyFiltered, keep, sizes, footer, ...table }: Props<T>) {
  return (
    <ListFrame pathname={pathname} query={query} page={page} empty={empty} emptyFiltered={emptyFiltered} keep={keep} sizes={sizes}>
      <DataTable rows={page.rows} {...table} />
      {footer}
    </ListFrame>
  );
}
