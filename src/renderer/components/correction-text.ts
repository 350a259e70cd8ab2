// How a correction reads on screen and on the printed sheet: what was corrected, from what to what.
import type { TableId, TemplateId } from '../../shared/report/model.ts';
import { columnLabel, rowLabel, TABLE_TITLES } from '../../shared/report/templates/index.ts';

export function shownValue(v: unknown): string {
  if (v === null || v === undefined) return '（无）';
  if (typeof v !== 'object') return String(v);
  const c = v as { kind: string; num: number | null; raw: string };
  return c.kind === 'number' ? String(c.num) : c.kind === 'blank' ? '空白' : c.raw;
}

export function describeTarget(template: TemplateId, target: string): string {
  if (target === 'meta:agency') return '单位名称';
  if (target === 'meta:year') return '报告年度';
  const [table, row, col] = target.slice(5).split('|') as [TableId, string, string];
  return `${TABLE_TITLES[table].split(' ')[0]}“${rowLabel(template, table, row)}”行“${columnLabel(template, table, col)}”列`;
}
