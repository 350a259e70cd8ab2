// N1–N3: numbers stated in the text should match the tables ("共受理政府信息公开申请5件"
// against 本年新收 总计; "行政复议351件" against 表四).
import type { Cell, Finding, ParsedReport } from '../model.ts';
import { CLAIMS, claimText } from '../templates/claims.ts';
import { lookupOf } from './consistency.ts';

export function checkNarrative(r: Pick<ParsedReport, 'parts' | 'cells'>): Finding[] {
  const get = lookupOf(r.cells);
  const text = claimText(r.parts);
  const out: Finding[] = [];
  for (const c of CLAIMS) {
    const m = c.re.exec(text);
    if (!m) continue;
    const cells = c.cells.map((x) => get(x.table, x.row, x.col));
    if (cells.some((x: Cell | undefined) => !x || x.value.kind !== 'number')) continue;
    const table = cells.reduce((s, x) => s + (x!.value.num ?? 0), 0);
    const stated = Number(m[1]);
    if (stated === table) continue;
    out.push({
      rule: c.rule,
      severity: 'warning',
      message: `正文写“${m[0]}”，而${c.what}为${table}，相差${stated - table > 0 ? '+' : ''}${stated - table}，请核对`,
      cells: c.cells,
    });
  }
  return out;
}
