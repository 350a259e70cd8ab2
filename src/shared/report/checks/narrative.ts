// N1–N3: numbers stated in the text should match the tables ("共受理政府信息公开申请5件"
// against 本年新收 总计; "行政复议351件" against 表四).
import type { Cell, Finding, ParsedReport, TableId } from '../model.ts';
import { lookupOf } from './consistency.ts';

interface Claim {
  rule: string;
  re: RegExp;
  what: string;
  cells: { table: TableId; row: string; col: string }[];
}

const CLAIMS: Claim[] = [
  {
    rule: 'N1',
    re: /(?:共|全年|累计)(?:收到|受理|新收|接收)(?:[^。；，,]{0,16}?)(?:政府信息公开|依申请公开)(?:申请)?(?:件数)?[为共计]?(\d+)件/,
    what: '表三“一、本年新收政府信息公开申请数量”的总计',
    cells: [{ table: 't3', row: 'new', col: 'total' }],
  },
  {
    rule: 'N2',
    re: /(?:政府信息公开)?行政复议(?:案件)?(?:共|合计)?(\d+)件/,
    what: '表四“行政复议”的总计',
    cells: [{ table: 't4', row: 'review', col: 'total' }],
  },
  {
    rule: 'N3',
    re: /(?:政府信息公开)?行政诉讼(?:案件)?(?:共|合计)?(\d+)件/,
    what: '表四“行政诉讼”两项总计之和',
    cells: [
      { table: 't4', row: 'suit_direct', col: 'total' },
      { table: 't4', row: 'suit_after', col: 'total' },
    ],
  },
];

export function checkNarrative(r: Pick<ParsedReport, 'parts' | 'cells'>): Finding[] {
  const get = lookupOf(r.cells);
  const text = r.parts
    .filter((p) => p.no === 1 || p.no === 3 || p.no === 4)
    .map((p) => p.text)
    .join('\n')
    .replace(/[\s\u3000]+/g, '');
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
