// 原文对照: a cell's original, answered from the archive's copy of the file: the PDF page and the
// cell's box, the Word table with the cell, the text line, each for a real report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { originalOf } from '../../src/main/node/original.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';

const real = (f: string) => new URL(`../fixtures/real/pt-jsp-2023/${f}`, import.meta.url).pathname;
const opened: Runtime[] = [];
async function archiveOf(file: string) {
  const rt = openRuntime(join(mkdtempSync(join(tmpdir(), 'nianbao-orig-')), 'a.sqlite'), undefined, 1);
  opened.push(rt);
  await rt.importer.wait(rt.importer.start([real(file)]));
  return { archive: rt.archive, id: rt.archive.listReports({})[0].id };
}
afterAll(async () => {
  for (const rt of opened) await rt.close();
});

describe('原文对照', () => {
  it('a PDF cell: the file’s bytes, its page and the box of the cell on it', async () => {
    const { archive, id } = await archiveOf('report.pdf');
    const o = await originalOf(archive, id, 't3', 'new', 'natural');
    if (o.kind !== 'pdf') throw new Error(o.kind);
    expect(o.fileName).toBe('report.pdf');
    expect(o.page).toBe(2);
    // 本年新收 自然人 (2) stands in the column between 243 and 413 points, in the row of 本年新收.
    const [x0, y0, x1, y1] = o.box!;
    expect([Math.round(x0), Math.round(x1)]).toEqual([243, 414]);
    expect(y1 - y0).toBeGreaterThan(10);
    expect(Buffer.from(o.data!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The page holding the file's bytes already asks only where the cell is.
    const again = await originalOf(archive, id, 't3', 'carry', 'natural', false);
    expect(again).toMatchObject({ kind: 'pdf', page: 2 });
    expect('data' in again).toBe(false);
  });

  it('a Word cell: its table as the file holds it, and the cell', async () => {
    const { archive, id } = await archiveOf('report.docx');
    const o = await originalOf(archive, id, 't3', 'new', 'natural');
    if (o.kind !== 'table') throw new Error(o.kind);
    const row = o.rows[o.at.row];
    expect(row.map((c) => c.text).join('|')).toMatch(/^一、本年新收政府信息公开申请数量/);
    expect(row[o.at.col].text).toBe('2');
  });

  it('a text cell: the lines around its line', async () => {
    const { archive, id } = await archiveOf('tabs.txt');
    const o = await originalOf(archive, id, 't3', 'new', 'natural');
    if (o.kind !== 'lines') throw new Error(o.kind);
    expect(o.lines.find((l) => l.no === o.at)?.text).toMatch(/^一、本年新收政府信息公开申请数量\t2\t/);
    expect(o.lines.length).toBe(7);
  });

  it('a cell the report does not have says so', async () => {
    const { archive, id } = await archiveOf('report.docx');
    expect(await originalOf(archive, id, 't3', 'r6', 'natural')).toEqual({ kind: 'none', why: '报告中没有这一格' });
  });
});
