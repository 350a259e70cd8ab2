// The cells where a government's own report differs from the sum of its units, one line each,
// for the 区域汇总 page and its printed sheet.
import type { AreaSummary } from '../../shared/contract/types.ts';
import { columnLabel, rowLabel, TABLE_TITLES } from '../../shared/report/templates/index.ts';

export function AreaDifferences({ a, numbered = false }: { a: AreaSummary; numbered?: boolean }) {
  const items = a.differences.map((d) => (
    <li key={`${d.table}|${d.row}|${d.col}`}>
      {TABLE_TITLES[d.table].split(' ')[0]}“{rowLabel(a.template, d.table, d.row)}”{columnLabel(a.template, d.table, d.col)}：本级报告 {d.own ?? '空'}，各单位之和 {d.sum ?? '空'}
    </li>
  ));
  return numbered ? <ol>{items}</ol> : <ul>{items}</ul>;
}
