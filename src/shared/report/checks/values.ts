// Value-domain rules: table 三 and 四 hold counts, so non-negative integers only.
import type { Cell, Finding, TemplateId } from '../model.ts';
import { columnLabel, rowLabel } from '../templates/index.ts';
import { TABLE_TITLES } from '../templates/types.ts';

export function checkValues(template: TemplateId, cells: Cell[]): Finding[] {
  const out: Finding[] = [];
  for (const c of cells) {
    if (c.table === 't2') continue;
    const where = `${TABLE_TITLES[c.table]}“${rowLabel(template, c.table, c.row)}”行“${columnLabel(template, c.table, c.col)}”列`;
    const cellRef = [{ table: c.table, row: c.row, col: c.col }];
    if (c.value.kind === 'number' && (c.value.num! < 0 || !Number.isInteger(c.value.num))) {
      out.push({ rule: 'V1', severity: 'error', message: `${where}为“${c.value.raw}”：件数应为非负整数`, cells: cellRef });
    } else if (c.value.kind !== 'number') {
      const shown = c.value.kind === 'blank' ? '空白' : `“${c.value.raw}”`;
      out.push({ rule: 'V2', severity: 'warning', message: `${where}为${shown}，不是数字（不按0计算），相关勾稽关系无法核对`, cells: cellRef });
    }
  }
  return out;
}
