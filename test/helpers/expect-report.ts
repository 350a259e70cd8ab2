// Compares a parsed report with a hand-written expectation, cell by cell.
import { expect } from 'vitest';
import type { ParsedReport } from '../../src/shared/report/model.ts';
import { checkReport } from '../../src/shared/report/checks/index.ts';
import { TEMPLATES, T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../../src/shared/report/templates/index.ts';
import { fullT3, t3RowIds, type Expected } from '../fixtures/expected.ts';

export function expectedCells(e: Expected): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (e.template !== 'T2019' && e.template !== 'T2021') return out;
  const blocks = TEMPLATES[e.template].t2;
  for (const [row, vals] of Object.entries(e.t2 ?? {})) {
    const cols = blocks.find((b) => b.rows.some((r) => r.id === row))!.columns;
    expect(vals.length, `t2 ${row}`).toBe(cols.length);
    cols.forEach((c, i) => (out[`t2|${row}|${c.id}`] = vals[i]));
  }
  if (e.t3) {
    for (const [row, vals] of Object.entries(fullT3(t3RowIds(e), e.t3))) T3_COLUMNS.forEach((c, i) => (out[`t3|${row}|${c.id}`] = vals[i]));
  }
  e.t4?.forEach((v, i) => (out[`t4|${T4_ROWS[Math.floor(i / 5)].id}|${T4_COLUMNS[i % 5].id}`] = v));
  return out;
}

export function actualCells(r: ParsedReport): Record<string, number | null> {
  return Object.fromEntries(r.cells.map((c) => [`${c.table}|${c.row}|${c.col}`, c.value.kind === 'number' ? c.value.num : null]));
}

export function expectReport(r: ParsedReport, e: Expected): void {
  expect(r.agency).toBe(e.agency);
  expect(r.year).toBe(e.year);
  expect(r.date).toBe(e.date);
  expect(r.template).toBe(e.template);
  expect(r.parts.map((p) => p.no)).toEqual(e.parts);
  expect(r.complete).toBe(e.complete);
  expect(actualCells(r)).toEqual(expectedCells(e));
  const errors = checkReport(r)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule}:${f.cells[0].table === 't3' && f.rule !== 'R2' ? f.cells[0].col : f.cells[0].row}`);
  expect(errors.sort()).toEqual([...e.rules].sort());
  for (const code of e.notes ?? []) expect(r.notes.map((n) => n.code)).toContain(code);
}
