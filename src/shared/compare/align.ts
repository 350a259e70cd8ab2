// Rows aligned by the templates' canonical keys across reports of either template.
// 规范性文件 ↔ 行政规范性文件 share an id; T2019's （六）其他处理 faces the sum of T2021's
// （六）1–3, marked as a sum; a row or column a report's template lacks is "—", never 0.
import type { Cell, Finding, TableId, TemplateId } from '../report/model.ts';
import { T2019_T2, T2021_T2, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS, TABLE_TITLES } from '../report/templates/index.ts';
import { t3RowLabel } from '../report/templates/t3.ts';

export interface CompareReport {
  id: number;
  agency: string | null;
  year: number | null;
  template: TemplateId;
  cells: Cell[];
  findings: Finding[];
}

export interface CompareValue {
  kind: 'number' | 'blank' | 'mark' | 'absent';
  num: number | null;
  text: string;
  /** A sum the comparison made (T2021's （六）1–3 facing T2019's （六）). */
  sum?: boolean;
  /** Findings on this cell, for the hover. */
  findings?: string[];
  /** A reviewer corrected it (the parsed value is kept on record). */
  corrected?: boolean;
}

export interface CompareLine {
  table: TableId;
  row: string;
  col: string;
  rowLabel: string;
  colLabel: string;
  values: CompareValue[];
  /** With two reports: the later minus the earlier, and in percent of the earlier. */
  delta: number | null;
  pct: number | null;
  changed: boolean;
}

export interface CompareTable {
  table: TableId;
  title: string;
  lines: CompareLine[];
}

const SIX_PARTS = ['r6_1', 'r6_2', 'r6_3'];

function t2Rows(templates: Set<TemplateId>) {
  // Blocks of both forms, each row once with every column either form gives it.
  const out: { row: string; rowLabel: string; cols: { id: string; label: string }[] }[] = [];
  for (const blocks of [T2019_T2, T2021_T2]) {
    const which = blocks === T2019_T2 ? 'T2019' : 'T2021';
    if (!templates.has(which)) continue;
    for (const b of blocks)
      for (const r of b.rows) {
        let line = out.find((x) => x.row === r.id);
        if (!line) out.push((line = { row: r.id, rowLabel: r.label, cols: [] }));
        else if (line.rowLabel !== r.label) line.rowLabel = `${line.rowLabel}／${r.label}`;
        for (const c of b.columns) if (!line.cols.some((x) => x.id === c.id)) line.cols.push({ id: c.id, label: c.label });
      }
  }
  return out;
}

function value(r: CompareReport, table: TableId, row: string, col: string): CompareValue {
  const find = (rw: string) => r.cells.find((c) => c.table === table && c.row === rw && c.col === col);
  const notes = (rows: string[]) =>
    r.findings.filter((f) => f.cells.some((c) => c.table === table && rows.includes(c.row) && c.col === col)).map((f) => f.message);
  const c = find(row);
  if (c) {
    const v = c.value;
    const text = v.kind === 'number' ? String(v.num) : v.kind === 'blank' ? '' : v.raw;
    const findings = notes([row]);
    return { kind: v.kind, num: v.num, text, ...(findings.length ? { findings } : {}), ...(c.original ? { corrected: true } : {}) };
  }
  // T2019's single （六） row, read from a T2021 report: the sum of its three sub-rows.
  if (table === 't3' && row === 'r6') {
    const parts = SIX_PARTS.map(find).filter((x): x is Cell => !!x);
    if (parts.length && parts.every((p) => p.value.kind === 'number')) {
      const num = parts.reduce((s, p) => s + (p.value.num ?? 0), 0);
      return { kind: 'number', num, text: String(num), sum: true };
    }
  }
  return { kind: 'absent', num: null, text: '—' };
}

export function alignTables(reports: CompareReport[]): CompareTable[] {
  const templates = new Set(reports.map((r) => r.template));
  const mixed = templates.has('T2019') && templates.has('T2021');
  const tables: CompareTable[] = [];
  const line = (table: TableId, row: string, col: string, rowLabel: string, colLabel: string): CompareLine => {
    const values = reports.map((r) => value(r, table, row, col));
    const nums = values.map((v) => (v.kind === 'number' ? v.num : null));
    let delta: number | null = null;
    let pct: number | null = null;
    if (reports.length === 2 && nums[0] !== null && nums[1] !== null) {
      delta = round(nums[1] - nums[0]);
      pct = nums[0] === 0 ? null : round(((nums[1] - nums[0]) / Math.abs(nums[0])) * 100);
    }
    const texts = values.map((v) => `${v.kind}:${v.text}`);
    return { table, row, col, rowLabel, colLabel, values, delta, pct, changed: texts.some((t) => t !== texts[0]) };
  };

  const t2 = t2Rows(templates).flatMap((r) => r.cols.map((c) => line('t2', r.row, c.id, r.rowLabel, c.label)));
  tables.push({ table: 't2', title: TABLE_TITLES.t2, lines: t2 });

  // Table 三: in a mixed comparison T2019's （六） row stands for T2021's three.
  const t3Rows = T3_ROWS.filter((r) => {
    if (r.id === 'r6') return mixed || reports.some((x) => x.cells.some((c) => c.table === 't3' && c.row === 'r6'));
    if (SIX_PARTS.includes(r.id)) return templates.has('T2021');
    return true;
  });
  const t3 = t3Rows.flatMap((r) => T3_COLUMNS.map((c) => line('t3', r.id, c.id, t3RowLabel(r), c.label)));
  tables.push({ table: 't3', title: TABLE_TITLES.t3, lines: t3 });

  const t4 = T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => line('t4', r.id, c.id, r.group ? `${r.group} ${r.label}` : r.label, c.label)));
  tables.push({ table: 't4', title: TABLE_TITLES.t4, lines: t4 });
  return tables;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
