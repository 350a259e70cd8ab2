// A row of table 二 whose digits ran together and read several ways is decided, once the same
// agency's previous year is in the archive, by X2: 现行有效(N) = 现行有效(N−1) + 制发(N) − 废止(N).
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { tmpdir } from 'node:os';

const real = new URL('../fixtures/real/', import.meta.url).pathname;
let rt: Runtime;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-x2-'));
  rt = openRuntime(join(dir, 'archive.sqlite'));
});
afterAll(async () => rt?.close());

const importOne = async (src: string, name: string) => {
  mkdirSync(join(dir, name), { recursive: true });
  copyFileSync(join(real, src), join(dir, name, 'report.txt'));
  const id = rt.importer.start([join(dir, name)]);
  await rt.importer.wait(id);
  return rt.importer.status(id)!.items[0].reportId!;
};
const cell = (id: number, col: string) => rt.archive.getReport(id)!.cells.find((c) => c.table === 't2' && c.row === 'normative' && c.col === col);

describe('cross-year split of a run-together table 二 row', () => {
  it('leaves the row blank alone, and decides it when a neighbouring year arrives', async () => {
    // 管委会办公室 2021, crawled: “行政规范性文件 20 155” (20 | 1 | 55 or 20 | 15 | 5).
    const y2021 = await importOne('pt-gwh-2021/page.txt', 'a');
    expect(cell(y2021, 'inForce')).toBeUndefined();
    expect(rt.archive.getReport(y2021)!.notes.find((n) => n.code === 'split-ambiguous')!.message).toContain('20 155');
    // Its 2022 report (the clerk's copy): 现行有效 89, 制发 34, 废止 0. Only 20 | 1 | 55 gives 55 + 34 − 0 = 89.
    const y2022 = await importOne('pt-gwh-2022/tabs.txt', 'b');
    expect(['issued', 'repealed', 'inForce'].map((c) => cell(y2021, c)?.value.num)).toEqual([20, 1, 55]);
    expect(cell(y2021, 'inForce')).toMatchObject({ how: 'inferred', source: '推断（表格分隔丢失，按2022年度的现行有效、制发和废止件数拆分）' });
    const note = rt.archive.getReport(y2021)!.notes.find((n) => n.message.includes('20 155'))!;
    expect(note.code).toBe('split-inferred');
    expect(note.pending).toBeUndefined();
    // X2 now holds between the two years: no warning on 2022.
    expect(rt.archive.findingsOf(y2022).filter((f) => f.rule === 'X2')).toEqual([]);
  });
});
