// CSV (one row per table cell) and JSON exports, with the templates' canonical labels.
import type { Cell, TemplateId } from '../../../shared/report/model.ts';
import { columnLabel, rowLabel, TABLE_LABELS, tableLayout } from '../../../shared/report/templates/index.ts';
import type { Archive } from '../archive/archive.ts';
import { csvLine } from './csv.ts';

export const CSV_HEADER = ['file', 'agency', 'year', 'template', 'table', 'row', 'column', 'value'];

export function cellValueText(c: Cell): string {
  if (c.value.kind === 'number') return String(c.value.num);
  if (c.value.kind === 'blank') return '';
  return c.value.raw;
}

/** Cells in printed order: table, then row, then column, as the template lays them out. */
export function orderedCells(template: TemplateId, cells: Cell[]): Cell[] {
  const rank = new Map<string, number>();
  let i = 0;
  for (const t of ['t2', 't3', 't4'] as const) {
    const layout = tableLayout(template, t, [...new Set(cells.filter((c) => c.table === t).map((c) => c.row))]);
    for (const r of layout.rows) for (const col of layout.columnsOf(r.id)) rank.set(`${t}|${r.id}|${col.id}`, i++);
  }
  return [...cells].sort((a, b) => (rank.get(`${a.table}|${a.row}|${a.col}`) ?? 1e9) - (rank.get(`${b.table}|${b.row}|${b.col}`) ?? 1e9));
}

export function* exportCsv(archive: Archive): Generator<string> {
  yield csvLine(CSV_HEADER);
  for (const r of archive.exportRows()) {
    for (const c of orderedCells(r.template, archive.cellsOf(r.id))) {
      const row = [r.file, r.agency, r.year, r.template, TABLE_LABELS[c.table], rowLabel(r.template, c.table, c.row), columnLabel(r.template, c.table, c.col), cellValueText(c)];
      yield csvLine(row);
    }
  }
}

export function exportJson(archive: Archive): string {
  const reports = archive.exportRows().map((r) => ({
    id: r.id,
    file: r.file,
    agency: r.agency,
    year: r.year,
    template: r.template,
    status: r.status,
    findings: archive.findingsOf(r.id).map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
    cells: orderedCells(r.template, archive.cellsOf(r.id)).map((c) => ({
      table: TABLE_LABELS[c.table],
      row: rowLabel(r.template, c.table, c.row),
      column: columnLabel(r.template, c.table, c.col),
      value: c.value.kind === 'number' ? c.value.num : c.value.kind === 'blank' ? null : c.value.raw,
    })),
  }));
  return JSON.stringify({ reports }, null, 2);
}
