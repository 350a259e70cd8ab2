// Template definitions: the one place row/column labels and rules live.
import type { TableId, TemplateId } from '../model.ts';
import { T2019_T2, T2021_T2 } from './t2.ts';
import { T3_COLUMNS, T3_ROWS, t3RowLabel } from './t3.ts';
import { T4_COLUMNS, T4_ROWS } from './t4.ts';
import type { ColumnSpec, RowSpec, TemplateDef } from './types.ts';

export * from './types.ts';
export { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS, T2019_T2, T2021_T2 };
export { RULES } from './rules.ts';

const T3_COMMON = T3_ROWS.filter((r) => !r.id.startsWith('r6')).map((r) => r.id);
const withSix = (six: string[]) => {
  const ids = [...T3_COMMON];
  ids.splice(ids.indexOf('r7'), 0, ...six);
  return ids;
};

export const TEMPLATES: Record<'T2019' | 'T2021', TemplateDef> = {
  T2019: {
    id: 'T2019',
    name: '2019年版格式（国办公开办函〔2019〕60号）',
    t2: T2019_T2,
    t3RowIds: withSix(['r6']),
    evidence: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量', '采购总金额'],
  },
  T2021: {
    id: 'T2021',
    name: '2021年版格式（国办公开办函〔2021〕30号）',
    t2: T2021_T2,
    t3RowIds: withSix(['r6_1', 'r6_2', 'r6_3']),
    evidence: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'],
  },
};

export const TEMPLATE_NAMES: Record<TemplateId, string> = {
  T2019: '2019版',
  T2021: '2021版',
  pre2019: '2019年以前（自由格式）',
  unknown: '未识别',
};

export interface TableLayout {
  table: TableId;
  rows: (RowSpec & { block?: string })[];
  columns: ColumnSpec[];
  /** Columns per row, for table 二 where blocks have different columns. */
  columnsOf: (rowId: string) => ColumnSpec[];
}

/** The rows and columns a report of this template shows, in printed order. */
export function tableLayout(template: TemplateId, table: TableId, t3RowIds?: string[]): TableLayout {
  const def = template === 'T2021' ? TEMPLATES.T2021 : TEMPLATES.T2019;
  if (table === 't2') {
    const rows = def.t2.flatMap((b) => b.rows.map((r) => ({ ...r, block: b.label })));
    const byRow = new Map(def.t2.flatMap((b) => b.rows.map((r) => [r.id, b.columns] as const)));
    const columns = def.t2.flatMap((b) => b.columns).filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i);
    return { table, rows, columns, columnsOf: (id) => byRow.get(id) ?? [] };
  }
  if (table === 't3') {
    const ids = t3RowIds ?? def.t3RowIds;
    const rows = T3_ROWS.filter((r) => ids.includes(r.id));
    return { table, rows, columns: T3_COLUMNS, columnsOf: () => T3_COLUMNS };
  }
  return { table, rows: T4_ROWS, columns: T4_COLUMNS, columnsOf: () => T4_COLUMNS };
}

/** Canonical labels for export: `row` carries its group, as the national form prints it. */
export function rowLabel(template: TemplateId, table: TableId, rowId: string): string {
  if (table === 't3') {
    const r = T3_ROWS.find((x) => x.id === rowId);
    return r ? t3RowLabel(r) : rowId;
  }
  if (table === 't4') return T4_ROWS.find((x) => x.id === rowId)?.label ?? rowId;
  const def = template === 'T2021' ? TEMPLATES.T2021 : TEMPLATES.T2019;
  for (const b of def.t2) for (const r of b.rows) if (r.id === rowId) return r.label;
  return rowId;
}

export function columnLabel(template: TemplateId, table: TableId, colId: string): string {
  if (table === 't3') return T3_COLUMNS.find((c) => c.id === colId)?.label ?? colId;
  if (table === 't4') return T4_COLUMNS.find((c) => c.id === colId)?.label ?? colId;
  const def = template === 'T2021' ? TEMPLATES.T2021 : TEMPLATES.T2019;
  for (const b of def.t2) for (const c of b.columns) if (c.id === colId) return c.label;
  return colId;
}
