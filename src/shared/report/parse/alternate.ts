// A second reading of the same document (a PDF's pages read as lines, without their ruling
// lines): where it gives a cell another value, that value is kept on the cell as another reading
// the source allows. It never replaces the value read; the checks use it to tell whose a failed
// rule is (see checks/reading.ts).
import { sameValue, type ParsedReport } from '../model.ts';

export function attachAlternate(report: ParsedReport, other: ParsedReport, why = '按文字行顺序读取'): void {
  if (other.template !== report.template) return;
  const theirs = new Map(other.cells.map((c) => [`${c.table}|${c.row}|${c.col}`, c]));
  report.cells = report.cells.map((c) => {
    const o = theirs.get(`${c.table}|${c.row}|${c.col}`);
    if (!o || !c.how) return c;
    return !sameValue(o.value, c.value) ? { ...c, alt: [...(c.alt ?? []), { value: o.value, why: `${why}，${o.source}` }] } : c;
  });
}
