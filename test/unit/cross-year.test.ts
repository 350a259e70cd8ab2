import { describe, expect, it } from 'vitest';
import { checkCrossYear } from '../../src/shared/report/checks/cross-year.ts';
import type { Cell } from '../../src/shared/report/model.ts';

const cell = (table: Cell['table'], row: string, col: string, n: number): Cell => ({ table, row, col, value: { kind: 'number', num: n, raw: String(n) }, source: 't' });

describe('cross-year checks', () => {
  const prev = { year: 2023, template: 'T2021' as const, cells: [cell('t3', 'next', 'natural', 2), cell('t3', 'next', 'total', 2), cell('t2', 'normative', 'inForce', 10)] };

  it('X1: carried over this year equals carried forward last year, per column', () => {
    const cur = { year: 2024, template: 'T2021' as const, cells: [cell('t3', 'carry', 'natural', 2), cell('t3', 'carry', 'total', 3)] };
    const f = checkCrossYear(prev, cur);
    expect(f.map((x) => [x.rule, x.severity, x.cells[0].col])).toEqual([['X1', 'error', 'total']]);
    expect(f[0].message).toBe(
      '表三“总计”列：本年“二、上年结转政府信息公开申请数量”为3，而2023年度报告“四、结转下年度继续办理”为2，相差+1（X1：本年上年结转 = 上一年结转下年度）',
    );
  });

  it('X2: documents in force follow from last year, as a warning', () => {
    const cur = {
      year: 2024,
      template: 'T2021' as const,
      cells: [cell('t2', 'normative', 'issued', 3), cell('t2', 'normative', 'repealed', 1), cell('t2', 'normative', 'inForce', 13)],
    };
    const f = checkCrossYear(prev, cur);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['X2', 'warning']]);
    expect(f[0].message).toContain('10 + 本年制发3 − 本年废止1 = 12，相差+1');
    expect(checkCrossYear(prev, { ...cur, cells: [...cur.cells.slice(0, 2), cell('t2', 'normative', 'inForce', 12)] })).toEqual([]);
  });

  it('compares only consecutive years', () => {
    expect(checkCrossYear(prev, { year: 2025, template: 'T2021', cells: [cell('t3', 'carry', 'total', 9)] })).toEqual([]);
  });
});
