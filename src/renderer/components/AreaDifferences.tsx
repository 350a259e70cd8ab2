// The cells where a government's own report differs from the sum of its units, one line each,
// for the 区域汇总 page and its printed sheet.
import type { AreaSummary } from '../../shared/contract/types.ts';
import { differenceText } from '../../shared/area/differences.ts';

export function AreaDifferences({ a, numbered = false }: { a: AreaSummary; numbered?: boolean }) {
  const items = a.differences.map((d) => (
    <li key={`${d.table}|${d.row}|${d.col}`}>
      {differenceText(a.template, d)}
    </li>
  ));
  return numbered ? <ol>{items}</ol> : <ul>{items}</ul>;
}
