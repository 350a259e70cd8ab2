// The area's tables summed over real reports: counts, money in 万元 with decimals, blanks not
// counted as 0 but named, and the two national formats mapped where they correspond.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaCells, sumAreaTables, type AreaUnit } from '../../src/shared/area/sum.ts';
import { parseReport } from '../../src/shared/report/parse/index.ts';

let nextId = 1;
const unit = (path: string): AreaUnit => {
  const r = parseReport(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8').split('\n').map((text) => ({ type: 'p' as const, text })));
  return { reportId: nextId++, agency: r.agency!, template: r.template, cells: r.cells };
};
const value = (u: AreaUnit, table: string, row: string, col: string) => u.cells.find((c) => c.table === table && c.row === row && c.col === col)!.value.num!;
const at = (a: ReturnType<typeof sumAreaTables>, table: string, row: string, col: string) => a.cells.find((c) => c.table === table && c.row === row && c.col === col)!;

describe('the area’s tables', () => {
  const huaian = unit('reports/samples/huaian-city-gov-2024.txt');
  const hongze = unit('reports/samples/hongze-district-gov-2024.txt');

  it('adds each cell over the units and keeps who added what', () => {
    const a = sumAreaTables([huaian, hongze]);
    expect(a.template).toBe('T2021');
    expect(a.units).toBe(2);
    const c = at(a, 't3', 'new', 'total');
    expect(c.sum).toBe(3119 + 95);
    expect(c.parts.map((p) => [p.agency, p.value])).toEqual([
      ['淮安市人民政府', 3119],
      ['淮安市洪泽区人民政府', 95],
    ]);
    expect(at(a, 't4', 'review', 'total').sum).toBe(value(huaian, 't4', 'review', 'total') + value(hongze, 't4', 'review', 'total'));
  });

  it('keeps money in 万元 with its decimals', () => {
    const a = sumAreaTables([huaian, hongze]);
    const fee = at(a, 't2', 'fees', 'feeAmount');
    const expected = Math.round((value(huaian, 't2', 'fees', 'feeAmount') + value(hongze, 't2', 'fees', 'feeAmount')) * 10000) / 10000;
    expect(fee.sum).toBe(expected);
    expect(String(fee.sum)).toMatch(/\./); // 万元 with decimals, not rounded to whole
  });

  it('names a unit whose cell is blank instead of counting it as 0 (one cell of a real report blanked)', () => {
    const blanked: AreaUnit = { ...hongze, reportId: 99, cells: hongze.cells.map((c) => (c.table === 't3' && c.row === 'new' && c.col === 'total' ? { ...c, value: { kind: 'blank' as const, num: null, raw: '' } } : c)) };
    const a = sumAreaTables([huaian, blanked]);
    const c = at(a, 't3', 'new', 'total');
    expect(c.sum).toBe(3119);
    expect(c.blank).toEqual(['淮安市洪泽区人民政府']);
    expect(areaCells(a).find((x) => x.table === 't3' && x.row === 'new' && x.col === 'total')!.source).toBe('1 个单位之和（1 个单位未填）');
  });

  it('maps the formats: T2021’s （六）1–3 count in T2019’s （六） when most units use 2019', () => {
    const seeds = ['seed-000', 'seed-003', 'seed-004'].map((s) => unit(`reports/utf8/${s}.txt`));
    expect(seeds.map((s) => s.template)).toEqual(['T2019', 'T2019', 'T2019']);
    const a = sumAreaTables([...seeds, huaian]);
    expect(a.template).toBe('T2019');
    const six = at(a, 't3', 'r6', 'total');
    const huaianSix = ['r6_1', 'r6_2', 'r6_3'].reduce((s, r) => s + value(huaian, 't3', r, 'total'), 0);
    expect(six.parts.find((p) => p.agency === '淮安市人民政府')).toEqual({ reportId: huaian.reportId, agency: '淮安市人民政府', value: huaianSix, mapped: '（六）1–3项之和' });
    expect(six.sum).toBe(seeds.reduce((s, u) => s + value(u, 't3', 'r6', 'total'), 0) + huaianSix);
    expect(a.notes).toEqual(['1 个单位使用2021版格式：其表三（六）1–3项之和计入“（六）其他处理”；表二两版不同的项目按“无此项”列出']);
  });

  it('shows （六） as one row too when units give it so, and says which cannot be split into 1–3', () => {
    // 洪泽区's real 2024 report is in the 2021 format but prints （六）其他处理 as one row, as 2019's did.
    const seed = unit('reports/utf8/seed-004.txt');
    const a = sumAreaTables([huaian, hongze, seed]);
    expect(a.template).toBe('T2021');
    expect(at(a, 't3', 'r6_1', 'total').absent).toEqual(['淮安市洪泽区人民政府', '宁波市北仑区人民政府']);
    const six = at(a, 't3', 'r6', 'total');
    expect(six.parts.map((p) => [p.agency, p.mapped ?? ''])).toEqual([
      ['淮安市人民政府', '（六）1–3项之和'],
      ['淮安市洪泽区人民政府', ''],
      ['宁波市北仑区人民政府', ''],
    ]);
    expect(a.notes[0]).toMatch(/^1 个单位使用2019版格式/);
  });
});
