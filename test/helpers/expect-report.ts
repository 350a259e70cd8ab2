// Compares a parsed report with a hand-written expectation, cell by cell.
import { expect } from 'vitest';
import type { ParsedReport } from '../../src/shared/report/model.ts';
import { checkReport } from '../../src/shared/report/checks/index.ts';
import type { Expected } from '../fixtures/expected.ts';
import { expectedCells } from './expected-cells.ts';

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
