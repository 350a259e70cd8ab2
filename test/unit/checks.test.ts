// Each rule fires on the case it is for, and says in Chinese which table, row and column.
import { describe, expect, it } from 'vitest';
import { checkReport, checkTimeliness } from '../../src/shared/report/checks/index.ts';
import type { Cell, Part } from '../../src/shared/report/model.ts';
import { T3_COLUMNS } from '../../src/shared/report/templates/index.ts';
import { fullT3, T3_ROWS_T2021 } from '../fixtures/expected.ts';
import { findingKeys } from '../helpers/expect-report.ts';

const num = (n: number) => ({ kind: 'number' as const, num: n, raw: String(n) });
function t3Cells(rows: Record<string, number[]>): Cell[] {
  return Object.entries(fullT3(T3_ROWS_T2021, rows)).flatMap(([row, vals]) =>
    T3_COLUMNS.map((c, i) => ({ table: 't3' as const, row, col: c.id, value: num(vals[i] ?? 0), source: 'test' })),
  );
}
const t4 = (vals: number[]): Cell[] =>
  ['review', 'suit_direct', 'suit_after'].flatMap((row, g) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].map((col, i) => ({ table: 't4' as const, row, col, value: num(vals[g * 5 + i]), source: 'test' })),
  );
const parts = (texts: Record<number, string>): Part[] =>
  [1, 2, 3, 4, 5, 6].map((no) => ({ no, heading: `${no}`, text: texts[no] ?? '正文' }));
const t2: Cell[] = [{ table: 't2', row: 'rules', col: 'issued', value: num(0), source: 'test' }];

const consistent = {
  new: [3, 0, 0, 0, 0, 0, 3],
  r1: [2, 0, 0, 0, 0, 0, 2],
  r6_3: [1, 0, 0, 0, 0, 0, 1],
  r7: [3, 0, 0, 0, 0, 0, 3],
};
const base = {
  template: 'T2021' as const,
  year: 2023,
  date: '2024-01-20',
  agency: '某市教育局',
  parts: parts({ 3: '全年共收到政府信息公开申请3件。', 6: '本年度未收取信息处理费。' }),
};

describe('checks', () => {
  it('finds nothing in a consistent report', () => {
    expect(checkReport({ ...base, cells: [...t2, ...t3Cells(consistent), ...t4(Array(15).fill(0))] })).toEqual([]);
  });

  it('R2 names the row whose total is not the sum of the applicant columns', () => {
    const f = checkReport({ ...base, cells: [...t2, ...t3Cells({ ...consistent, r1: [2, 1, 0, 0, 0, 0, 2] }), ...t4(Array(15).fill(0))] });
    expect(findingKeys(f)).toEqual(['R2:r1', 'R3:business']);
    expect(f.find((x) => x.rule === 'R2')!.message).toBe(
      '表三 收到和处理政府信息公开申请情况，“（一）予以公开”行：总计(2) = 2，而 自然人(2) + 商业企业(1) + 其余4项(均为0) = 3，相差 -1（R2：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他）',
    );
  });

  it('R4 per group of table 四, V1 for a negative count, V2 for a blank', () => {
    const cells = [...t2, ...t3Cells(consistent), ...t4([1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])];
    cells.find((c) => c.row === 'r5_2' && c.col === 'other')!.value = { kind: 'blank', num: null, raw: '' };
    cells.find((c) => c.row === 'r5_3' && c.col === 'other')!.value = num(-1);
    const keys = findingKeys(checkReport({ ...base, cells }));
    expect(keys).toContain('R4:review');
    expect(keys).toContain('V1:r5_3');
    expect(keys).toContain('V2:r5_2');
  });

  it('N1 compares the number of applications in the text with table 三', () => {
    const f = checkReport({ ...base, parts: parts({ 3: '2023年，全年共收到政府信息公开申请 5 件，均按时答复。', 6: '未收取信息处理费' }), cells: [...t2, ...t3Cells(consistent), ...t4(Array(15).fill(0))] });
    expect(findingKeys(f)).toEqual(['N1:new']);
    expect(f[0].message).toBe('正文写“共收到政府信息公开申请5件”，而表三“一、本年新收政府信息公开申请数量”的总计为3，相差+2，请核对');
  });

  it('C1, C2 and C3 name what is missing', () => {
    const f = checkReport({ ...base, parts: parts({ 6: '无' }).filter((p) => p.no !== 5), cells: t3Cells(consistent) });
    expect(f.map((x) => x.message)).toEqual([
      '缺少第五部分“存在的主要问题及改进情况”（文件可能不完整或标题写法无法识别）',
      '缺少表二 主动公开政府信息情况',
      '缺少表四 政府信息公开行政复议、行政诉讼情况',
      '第六部分“其他需要报告的事项”没有说明信息处理费的收取情况（2021年起的报告应当说明，依据国办函〔2020〕109号）',
    ]);
  });
});

describe('timeliness (T1)', () => {
  it('holds departments to 31 January from the 2019 reports on', () => {
    expect(checkTimeliness({ agency: '宁波市科技局', year: 2019, date: '2020-01-31' })).toEqual([]);
    expect(checkTimeliness({ agency: '宁波市科技局', year: 2019, date: '2020-02-03' })[0].message).toBe(
      '落款日期2020年2月3日晚于截止日期2020年1月31日：本单位是政府部门（名称不是“人民政府”），《条例》第四十九条规定部门应于每年1月31日前公布',
    );
  });

  it('holds governments to 31 March, and everyone before 2019', () => {
    expect(checkTimeliness({ agency: '宁波市北仑区人民政府', year: 2020, date: '2021-03-15' })).toEqual([]);
    expect(checkTimeliness({ agency: '宁波市北仑区人民政府', year: 2020, date: '2021-04' })).toHaveLength(1);
    expect(checkTimeliness({ agency: '某局', year: 2018, date: '2019-03-20' })).toEqual([]);
    expect(checkTimeliness({ agency: '某局', year: 2018, date: '2019-04-02' })[0].message).toMatch(/2007年《条例》第三十一条/);
  });
});
