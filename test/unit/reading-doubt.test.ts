// Whose a failed rule is: the document's when its cells were typed into a table, our reading's
// (识别存疑) when another reading the source allows satisfies it, and the document's again once
// the clerk has checked the cells against the original.
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/shared/report/checks/index.ts';
import type { Cell, Part } from '../../src/shared/report/model.ts';
import { buildNotice } from '../../src/shared/report/notice.ts';
import { statusOf } from '../../src/shared/report/status.ts';
import { T3_COLUMNS } from '../../src/shared/report/templates/index.ts';
import { fullT3, T3_ROWS_T2021 } from '../fixtures/expected.ts';

const num = (n: number) => ({ kind: 'number' as const, num: n, raw: String(n) });
const parts = (texts: Record<number, string>): Part[] => [1, 2, 3, 4, 5, 6].map((no) => ({ no, heading: `${no}`, text: texts[no] ?? '正文' }));

// A consistent 表三: 3 new applications, 2 made public, 1 other; (七) = 3.
const rows = { new: [3, 0, 0, 0, 0, 0, 3], r1: [2, 0, 0, 0, 0, 0, 2], r6_3: [1, 0, 0, 0, 0, 0, 1], r7: [3, 0, 0, 0, 0, 0, 3] };
function t3(how?: Cell['how']): Cell[] {
  return Object.entries(fullT3(T3_ROWS_T2021, rows)).flatMap(([row, vals]) =>
    T3_COLUMNS.map((c, i) => ({ table: 't3' as const, row, col: c.id, value: num(vals[i] ?? 0), source: 'test', ...(how ? { how } : {}) })),
  );
}
const t4: Cell[] = ['review', 'suit_direct', 'suit_after'].flatMap((row) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((col) => ({ table: 't4' as const, row, col, value: num(0), source: 'test' })));
const base = { template: 'T2021' as const, year: 2023, date: '2024-01-20', agency: '某市教育局', parts: parts({ 6: '本年度未收取信息处理费。' }) };

/** 表三's 总计 of 本年新收 read as 1 where the report has 3 (the column cut at the page edge, a neighbour's digit). */
function misread(cells: Cell[], patch: Partial<Cell>): Cell[] {
  return cells.map((c) => (c.row === 'new' && c.col === 'total' ? { ...c, value: num(1), ...patch } : c));
}
const ruleFindings = (cells: Cell[], p = base.parts) => checkReport({ ...base, parts: p, cells: [...cells, ...t4] }).filter((f) => /^R/.test(f.rule));

describe('whose a failed rule is', () => {
  it('a rule failing over cells typed into a Word table is the document’s 错误, and says nothing more', () => {
    const found = ruleFindings(misread(t3(), {}));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'error' && f.fault === undefined)).toBe(true);
  });

  it('read from a PDF with another reading of the same place that satisfies the rule: 识别存疑, a 提醒 naming that reading', () => {
    const cells = misread(t3('geometry'), { alt: [{ value: num(3), why: '按文字顺序读取' }] });
    const found = ruleFindings(cells);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f).toMatchObject({ severity: 'warning', fault: 'reading' });
      expect(f.why).toContain('表三“一、本年新收”“总计”读作3（按文字顺序读取）');
    }
    expect(statusOf(true, checkReport({ ...base, cells: [...cells, ...t4] }))).not.toBe('error');
  });

  it('the number the text states is another reading: 正文 says 3, the PDF cell reads 1', () => {
    const found = ruleFindings(misread(t3('geometry'), {}), parts({ 3: '全年共收到政府信息公开申请3件。', 6: '本年度未收取信息处理费。' }));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.fault === 'reading' && f.why!.includes('正文：“共收到政府信息公开申请3件”'))).toBe(true);
  });

  it('a failure every reading shares is the document’s 错误, and says that no reading satisfies it', () => {
    const cells = misread(t3('geometry'), { alt: [{ value: num(7), why: '按文字顺序读取' }] });
    const found = ruleFindings(cells);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f).toMatchObject({ severity: 'error', fault: 'document' });
      expect(f.why).toContain('各种读法都不满足此规则');
    }
  });

  it('a number the text states against a table read from a PDF claims neither side', () => {
    const p = parts({ 3: '全年共收到政府信息公开申请3件。', 6: '本年度未收取信息处理费。' });
    const cells = misread(t3('geometry'), {});
    const n1 = checkReport({ ...base, parts: p, cells: [...cells, ...t4] }).find((f) => f.rule === 'N1')!;
    expect(n1).toMatchObject({ severity: 'warning', why: '表格中的数值按PDF版面位置读取，与正文不一致时请核对原文' });
    expect(n1.fault).toBeUndefined();
  });

  it('digits split by inference are our reading until checked, even with no other reading', () => {
    const found = ruleFindings(misread(t3('inferred'), {}));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.fault === 'reading' && f.severity === 'warning')).toBe(true);
  });

  it('once the clerk has checked the cell against the original, the failure is the document’s', () => {
    const cells = misread(t3('geometry'), { alt: [{ value: num(3), why: '按文字顺序读取' }], original: num(1) });
    const found = ruleFindings(cells);
    expect(found.length).toBeGreaterThan(0);
    // (The other cells of the rule were placed by geometry too, and no reading of them satisfies it.)
    expect(found.every((f) => f.severity === 'error' && f.fault === 'document')).toBe(true);
  });

  it('the 审核意见 leaves 识别存疑 out, and tells the clerk how many it left out', () => {
    const findings = checkReport({ ...base, cells: [...misread(t3('geometry'), { alt: [{ value: num(3), why: '按文字顺序读取' }] }), ...t4] });
    const n = buildNotice({ agency: '某市教育局', year: 2023, template: 'T2021', findings }, { officeName: '某市政务公开办', deadline: null, today: '2024-02-01', disabledRules: [] });
    const doubts = findings.filter((f) => f.fault === 'reading').length;
    expect(doubts).toBeGreaterThan(0);
    expect(n.items.some((i) => /^R/.test(i.problem) || i.severity === 'error')).toBe(false);
    expect(n.held).toBe(`另有${doubts}处识别存疑（数值由程序从PDF等读取，可能是读取有误），未列入本意见；请在报告页核对原文，确认数值无误后再生成审核意见。`);
  });
});
