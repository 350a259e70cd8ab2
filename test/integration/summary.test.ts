// Year summary and agency series over the 2021-format fixtures and samples.
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BatchJobs } from '../../src/main/node/export/batch-jobs.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';

let rt: Runtime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-'));
  cpSync(new URL('../fixtures/reports/samples', import.meta.url).pathname, join(dir, 'in/samples'), { recursive: true });
  for (const f of ['t2021-jiaoyu-2023.txt', 't2021-jiaoyu-2024.txt']) cpSync(new URL(`../fixtures/reports/t2021/${f}`, import.meta.url).pathname, join(dir, 'in', f));
  rt = openRuntime(join(dir, 'a.sqlite'));
  await rt.importer.wait(rt.importer.start([join(dir, 'in')]));
});
afterAll(async () => rt?.close());

describe('year summary', () => {
  it('has one row per agency with key figures, totals and the agencies missing', () => {
    const s = rt.archive.yearSummary(2024);
    const by = Object.fromEntries(s.rows.map((r) => [r.agency, r.figures]));
    expect(Object.keys(by).sort()).toEqual(['某市教育局', '淮安市人民政府', '淮安市洪泽区人民政府']);
    expect(by['淮安市人民政府']).toMatchObject({ applications: 3119, opened: 1362, handled: 3050, review: 351, suits: 46, normative: 8 });
    expect(by['某市教育局']).toMatchObject({ applications: 15, opened: 9, review: 3, suits: 2 }); // 未经复议直接起诉 1 + 复议后起诉 1
    // 合计 is the units'; the governments' own reports (which speak for their areas) are summed apart.
    expect(s.totals.applications).toBe(15);
    expect(s.ownTotals!.applications).toBe(3119 + 95);
    // 洪泽区人民政府 reported 2023 under that name and 2024 as 淮安市洪泽区人民政府, a name of the same
    // body with more of its places (proposed for merging on 单位): not missing.
    expect(s.missing).toEqual([]);
  });

  it('stops listing an agency as missing once its names are merged', () => {
    rt.archive.mergeAgencies('洪泽区人民政府', '淮安市洪泽区人民政府');
    expect(rt.archive.yearSummary(2024).missing).toEqual([]);
    const series = rt.archive.agencySeries('淮安市洪泽区人民政府');
    expect(series.names.sort()).toEqual(['洪泽区人民政府', '淮安市洪泽区人民政府']);
    expect(series.rows.map((r) => [r.year, r.figures.applications])).toEqual([
      [2023, 21],
      [2024, 95],
    ]);
    expect(series.rows[0].figures.openRate).toBeCloseTo(4 / 21, 6);
    // 与上一年比较 finds the previous year under the other name; the first year has none.
    const [y2023, y2024] = series.rows.map((r) => r.reportId);
    expect(rt.archive.previousReport(y2024)).toBe(y2023);
    expect(rt.archive.previousReport(y2023)).toBeNull();
  });
});

describe('year batch', () => {
  // Runs after the merge above: 2024 has three agencies, two with a 2023 report.
  const pdfBytes = new TextEncoder().encode('%PDF-1.4\n');

  it('writes each agency with a previous year, then the summary, and says how far it is', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
    const routes: string[] = [];
    const jobs = new BatchJobs(rt.archive, { pdf: async (route) => (routes.push(route), pdfBytes), compare: (inputs) => rt.pool.compare(inputs, 'word') });
    const id = jobs.start(2024, folder);
    const s = await vi.waitFor(() => {
      const x = jobs.status(id)!;
      if (!x.finished) throw new Error('running');
      return x;
    });
    expect(s).toMatchObject({ done: 4, total: 4, written: 6, cancelled: false, error: null, skipped: ['淮安市人民政府：没有2023年度的报告'] });
    expect(readdirSync(folder).sort()).toEqual([
      '2024年度政府信息公开工作年度报告汇总表.pdf',
      '2024年度政府信息公开工作年度报告汇总表.xlsx',
      '某市教育局_2023-2024.pdf',
      '某市教育局_2023-2024.xlsx',
      '淮安市洪泽区人民政府_2023-2024.pdf',
      '淮安市洪泽区人民政府_2023-2024.xlsx',
    ]);
    expect(routes.at(-1)).toBe('/print/summary?year=2024');
    expect(jobs.latest(2024)).toEqual(s);
    expect(jobs.latest(2023)).toBeNull();
  });

  it('stops between sheets when cancelled, keeping what was written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const jobs = new BatchJobs(rt.archive, { pdf: async () => (await gate, pdfBytes) });
    const id = jobs.start(2024, folder);
    // The first PDF is held back: the job is inside its first comparison sheet.
    const during = await vi.waitFor(() => {
      const x = jobs.status(id)!;
      if (x.written < 1) throw new Error('no sheet yet');
      return x;
    });
    expect(during).toMatchObject({ finished: false, total: 4, written: 1 });
    expect(['某市教育局', '淮安市洪泽区人民政府']).toContain(during.current);
    expect(jobs.cancel(id)).toBe(true);
    release();
    const end = await vi.waitFor(() => {
      const x = jobs.status(id)!;
      if (!x.finished) throw new Error('running');
      return x;
    });
    expect(end).toMatchObject({ cancelled: true, written: 2, error: null });
    expect(readdirSync(folder).sort()).toEqual([`${during.current}_2023-2024.pdf`, `${during.current}_2023-2024.xlsx`]);
    expect(jobs.cancel(id)).toBe(false);
  });

  it('says why, rather than printing a sheet of dashes, when a report has no tables', async () => {
    // The scan of 洪泽区人民政府's 2024 report: no text, no tables; its 2023 report has both.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-scan-'));
    const scan = '洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf'; // the one real scan, not the scan corpus beside it
    cpSync(join(new URL('../fixtures/scan/', import.meta.url).pathname, scan), join(dir, 'scan', scan));
    cpSync(new URL('../fixtures/reports/samples/hongze-district-gov-2023.txt', import.meta.url).pathname, join(dir, 'hongze-2023.txt'));
    const own = openRuntime(join(dir, 'a.sqlite'));
    await own.importer.wait(own.importer.start([dir]));
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
    const jobs = new BatchJobs(own.archive, { compare: (inputs) => own.pool.compare(inputs, 'word') });
    const id = jobs.start(2024, folder);
    const s = await vi.waitFor(() => {
      const x = jobs.status(id)!;
      if (!x.finished) throw new Error('running');
      return x;
    });
    expect(s.skipped).toEqual(['洪泽区人民政府：2024年度报告未识别出统计表（如扫描件），未生成比较表']);
    expect(readdirSync(folder).sort()).toEqual(['2024年度政府信息公开工作年度报告汇总表.xlsx']);
    await own.close();
  });
});
