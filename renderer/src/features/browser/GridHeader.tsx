/** Column headers: buttons that sort (again to reverse); aria-sort on the header cell. */
import type { SortSpec } from '../../lib/entries.js';
import { setSort } from './navigation.js';
import { ChevronDownIcon, ChevronUpIcon } from '../../components/icons.js';
import type { Column } from './columns.js';
import { useTranslation } from 'react-i18next';

interface Props {
  connectionId: string;
  columns: Column[];
  sort: SortSpec;
}

export function GridHeader({ connectionId, columns, sort }: Props) {
  const { t } = useTranslation();
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row">
        {columns.map((column, i) => {
          const active = sort.key === column.key;
          const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
          return (
            <div
              key={column.key}
              role="columnheader"
              aria-sort={ariaSort}
              aria-colindex={i + 1}
              className={`cell head-cell head-${column.key} align-${column.align}${active ? ' sorted' : ''}`}
            >
              <button
                type="button"
                className="head-btn"
                onClick={() => setSort(connectionId, column.key)}
              >
                <span>{t(column.label)}</span>
                {active ? (
                  sort.dir === 'asc' ? (
                    <ChevronUpIcon size={12} className="sort-arrow" />
                  ) : (
                    <ChevronDownIcon size={12} className="sort-arrow" />
                  )
                ) : null}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
