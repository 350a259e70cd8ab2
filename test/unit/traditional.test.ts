// A report in Traditional characters (a portal's 繁體 view, sometimes with pinyin glosses) reads
// as the same report in Simplified: made here from a real report of the corpus by OpenCC.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/cn2t';
import { expect, it } from 'vitest';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { isTraditional, simplifiedBlocks } from '../../src/shared/doc/traditional.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const real = readFileSync(new URL('../fixtures/real/pt-gwh-2022/tabs.txt', import.meta.url), 'utf8');

const parse = async (text: string) => {
  const res = await processFile(new TextEncoder().encode(text), '.txt', { fileName: 'report.txt' });
  if (!res.ok) throw new Error(res.message);
  return res.report;
};

it('reads a report in Traditional characters, pinyin glosses and all, as the same report', async () => {
  const simple = await parse(real);
  const traditional = toTraditional(real);
  expect(traditional).not.toBe(real);
  expect(isTraditional(traditional)).toBe(true);
  // As a portal's translated view prints some characters: 實(shí)驗(yàn)區(qū).
  const glossed = traditional.replace(/實驗區/g, '實(shí)驗(yàn)區(qū)');
  expect(glossed).toContain('(shí)');
  const r = await parse(glossed);
  expect([r.agency, r.year, r.template]).toEqual([simple.agency, simple.year, simple.template]);
  expect(r.agency).toBe('平潭综合实验区管委会办公室');
  expect(r.cells.map((c) => [c.table, c.row, c.col, c.value.kind, c.value.num])).toEqual(simple.cells.map((c) => [c.table, c.row, c.col, c.value.kind, c.value.num]));
  expect(r.cells.length).toBeGreaterThan(100);
  expect(r.notes.map((n) => n.code)).toContain('traditional');
  // A Simplified report is left as it is.
  expect(isTraditional(real)).toBe(false);
  expect(simple.notes.map((n) => n.code)).not.toContain('traditional');
});

it('drops pinyin glosses also where too little is Traditional to convert, document after document', () => {
  const long = { type: 'p' as const, text: `${'政府信息公开工作年度报告。'.repeat(50)}二酉苗族鄉(xiāng)` };
  const short = { type: 'p' as const, text: '二酉乡(xiāng)人民政府' };
  expect(simplifiedBlocks([long]).blocks[0]).toMatchObject({ text: expect.stringMatching(/苗族鄉$/) }); // too little Traditional to convert; the gloss goes
  expect(simplifiedBlocks([short]).blocks[0]).toEqual({ type: 'p', text: '二酉乡人民政府' });
});
