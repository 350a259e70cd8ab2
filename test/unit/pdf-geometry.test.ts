// PDF tables read by their ruling lines, on real reports printed the ways offices print them
// (test/fixtures/pdf): the cells as the page shows them, never a shortened or a neighbour's number.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { readPdf } from '../../src/main/node/import/readers/pdf.ts';

const file = (p: string) => new URL(`../fixtures/pdf/${p}`, import.meta.url);
async function parsed(p: string) {
  const r = await processFile(readFileSync(file(p)), '.pdf');
  if (!r.ok) throw new Error(r.message);
  const cell = (t: string, row: string, col: string) => r.report.cells.find((c) => c.table === t && c.row === row && c.col === col);
  return { ...r, cell, num: (t: string, row: string, col: string) => cell(t, row, col)?.value.num ?? null };
}

describe('PDF tables by their geometry', () => {
  it('表三 wider than the page: the cut 总计 column is blank with the reason, the columns on the page read whole, and no rule accuses the unit', async () => {
    // 淮安市人民政府 2024, 表三 fixed wider than A4: 总计 (3119, 369, …) runs off the right edge.
    const r = await parsed('lo-wide/x-huaian-szf-2024.pdf');
    expect(['natural', 'business', 'research', 'public', 'legal', 'other'].map((c) => r.num('t3', 'new', c))).toEqual([3001, 53, 0, 0, 61, 4]);
    expect(r.cell('t3', 'new', 'total')?.value.kind ?? 'blank').toBe('blank');
    expect(r.cell('t3', 'r7', 'total')?.value.kind ?? 'blank').toBe('blank');
    expect(r.report.notes.find((n) => n.code === 'cut-at-edge')?.message).toMatch(/^表三有格子超出页面，数字不完整（第4页），这些格未记录，请对照原文填写$/);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Each cell says where it stands: page and box.
    expect(r.cell('t3', 'new', 'natural')).toMatchObject({ how: 'geometry', at: { kind: 'cell', place: { page: 4 } } });
  });

  it('a row Word broke across pages is one row again: （六）其他处理 1. keeps its values, no 2019-format row is made of it', async () => {
    const r = await parsed('lo-wide/x-huaian-szf-2024.pdf');
    expect(r.report.cells.some((c) => c.row === 'r6')).toBe(false);
    expect(['natural', 'business', 'research', 'public', 'legal', 'other'].map((c) => r.num('t3', 'r6_1', c))).toEqual([67, 3, 0, 0, 1, 0]);
  });

  it('labels and long numbers wrapped inside narrow cells stay in their cells', async () => {
    // 宁波市北仑区 2020: 处理决定数量 82473|6 and 10779|8 wrap inside the cell; labels run over 3–7 lines.
    const content = await readPdf(readFileSync(file('lo-narrow/x-seed-ningbo-bl-2020.pdf')));
    const cells = content.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat().map((c) => c.text) : []));
    expect(cells).toContain('82473\n6');
    expect(cells).toContain('（二）部分公开（区\n分处理的，只计这一\n情形，不计其他情\n形）');
    const r = await parsed('lo-narrow/x-seed-ningbo-bl-2020.pdf');
    expect(r.num('t2', 'penalty', 'decisions')).toBe(107798);
    expect(['natural', 'total'].map((c) => r.num('t3', 'r2', c))).toEqual([9, 12]);
  });

  it('a number clipped by a row one line high is blank, in the cell it left and the cell it ran into', async () => {
    // 管委会办公室 2021, rows of fixed height: 本年新收 自然人 23 shows 2, its 3 stands over 上年结转's 0.
    const r = await parsed('lo-clipped/pt-gwh-2021.pdf');
    for (const [row, col] of [['new', 'natural'], ['new', 'total'], ['carry', 'natural'], ['carry', 'total'], ['r7', 'natural']] as const)
      expect(r.cell('t3', row, col)?.value.kind ?? 'blank', `${row}.${col}`).toBe('blank');
    expect(r.num('t3', 'carry', 'business')).toBe(0);
    expect(r.report.notes.find((n) => n.code === 'cut-clipped')?.message).toMatch(/^表三有格子的数字超出格子被遮住，数字不完整（第\d页），这些格未记录，请对照原文填写$/);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('keeps the pages read as lines as a second reading', async () => {
    const content = await readPdf(readFileSync(file('lo-wide/x-huaian-szf-2024.pdf')));
    expect(content.alternate?.length).toBeGreaterThan(50);
    expect(content.alternate?.every((b) => b.type === 'p' && b.place && b.place.page >= 1)).toBe(true);
  });
});

describe('PDF text in radicals', () => {
  it('reads 人⺠政府 (a font mapping 民 to its radical) as 人民政府, and Kangxi radicals as the characters', async () => {
    const { fromRadicals } = await import('../../src/shared/doc/radicals.ts');
    expect(fromRadicals('宁波市北仑区人⺠政府')).toBe('宁波市北仑区人民政府');
    expect(fromRadicals('⼈⺠政府⻔户⽹站')).toBe('人民政府门户网站');
    expect(fromRadicals('没有部首的文字')).toBe('没有部首的文字');
    // The Chromium print of the 北仑区 report, whose font gives ⺠ for 民.
    const r = await processFile(readFileSync(file('chromium/x-seed-ningbo-bl-2020-report.pdf')), '.pdf');
    expect(r.ok && r.report.agency).toBe('宁波市北仑区人民政府');
  });
});

describe('a printed page copied out as text (pdftotext -layout)', () => {
  for (const name of ['pt-czj-2019-page', 'pt-jjp-2021-form']) {
    it(`${name}: no wrong key cell, and no 错误 from the browser's header and footer or a letter-spaced label`, async () => {
      const { evaluate } = await import('../helpers/corpus.ts');
      const expected = JSON.parse(readFileSync(file(`chromium/${name}.json`), 'utf8'));
      const reference = expected.from ? JSON.parse(readFileSync(new URL(`../fixtures/real/${expected.from}/expected.json`, import.meta.url), 'utf8')) : expected;
      const r = await processFile(readFileSync(file(`layout/${name}.txt`)), '.txt');
      if (!r.ok) throw new Error(r.message);
      const o = evaluate({ ...r.report, findings: r.findings }, { ...reference, ...expected, cells: { ...reference.cells, ...expected.cells } });
      expect(o.cells.filter((c) => c.verdict === 'wrong')).toEqual([]);
      expect(o.cells.filter((c) => c.verdict === 'right').length).toBeGreaterThanOrEqual(o.cells.length - 2);
      expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    });
  }
});
