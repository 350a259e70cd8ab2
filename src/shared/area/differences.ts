// A government's own report set against the sum of its units: each cell that differs, in the
// words the 区域汇总 page, its printed sheet and the report's own 体检 findings (A1) share.
import type { AreaSummary } from '../contract/types.ts';
import type { Finding } from '../report/model.ts';
import { columnLabel, rowLabel, TABLE_TITLES } from '../report/templates/index.ts';

type Difference = AreaSummary['differences'][number];

/** 表三“本年新收政府信息公开申请数量”总计 */
export const differencePlace = (template: AreaSummary['template'], d: Difference) =>
  `${TABLE_TITLES[d.table].split(' ')[0]}“${rowLabel(template, d.table, d.row)}”${columnLabel(template, d.table, d.col)}`;

export const differenceText = (template: AreaSummary['template'], d: Difference) =>
  `${differencePlace(template, d)}：本级报告 ${d.own ?? '空'}，各单位之和 ${d.sum ?? '空'}`;

/** The differences as 提醒 on the own report: one per cell, each pointing at its cell. */
export function differenceFindings(a: AreaSummary): Finding[] {
  const n = a.own?.included ? a.units.length - 1 : a.units.length;
  return a.differences.map((d) => ({
    rule: 'A1',
    severity: 'warning',
    message: `${differencePlace(a.template, d)}：本报告 ${d.own ?? '空白'}，所属 ${n} 个单位的报告之和 ${d.sum ?? '空白（都未填）'}`,
    cells: [{ table: d.table, row: d.row, col: d.col }],
  }));
}
