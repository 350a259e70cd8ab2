// One unit's report of a year held as four files (the unit's Word file, the portal's PDF, the
// saved web page, the crawler's text) and then revised: every list, sum and export counts it once.
// The report is a real one of the corpus (平潭 财政金融局 2020); its second version is the clerk's
// text copy with 表三's new requests changed from 0 to 2 (and 予以公开, 总计 with them) and a later
// signature, as a unit sends back a corrected report.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaSummary } from '../../src/main/node/archive/area.ts';
import { overview } from '../../src/main/node/archive/overview.ts';
import { areaXlsx } from '../../src/main/node/export/area-sheet.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';

const REAL = new URL('../fixtures/real/pt-czj-2020/', import.meta.url).pathname;
const AGENCY = '平潭综合实验区财政金融局';
let rt: Runtime;
let dir: string;

async function importFiles(...names: string[]) {
  const job = rt.importer.start(names.map((n) => join(dir, n)));
  await rt.importer.wait(job);
  return rt.importer.status(job)!;
}
const fileId = (name: string) => (rt.archive.db.prepare('SELECT id FROM reports WHERE file_name = ?').get(name) as { id: number }).id;
const cell = (id: number, row: string, col: string) => rt.archive.cellsOf(id).find((c) => c.table === 't3' && c.row === row && c.col === col)!;
const newTotal = (a: ReturnType<typeof areaSummary>) => a.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')!.sum;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-copies-'));
  for (const f of ['report.docx', 'report.pdf', 'report.html', 'page.txt']) copyFileSync(join(REAL, f), join(dir, f));
  const revised = readFileSync(join(REAL, 'tabs.txt'), 'utf8')
    .replace('一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2')
    .replace(/(（一）予以公开)\t0((?:\t0){5})\t0/, '$1\t2$2\t2')
    .replace('（七）总计\t0\t0\t0\t0\t0\t0\t0', '（七）总计\t2\t0\t0\t0\t0\t0\t2')
    .replace('2021年1月27日', '2021年2月3日');
  writeFileSync(join(dir, '第二稿.txt'), revised);
  rt = openRuntime(join(dir, 'a.sqlite'));
});
afterAll(async () => rt?.close());

describe('one report in four files', () => {
  it('is one report, read from the Word file, the others its copies with the reason', async () => {
    const st = await importFiles('page.txt', 'report.pdf', 'report.html', 'report.docx');
    expect(st.counts.imported).toBe(4);
    expect(st.next).toEqual({ review: 0, copies: 3, versions: 0 });
    const list = rt.archive.listReports({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ agency: AGENCY, year: 2020, fileName: 'report.docx', otherFiles: 3, versions: 1, record: true });
    const d = rt.archive.getReport(list[0].id)!;
    expect(d.files!.files.map((f) => [f.fileName, f.form, f.primary]).sort()).toEqual([
      ['page.txt', '文本', false],
      ['report.docx', 'Word', true],
      ['report.html', '网页', false],
      ['report.pdf', 'PDF', false],
    ]);
    for (const f of d.files!.files.filter((x) => !x.primary)) expect(f.why).toMatch(/^正文相同/);
    expect(cell(list[0].id, 'new', 'total').value.num).toBe(0);
    expect(cell(list[0].id, 'new', 'total').source).not.toMatch(/另一文件/);
    // A copy opened on its own says whose copy it is.
    expect(rt.archive.getReport(fileId('report.pdf'))).toMatchObject({ record: false, copyOf: list[0].id, otherFiles: 3 });
  });

  it('counts it once in 汇总, 区域汇总, 态势, search and the exports', async () => {
    expect(rt.archive.count()).toBe(1);
    expect(rt.archive.yearSummary(2020).rows).toHaveLength(1);
    const a = areaSummary(rt.archive, 2020, { region: '平潭综合实验区' });
    expect(a.units.map((u) => u.agency)).toEqual([AGENCY]);
    expect(newTotal(a)).toBe(0);
    const o = overview(rt.archive, 2020, '平潭综合实验区');
    expect(o.units).toHaveLength(1);
    expect(rt.archive.search({ text: '财政金融局' }).total).toBe(1);
    expect(rt.archive.search({ text: '财政金融局' }).hits[0]).toMatchObject({ fileName: 'report.docx', otherFiles: 3 });
    expect(rt.archive.exportRows()).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    const xlsx = join(dir, 'area.xlsx');
    writeFileSync(xlsx, await areaXlsx(a));
    await wb.xlsx.readFile(xlsx);
    // Who added what: each cell names the unit once, never once per file.
    const values = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(values.some((v) => v.includes(AGENCY))).toBe(true);
    expect(values.filter((v) => v.split(AGENCY).length > 2)).toEqual([]);
  });
});

describe('a second version', () => {
  it('is the report of record, its findings tracked against the first', async () => {
    const st = await importFiles('第二稿.txt');
    expect(st.next).toEqual({ review: 0, copies: 0, versions: 1 });
    expect(st.items[0].message).toMatch(/为第2稿/);
    const list = rt.archive.listReports({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ fileName: '第二稿.txt', version: 2, versions: 2, record: true, date: '2021-02-03' });
    expect(cell(list[0].id, 'new', 'total').value.num).toBe(2);
    const files = rt.archive.getReport(list[0].id)!.files!;
    expect(files.versions.map((v) => [v.version, v.fileName, v.record, v.files])).toEqual([
      [1, 'report.docx', false, 4],
      [2, '第二稿.txt', true, 1],
    ]);
    expect(newTotal(areaSummary(rt.archive, 2020, { region: '平潭综合实验区' }))).toBe(2);
    expect(rt.archive.yearSummary(2020).rows.map((r) => r.figures.applications)).toEqual([2]);
    expect(rt.archive.search({ text: '财政金融局' }).hits.map((h) => h.fileName)).toEqual(['第二稿.txt']);
  });

  it('goes back to the Word file when the clerk chooses it, and a copy can be split off', () => {
    rt.archive.chooseFile(fileId('report.docx'));
    const list = rt.archive.listReports({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ fileName: 'report.docx', version: 1, record: true });
    expect(newTotal(areaSummary(rt.archive, 2020, { region: '平潭综合实验区' }))).toBe(0);
    // The PDF is not the same report after all: a version of its own, never grouped again.
    rt.archive.keepApart(fileId('report.pdf'), true);
    const pdf = rt.archive.getReport(fileId('report.pdf'))!;
    expect(pdf.copyOf).toBeNull();
    expect(pdf.files!.versions).toHaveLength(3);
    expect(rt.archive.listReports({})).toHaveLength(1);
  });

  it('moves its copies with it when its agency is corrected', () => {
    const id = fileId('report.docx');
    rt.archive.correct(id, 'meta:agency', '平潭综合实验区财政局', '测试');
    for (const f of ['page.txt', 'report.html']) expect(rt.archive.getReport(fileId(f))).toMatchObject({ agency: '平潭综合实验区财政局', copyOf: id });
    expect(rt.archive.getReport(id)).toMatchObject({ agency: '平潭综合实验区财政局', otherFiles: 2, versions: 1, record: true });
    // The other versions keep the old name: the unit's year there still has its report of record.
    expect(rt.archive.listReports({}).map((r) => r.agency).sort()).toEqual(['平潭综合实验区财政局', AGENCY].sort());
  });
});
