// 整改跟踪's table, on the page and on its printed sheet: one row per unit sent a 审核意见, the
// overdue ones (deadline passed, no revised version) in red. Sorting by a column; the page adds
// each row's link to its report and the listed findings.
import type { ReactNode } from 'react';
import type { TrackingRow } from '../../shared/contract/types.ts';
import { trackingStatus } from '../../shared/report/rectification.ts';

export type TrackingSort = 'agency' | 'sent' | 'deadline' | 'revised' | 'open' | 'fixed' | 'dismissed' | 'fresh';

const COLUMNS: { id: TrackingSort; label: string; num?: boolean }[] = [
  { id: 'agency', label: '单位' },
  { id: 'sent', label: '审核意见日期' },
  { id: 'deadline', label: '整改期限' },
  { id: 'revised', label: '修改稿' },
  { id: 'open', label: '未整改', num: true },
  { id: 'fixed', label: '已整改', num: true },
  { id: 'dismissed', label: '不再适用', num: true },
  { id: 'fresh', label: '新问题', num: true },
];

const shortDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Rows in the order of a column: names in pinyin order, dates and counts largest first (not yet revised last). */
export function sortRows(rows: TrackingRow[], sort: TrackingSort): TrackingRow[] {
  const key = (r: TrackingRow): string | number =>
    sort === 'agency' ? r.agency : sort === 'sent' ? r.sent : sort === 'deadline' ? (r.deadline ?? '') : sort === 'revised' ? (r.revised?.day ?? '') : r[sort];
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (sort === 'agency') return String(x).localeCompare(String(y), 'zh-CN');
    return typeof x === 'number' ? (y as number) - x || a.agency.localeCompare(b.agency, 'zh-CN') : String(y).localeCompare(String(x)) || a.agency.localeCompare(b.agency, 'zh-CN');
  });
}

export function TrackingTable({
  rows,
  sort,
  onSort,
  extra,
}: {
  rows: TrackingRow[];
  sort: TrackingSort;
  onSort?: (s: TrackingSort) => void;
  /** The page's own cells after each row (the link and the findings), none on the printed sheet. */
  extra?: (r: TrackingRow) => { head: ReactNode; cell: ReactNode; below?: ReactNode };
}) {
  const sorted = sortRows(rows, sort);
  return (
    <table className="grid tracking">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.id} className={c.num ? 'num' : undefined} aria-sort={sort === c.id ? (c.id === 'agency' ? 'ascending' : 'descending') : 'none'}>
              {onSort ? (
                <button className="sort" onClick={() => onSort(c.id)}>
                  {c.label}
                  {sort === c.id ? (c.id === 'agency' ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                c.label
              )}
            </th>
          ))}
          <th>状态</th>
          {extra && sorted.length > 0 && extra(sorted[0]).head}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => {
          const x = extra?.(r);
          return [
            <tr key={r.noticeId} className={r.overdue ? 'overdue' : undefined}>
              <td>{r.agency}</td>
              <td>
                {shortDay(r.sent)}（第{r.version}稿{r.notices > 1 ? `，第${r.notices}次审核` : ''}）
              </td>
              <td className={r.overdue ? 'error-text' : undefined}>{r.deadline ? shortDay(r.deadline) : '未定'}</td>
              <td>{r.revised ? `第${r.revised.version}稿，${shortDay(r.revised.day)}导入` : <span className={r.overdue ? 'error-text' : 'muted'}>未报送</span>}</td>
              <td className={r.open ? 'num warn-text' : 'num'}>{r.open}</td>
              <td className="num">{r.fixed}</td>
              <td className="num">{r.dismissed}</td>
              <td className={r.fresh ? 'num error-text' : 'num'}>{r.fresh}</td>
              <td className={r.overdue ? 'error-text' : undefined}>{trackingStatus(r)}</td>
              {x?.cell}
            </tr>,
            x?.below,
          ];
        })}
      </tbody>
    </table>
  );
}
