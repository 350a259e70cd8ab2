// X1, X2, and the 体检 check Y2 (a part copied from last year): the same agency's consecutive years. X1: 二、上年结转 (year N) = 四、结转下年度继续办理
// (year N-1), per column. X2 (T2021, soft): 现行有效件数(N) = 现行有效件数(N-1) + 本年制发件数(N) − 本年废止件数(N).
import type { Cell, Finding, Part, TemplateId } from '../model.ts';
import { T3_COLUMNS } from '../templates/index.ts';
import { lookupOf } from './consistency.ts';
import { partOrdinal } from '../parse/parts.ts';

export interface YearReport {
  year: number;
  template: TemplateId;
  cells: Cell[];
  /** For Y2 (雷同): the parts' text. */
  parts?: Part[];
}

/** How much of two texts is the same: Dice's coefficient over character pairs, punctuation and
 *  spaces aside (1 for the same text, near 0 for unrelated ones); linear, unlike a full diff. */
export function textSimilarity(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const pairs = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const [x, y] = [clean(a), clean(b)];
  if (x.length < 2 || y.length < 2) return x === y ? 1 : 0;
  const [px, py] = [pairs(x), pairs(y)];
  let both = 0;
  for (const [k, n] of px) both += Math.min(n, py.get(k) ?? 0);
  return (2 * both) / (x.length - 1 + (y.length - 1));
}

/** Y2 (年报体检): a part that is 90 % or more the same as the same part of last year's report. */
function copiedParts(prev: YearReport, cur: YearReport): Finding[] {
  const out: Finding[] = [];
  for (const p of cur.parts ?? []) {
    const before = prev.parts?.find((x) => x.no === p.no);
    // Parts 二 to 四 are mostly their tables' headings: only the written parts are compared.
    if (!before || ![1, 5, 6].includes(p.no) || p.text.replace(/\s/g, '').length < 80) continue;
    const sim = textSimilarity(before.text, p.text);
    if (sim >= 0.9)
      out.push({
        rule: 'Y2',
        severity: 'warning',
        message: `${partOrdinal(p.no)}与${prev.year}年度报告的同一部分${sim > 0.995 ? '文字几乎完全相同' : `约${Math.round(sim * 100)}%的文字相同`}：可能照搬了上一年度的报告`,
        cells: [],
        at: { part: p.no, quote: p.text.trim().slice(0, 12) },
      });
  }
  return out;
}

export function checkCrossYear(prev: YearReport, cur: YearReport): Finding[] {
  if (prev.year !== cur.year - 1) return [];
  const p = lookupOf(prev.cells);
  const c = lookupOf(cur.cells);
  const out: Finding[] = copiedParts(prev, cur);
  for (const col of T3_COLUMNS) {
    const carried = c('t3', 'carry', col.id);
    const left = p('t3', 'next', col.id);
    if (carried?.value.kind !== 'number' || left?.value.kind !== 'number') continue;
    if (carried.value.num === left.value.num) continue;
    out.push({
      rule: 'X1',
      severity: 'error',
      message: `表三“${col.label}”列：本年“二、上年结转政府信息公开申请数量”为${carried.value.num}，而${prev.year}年度报告“四、结转下年度继续办理”为${left.value.num}，相差${fmt(carried.value.num! - left.value.num!)}（X1：本年上年结转 = 上一年结转下年度）`,
      cells: [{ table: 't3', row: 'carry', col: col.id }],
    });
  }
  if (cur.template === 'T2021' && prev.template === 'T2021') {
    for (const row of ['rules', 'normative'] as const) {
      const now = c('t2', row, 'inForce');
      const before = p('t2', row, 'inForce');
      const issued = c('t2', row, 'issued');
      const repealed = c('t2', row, 'repealed');
      if ([now, before, issued, repealed].some((x) => x?.value.kind !== 'number')) continue;
      const expected = before!.value.num! + issued!.value.num! - repealed!.value.num!;
      if (expected === now!.value.num) continue;
      const label = row === 'rules' ? '规章' : '行政规范性文件';
      out.push({
        rule: 'X2',
        severity: 'warning',
        message: `表二“${label}”：现行有效件数为${now!.value.num}，而${prev.year}年度现行有效${before!.value.num} + 本年制发${issued!.value.num} − 本年废止${repealed!.value.num} = ${expected}，相差${fmt(now!.value.num! - expected)}（X2，请核对是否有其他原因的增减）`,
        cells: [
          { table: 't2', row, col: 'inForce' },
          { table: 't2', row, col: 'issued' },
          { table: 't2', row, col: 'repealed' },
        ],
      });
    }
  }
  return out;
}

function fmt(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
