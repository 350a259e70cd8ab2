// Compares a parsed report with a hand-written expectation, cell by cell.
import { expect } from 'vitest';
import type { Finding, ParsedReport } from '../../src/shared/report/model.ts';
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
  expect(findingKeys(checkReport(r)).sort()).toEqual([...e.rules].sort());
  for (const code of e.notes ?? []) expect(r.notes.map((n) => n.code)).toContain(code);
}

/** "R1:natural" (the column a per-column rule failed in), "R4:review" (the row), "C1" (no cells). */
export function findingKeys(findings: Finding[]): string[] {
  return findings.map((f) => {
    const c = f.cells[0];
    if (!c) return f.rule;
    return `${f.rule}:${(f.rule === 'R1' || f.rule === 'R3') ? c.col : c.row}`;
  });
}
