// Scans imported as a clerk imports them, through the importer's workers into a real archive: a
// multi-page 1-bit TIFF and a sealed colour scan PDF of corpus reports (test/fixtures/scan), read by
// the OCR. Their cells are the report's, marked as read by OCR with the cell's page and box; a cell
// the seal hides is blank, never a number; 原文对照 gives the scanned page with the cell's box.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { originalOf } from '../../src/main/node/original.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { loadScan, type ScanCase } from '../fixtures/scan/index.ts';
import { evaluate } from '../helpers/corpus.ts';
import { judgeRead, referenceReport } from '../helpers/pdf-corpus.ts';
import { readScanCase } from '../helpers/scan-corpus.ts';

const opened: Runtime[] = [];
afterAll(async () => {
  for (const rt of opened) await rt.close();
});

async function imported(c: ScanCase) {
  const rt = openRuntime(join(mkdtempSync(join(tmpdir(), 'nianbao-ocr-')), 'a.sqlite'), undefined, 1);
  opened.push(rt);
  const job = rt.importer.start([c.path], { pages: c.kind === 'folder' });
  await rt.importer.wait(job);
  const items = rt.importer.status(job)!.items;
  const summary = rt.archive.listReports({})[0];
  const report = summary ? rt.archive.getReport(summary.id)! : null;
  return { rt, items, report };
}

const judged = (c: ScanCase, report: NonNullable<Awaited<ReturnType<typeof imported>>['report']>) =>
  evaluate({ ...report, cells: report.cells, findings: report.findings } as never, {
    source: { repo: '', path: '', commit: null },
    agency: c.agency,
    agencyAlso: c.agencyAlso,
    year: c.year,
    template: c.template,
    date: c.date,
    cells: c.cells,
    consistent: c.consistent,
  });

