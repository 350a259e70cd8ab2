// X1, X2: the same agency's consecutive years. X1: 二、上年结转 (year N) = 四、结转下年度继续办理
// (year N-1), per column. X2 (T2021, soft): 现行有效件数(N) = 现行有效件数(N-1) + 本年制发件数(N) − 本年废止件数(N).
import type { Cell, Finding, TemplateId } from '../model.ts';
import { T3_COLUMNS } from '../templates/index.ts';
import { lookupOf } from './consistency.ts';

export interface YearReport {
  year: number;
  template: TemplateId;
  cells: Cell[];
}

export function checkCrossYear(prev: YearReport, cur: YearReport): Finding[] {
  if (prev.year !== cur.year - 1) return [];
  const p = lookupOf(prev.cells);
  const c = lookupOf(cur.cells);
  const out: Finding[] = [];
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
