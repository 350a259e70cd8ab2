// Every OCR number is checked by the sums (checks/ocr-digits.ts), on the cells of a real report
// (平潭 管委会办公室 2021, its Word file) made into what the recogniser would give: a doubtful
// digit is confirmed by the rules it takes part in, replaced by the engine's other reading that
// alone makes them hold, or left blank with what was read — never kept on faith.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { settleOcrDigits } from '../../src/shared/report/checks/ocr-digits.ts';
import type { Cell, ParsedReport } from '../../src/shared/report/model.ts';

let parsed: ParsedReport;
beforeAll(async () => {
  const r = await processFile(new Uint8Array(readFileSync(new URL('../fixtures/real/pt-gwh-2021/report.docx', import.meta.url))), '.docx');
  if (!r.ok) throw new Error(r.message);
  parsed = r.report;
});

/** The report as OCR would give it: every cell recognised, sure of itself. */
function asRead(): ParsedReport & { cell: (t: string, row: string, col: string) => Cell } {
  const r = structuredClone(parsed);
  for (const c of r.cells) Object.assign(c, { how: 'ocr', conf: 0.99 });
  r.notes = [];
  return Object.assign(r, { cell: (t: string, row: string, col: string) => r.cells.find((c) => c.table === t && c.row === row && c.col === col)! });
}
const num = (n: number) => ({ kind: 'number' as const, num: n, raw: String(n) });

describe('OCR numbers settled by the sums', () => {
  it('a doubtful 28 the sums refuse becomes the engine’s other reading 23, which alone makes them hold, and says so', () => {
    const r = asRead();
    const c = r.cell('t3', 'new', 'natural');
    expect(c.value.num).toBe(23);
    Object.assign(c, { value: num(28), conf: 0.6, alt: [{ value: num(23), why: 'OCR候选“23”' }, { value: num(88), why: 'OCR候选“88”' }] });
    settleOcrDigits(r);
    expect(c.value.num).toBe(23);
    expect(c.alt?.[0]).toEqual({ value: num(28), why: 'OCR首选读法' });
    expect(c.source).toMatch(/按勾稽关系在OCR候选中选定（首选读作28）$/);
    expect(r.notes.map((n) => n.code)).toEqual(['ocr-chosen']);
  });

  it('a doubtful number the sums hold, and would refuse if it were another, stands as confirmed', () => {
    const r = asRead();
    const c = r.cell('t3', 'r1', 'natural');
    Object.assign(c, { conf: 0.6 });
    settleOcrDigits(r);
    expect(c.value.num).toBe(2);
    expect(c.source).toMatch(/经勾稽关系验证$/);
    expect(r.notes).toEqual([]);
  });

  it('a doubtful number no reading makes consistent is blank, with what was read and the other readings', () => {
    const r = asRead();
    const c = r.cell('t3', 'new', 'total');
    Object.assign(c, { value: num(28), conf: 0.6, alt: [{ value: num(88), why: 'OCR候选“88”' }] });
    settleOcrDigits(r);
    expect(c.value.kind).toBe('blank');
    expect(r.notes.map((n) => n.message)).toEqual([expect.stringMatching(/^表三“一、本年新收.*”“总计”：文字识别把握不足（读作28，候选88），没有一种读法符合勾稽关系，未记录，请对照原文填写$/)]);
  });

  it('a doubtful number no rule checks (表二) is blank: nothing could confirm it', () => {
    const r = asRead();
    const c = r.cell('t2', 'normative', 'issued');
    expect(c.value.num).toBe(20);
    Object.assign(c, { conf: 0.7 });
    settleOcrDigits(r);
    expect(c.value.kind).toBe('blank');
    expect(r.notes[0].message).toMatch(/读作20）.*没有勾稽关系可以验证/);
  });

  it('a table whose sums fail in several places trusts none of its numbers until the sums confirm each', () => {
    const r = asRead();
    // A column shifted by one, as where a rule was not found: 自然人 takes 商业企业's values.
    for (const c of r.cells.filter((x) => x.table === 't3' && x.col === 'natural')) c.value = r.cell('t3', c.row, 'business').value;
    settleOcrDigits(r);
    const wrong = r.cells.filter((x) => x.table === 't3' && x.col === 'natural' && x.value.kind === 'number' && x.value.num !== parsed.cells.find((p) => p.table === 't3' && p.row === x.row && p.col === 'natural')!.value.num);
    expect(wrong.map((x) => x.row)).toEqual([]);
  });

  it('a 表三 row whose numbers slid one column over (a seal’s star hid its first cell) is blank, and the sums it fails shake no other row', () => {
    const r = asRead();
    // As the sealed scan read 本年新收: 自然人 under the star, the row's numbers one column to the left.
    const row = ['business', 'research', 'public'].map((col) => r.cell('t3', 'new', col));
    row.forEach((c, i) => {
      if (c.at?.kind !== 'cell') throw new Error('not from a cell');
      c.at = { ...c.at, col: c.at.col + 1 };
      c.value = num(5 + 2 * i);
    });
    settleOcrDigits(r);
    expect(row.map((c) => c.value.kind)).toEqual(['blank', 'blank', 'blank']);
    const others = r.cells.filter((c) => c.table === 't3' && c.row !== 'new');
    const source = (c: Cell) => parsed.cells.find((p) => p.table === c.table && p.row === c.row && p.col === c.col)!.value;
    expect(others.filter((c) => c.value.num !== source(c).num || c.value.kind !== source(c).kind).map((c) => `${c.row}.${c.col}`)).toEqual([]);
  });

  it('a 表二 number one column off its row’s others (a cell read empty let the next number slide in) is blank, though read surely', () => {
    const r = asRead();
    // As the long screenshot read 规章 “1 | 0 | 11” with the 1 and the 0 lost: 11 came in as 本年废止.
    const issued = r.cell('t2', 'rules', 'issued');
    const repealed = r.cell('t2', 'rules', 'repealed');
    expect(issued.at?.kind).toBe('cell');
    if (repealed.at?.kind !== 'cell') throw new Error('not from a cell');
    repealed.at = { ...repealed.at, col: repealed.at.col + 1 };
    repealed.value = num(11);
    settleOcrDigits(r);
    expect(repealed.value.kind).toBe('blank');
    expect(issued.value.kind).toBe('blank');
    expect(r.cell('t2', 'normative', 'issued').value.num).toBe(20);
    expect(r.notes.map((n) => n.message)).toContain('表二“规章”“本年废止件数”：读作11，但表格的行列与格式不符（表格线可能未识别全），读数位置不可靠，没有勾稽关系可以验证，未记录，请对照原文填写');
  });

  it('two rows of the form read from one row of the page’s table (the rule between them lost) are both blank', () => {
    const r = asRead();
    const rules = r.cells.filter((c) => c.table === 't2' && c.row === 'rules');
    const normative = r.cells.filter((c) => c.table === 't2' && c.row === 'normative');
    const row = rules[0].at?.kind === 'cell' ? rules[0].at.row : -1;
    for (const c of normative) if (c.at?.kind === 'cell') c.at = { ...c.at, row };
    settleOcrDigits(r);
    expect([...rules, ...normative].filter((c) => c.value.kind === 'number')).toEqual([]);
  });

  it('表四’s three groups, printed as one row of the page, stay read', () => {
    const r = asRead();
    settleOcrDigits(r);
    const t4 = r.cells.filter((c) => c.table === 't4');
    expect(new Set(t4.map((c) => (c.at?.kind === 'cell' ? c.at.row : null))).size).toBe(1);
    expect(t4.filter((c) => c.value.kind !== 'number')).toEqual([]);
  });
});
