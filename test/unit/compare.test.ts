import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReports, computeIndicators, diffPart, formatRate, type CompareInput } from '../../src/shared/compare/index.ts';
import { formatFigure } from '../../src/shared/compare/figures.ts';
import { checkReport } from '../../src/shared/report/checks/index.ts';
import { parseReport } from '../../src/shared/report/parse/index.ts';

function load(path: string, id: number): CompareInput {
  const r = parseReport(readFileSync(new URL(`../fixtures/reports/${path}`, import.meta.url), 'utf8').split('\n').map((text) => ({ type: 'p' as const, text })));
  return { id, agency: r.agency, agencyGroup: r.agencyNormalized, year: r.year, template: r.template, cells: r.cells, findings: checkReport(r), parts: r.parts, fileName: path };
}
const seed004 = load('utf8/seed-004.txt', 1); // T2019, 2020
const huaian = load('samples/huaian-city-gov-2024.txt', 2); // T2021, 2024
const hz23 = load('samples/hongze-district-gov-2023.txt', 3);
const hz24 = load('samples/hongze-district-gov-2024.txt', 4);
const line = (c: ReturnType<typeof compareReports>, table: string, row: string, col: string) => c.tables.find((t) => t.table === table)!.lines.find((l) => l.row === row && l.col === col)!;

describe('alignment across templates', () => {
  const c = compareReports([huaian, seed004]);

  it('orders reports oldest first and computes the change', () => {
    expect(c.reports.map((r) => r.year)).toEqual([2020, 2024]);
    const l = line(c, 't3', 'new', 'total');
    expect(l.values.map((v) => v.num)).toEqual([204, 3119]);
    expect(l.delta).toBe(2915);
    expect(l.pct).toBe(1428.92);
  });

  it('aligns 规范性文件 with 行政规范性文件 and shows a column a template lacks as —', () => {
    const made = line(c, 't2', 'normative', 'made');
    expect(made.rowLabel).toBe('规范性文件／行政规范性文件');
    expect(made.values.map((v) => v.text)).toEqual(['28', '—']);
    expect(line(c, 't2', 'normative', 'issued').values.map((v) => v.text)).toEqual(['—', '8']);
    expect(line(c, 't2', 'procurement', 'amount').values.map((v) => v.kind)).toEqual(['number', 'absent']);
    expect(line(c, 't2', 'normative', 'made').delta).toBeNull();
  });

  it('faces T2019’s （六）其他处理 with the sum of T2021’s （六）1–3, marked as a sum', () => {
    const six = line(c, 't3', 'r6', 'total');
    expect(six.values.map((v) => [v.num, !!v.sum])).toEqual([
      [0, false],
      [187, true], // 71 + 6 + 110
    ]);
    expect(line(c, 't3', 'r6_1', 'total').values.map((v) => v.text)).toEqual(['—', '71']);
  });

  it('marks which lines changed', () => {
    expect(line(c, 't3', 'r5_3', 'business').changed).toBe(false);
    expect(line(c, 't3', 'new', 'total').changed).toBe(true);
  });
});

describe('indicators', () => {
  it('computes the rates from table 三 and 四', () => {
    const i = computeIndicators(huaian.cells);
    expect(formatRate(i.openRate)).toBe('59.5%'); // (1362 + 454) / 3050
    expect(formatRate(i.withheldRate)).toBe('5.8%'); // (2+31+5+6+8+12+9+105 = 178) / 3050
    expect(formatRate(i.reviewCorrection)).toBe('20.4%'); // 64 / (351 − 37)
    // A figure as the screens and sheets show it: a rate in percent, a count as is, none as —.
    expect([formatFigure({ kind: 'rate' }, i.openRate), formatFigure({ kind: 'count' }, 0), formatFigure({ kind: 'count' }, null), formatFigure({ kind: 'rate' }, null)]).toEqual(['59.5%', '0', '—', '—']);
    expect(formatRate(i.suitCorrection)).toBe('12.8%'); // (4 + 1) / (26 + 20 − 1 − 6 = 39)
  });

  it('gives — for a zero denominator', () => {
    const i = computeIndicators(load('utf8/seed-000.txt', 9).cells);
    expect(i.reviewCorrection).toBeNull();
    expect(formatRate(i.reviewCorrection)).toBe('—');
    expect(i.openRate).toBe(1);
  });
});

describe('text comparison', () => {
  it('aligns paragraphs, marks changed words and measures how much text repeats', () => {
    const d = diffPart(5, '五', '存在的主要问题是政策解读形式较为单一。\n下一步将丰富解读形式。', '存在的主要问题是政策解读质量仍需提升。\n下一步将丰富解读形式。\n新增一段。');
    expect(d.pairs.length).toBe(3);
    expect(d.pairs[0].new!.filter((s) => s.op === 'added').map((s) => s.text).join('')).toBe('质量仍需提升');
    expect(d.pairs[0].old!.filter((s) => s.op === 'removed').map((s) => s.text).join('')).toBe('形式较为单一');
    expect(d.pairs[2]).toEqual({ old: null, new: [{ text: '新增一段。', op: 'added' }] });
    // This year: 18 + 10 + 4 = 32 characters; unchanged: 存在的主要问题是政策解读 (12) + 下一步将丰富解读形式 (10).
    expect(d.similarity).toBeCloseTo(22 / 32, 5);
  });

  it('gives up at its time limit instead of freezing', () => {
    const a = Array.from({ length: 400 }, (_, i) => `第${i}段内容${'甲乙丙'.repeat(30)}${i % 7}`).join('\n');
    const b = Array.from({ length: 400 }, (_, i) => `第${i}段内容${'丙乙甲'.repeat(30)}${i % 5}`).join('\n');
    // The limit's own flag says it gave up (no wall-clock bound: a loaded CI machine is slow, not frozen).
    const d = diffPart(1, '一', a, b, 'char', 1);
    expect(d.timedOut).toBe(true);
    expect(d.similarity).toBeNull();
  });

  it('compares two years of one agency, with the cross-year checks', () => {
    const c = compareReports([hz24, hz23]);
    expect(c.text!.parts.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.text!.similarity).toBeGreaterThan(0.3);
    expect(c.text!.similarity).toBeLessThan(0.95);
    // 洪泽区人民政府 and 淮安市洪泽区人民政府 are different names until merged: no cross-year check.
    expect(c.crossYear).toEqual([]);
    const merged = compareReports([{ ...hz24, agencyGroup: 'g' }, { ...hz23, agencyGroup: 'g' }]);
    expect(merged.crossYear).toEqual([]); // consistent: 0 carried forward, 0 carried over, 5 + 3 − 0 = 8
  });
});