describe('scans read by OCR on import', () => {
  it('a multi-page TIFF: one report, its agency, year, format and every key cell, each marked as read by OCR', async () => {
    const c = loadScan('tiff/pt-jsp-2023.tif', 'tiff');
    const { rt, items, report } = await imported(c);
    expect(items.map((i) => i.status)).toEqual(['imported']);
    expect(report!.format).toBe('image');
    expect(report!.encoding).toBe('图片（TIFF，6页）');
    const o = judged(c, report!);
    expect({ agency: o.agency, year: o.year, template: o.template }).toEqual({ agency: true, year: true, template: true });
    expect(o.cells.filter((x) => x.verdict !== 'right')).toEqual([]);
    const cell = report!.cells.find((x) => x.table === 't3' && x.row === 'new' && x.col === 'natural')!;
    expect(cell.how).toBe('ocr');
    expect(cell.source).toMatch(/^第\d页 表格\d+ 第\d+行 第\d+格，文字识别（OCR，把握\d+%）/);
    expect(report!.notes.some((n) => n.code === 'ocr')).toBe(true);
    // 原文对照: the page as scanned, the cell's box on it.
    const view = await originalOf(rt.archive, report!.id, 't3', 'new', 'natural');
    if (view.kind !== 'image') throw new Error(view.kind);
    expect(view.pages).toBe(6);
    expect(Buffer.from(view.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const [x0, y0, x1, y1] = view.box!;
    expect(x0).toBeGreaterThan(0);
    expect(x1).toBeLessThan(view.width);
    expect(y1 - y0).toBeGreaterThan(8);
  }, 300_000);

  it('a sealed scan: the cell under the seal is blank with the reason, the rest is the report, and no 错误 is the unit’s', async () => {
    const c = loadScan('stamp/pt-zrz-2022.pdf', 'pdf');
    const { items, report } = await imported(c);
    expect(items.map((i) => i.status)).toEqual(['imported']);
    expect(report!.encoding).toBe('PDF（扫描件，文字识别）');
    const o = judged(c, report!);
    expect({ agency: o.agency, year: o.year, template: o.template }).toEqual({ agency: true, year: true, template: true });
    expect(o.cells.filter((x) => x.verdict === 'wrong')).toEqual([]);
    expect(o.cells.find((x) => x.key === 't3.new.natural')!.actual ?? null).toBeNull();
    // The seal is opaque: the rules under it are gone too, and the cells it joins are read as blank, not guessed.
    expect(o.cells.filter((x) => x.verdict === 'right').length).toBeGreaterThanOrEqual(9);
    // The sums fail over the blank: the reading's doubt, never the unit's error.
    expect(report!.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 300_000);
});

describe('a folder of page photos imported as one report', () => {
  it('makes one PDF of its pictures in page order (页1 … 页5), kept as the original, and reads it by OCR without a wrong number', async () => {
    const c = loadScan('photo/pt-lyy-2019', 'folder');
    const { rt, items, report } = await imported(c);
    expect(items.map((i) => [i.status, i.name])).toEqual([['imported', 'pt-lyy-2019（5张图片）.pdf']]);
    expect(rt.archive.listReports({})).toHaveLength(1);
    expect(report!.format).toBe('pdf');
    expect(report!.encoding).toBe('PDF（扫描件，文字识别）');
    const o = judged(c, report!);
    expect({ agency: o.agency, year: o.year, template: o.template }).toEqual({ agency: true, year: true, template: true });
    expect(o.cells.filter((x) => x.verdict === 'wrong')).toEqual([]);
    const original = rt.archive.original(report!.id)!;
    expect(Buffer.from(original.bytes).subarray(0, 5).toString()).toBe('%PDF-');
  }, 300_000);
});

describe('the OCR in a process of its own', () => {
  /** The OCR processes now running under this one (Linux: /proc), by their script's name; counted when called (a stop ends the process right after). */
  async function ocrProcesses(): Promise<number> {
    let n = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ocr-process')) n++;
      } catch {
        // ended meanwhile
      }
    }
    return n;
  }

  it.runIf(process.platform === 'linux')('a worker ended in the middle of a scan: the import goes on, and the shared OCR process ends with its last scan, giving its memory back', async () => {
    const { ParsePool } = await import('../../src/main/node/import/pool.ts');
    const pool = new ParsePool({ workerUrl: new URL('../../src/main/node/import/worker.ts', import.meta.url), size: 1 });
    const c = loadScan('pdf-300/pt-spp-2022.pdf', 'pdf');
    let seen = 0;
    // Stopped by the clerk as the second page begins: the first was read, the OCR process is at work.
    const res = await pool.run(new Uint8Array(readFileSync(c.path)), '.pdf', {}, (page) => {
      if (page < 2) return true;
      void ocrProcesses().then((n) => (seen = n));
      return false;
    });
    expect(res).toMatchObject({ ok: false, message: '导入已停止' });
    await expect.poll(() => seen).toBe(1);
    // The stopped file was the only scan: the process is ended with it, not after its idle wait.
    await expect.poll(ocrProcesses, { timeout: 20_000, interval: 250 }).toBe(0);
    // The pool goes on with a fresh worker.
    const next = await pool.run(new Uint8Array(readFileSync(new URL('../fixtures/real/pt-jsp-2023/tabs.txt', import.meta.url))), '.txt');
    expect(next.ok).toBe(true);
    await pool.close();
  }, 120_000);

  it('an OCR process over its memory ceiling ends itself, and the scan is told why', async () => {
    const { openOcrProcess, OcrFailed } = await import('../../src/main/node/ocr/ocr-client.ts');
    // The models alone take more than 100 MB: the process ends itself while loading them.
    const failed = await openOcrProcess(1, undefined, 100).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(OcrFailed);
    expect(failed).toMatchObject({ why: 'memory' });
    // Under the real ceiling it reads, and ends when closed.
    const ocr = await openOcrProcess(1);
    const [line] = await ocr.recognize([{ width: 40, height: 30, dpi: 200, data: new Uint8Array(1200).fill(255) }]);
    expect(line.text).toBe('');
    ocr.close();
    if (process.platform === 'linux') await expect.poll(ocrProcesses, { timeout: 5000 }).toBe(0);
  }, 60_000);
});

describe('pages read in the wrong place before', () => {
  const read = async (c: ScanCase) => {
    const res = await readScanCase(c);
    if (!res.ok) throw new Error(res.message);
    const ref = await referenceReport(c.reference!);
    const o = judgeRead(res, { source: { repo: '', path: '', commit: null }, agency: c.agency, agencyAlso: c.agencyAlso, year: c.year, template: c.template, date: c.date, cells: c.cells, consistent: c.consistent }, ref.cells, new Set(Object.keys(c.covered)), 0);
    const cell = (t: string, row: string, col: string) => res.report.cells.find((x) => x.table === t && x.row === row && x.col === col)?.value.raw ?? null;
    return { res, o, cell };
  };

  it('photos taken at an angle are made rectangles again: 表二 reads 规章 0 0 0 and 行政规范性文件 34 0 89, the title its agency, nothing wrong', async () => {
    const { res, o, cell } = await read(loadScan('photo/pt-gwh-2022', 'folder'));
    expect(res.report.agency).toBe('平潭综合实验区管委会办公室');
    expect(['issued', 'repealed', 'inForce'].map((c) => cell('t2', 'rules', c))).toEqual(['0', '0', '0']);
    expect(['issued', 'repealed', 'inForce'].map((c) => cell('t2', 'normative', c))).toEqual(['34', '0', '89']);
    expect(o.wrong).toEqual([]);
  }, 300_000);

  it('a 1-bit G4 TIFF whose thresholding lost most rules: 表三’s rows and columns rebuilt from its text, 5 and 1 under 自然人 and 总计, nothing wrong', async () => {
    const { o, cell } = await read(loadScan('tiff/x-seed-ningbo-kjj-2019.tif', 'tiff'));
    expect(['new', 'carry', 'r1'].flatMap((r) => ['natural', 'total'].map((c) => cell('t3', r, c)))).toEqual(['5', '5', '0', '0', '1', '1']);
    expect(['made', 'published', 'totalPublic'].map((c) => cell('t2', 'normative', c))).toEqual(['4', '4', '4']);
    expect(o.key.right).toBeGreaterThanOrEqual(14);
    expect(o.wrong).toEqual([]);
  }, 300_000);

  it('a long screenshot is read in pieces and its light table read right: 淮安市人民政府, 表二 规章 1 0 11, nothing wrong', async () => {
    const { res, o, cell } = await read(loadScan('image/x-huaian-szf-2024.jpg', 'image'));
    expect(res.report.agency).toBe('淮安市人民政府');
    expect(['issued', 'repealed', 'inForce'].map((c) => cell('t2', 'rules', c))).toEqual(['1', '0', '11']);
    expect(o.wrong).toEqual([]);
  }, 300_000);
});
