// The scan corpus (test/fixtures/scan) read as the importer reads it: a PDF of page pictures, an
// image, a multi-page TIFF, or a folder of page photos as one report, through the OCR, the parser
// and the checks; judged against what each scan must read as. Shared by test/integration/ocr.test.ts
// and bench/ocr.ts.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { processFile, processPageImages, type Processed } from '../../src/main/node/import/process-file.ts';
import { ocrCpuSeconds } from '../../src/main/node/ocr/ocr-client.ts';
import { SCANS, type ScanCase } from '../fixtures/scan/index.ts';
import { judgeRead, referenceReport, type PdfOutcome } from './pdf-corpus.ts';

export { SCANS, type ScanCase };

/** What a PDF of the corpus is judged on, and for a scan also the text's accuracy and the time and CPU per page. */
export interface ScanOutcome extends PdfOutcome {
  /** Characters of the parts right, against the source's parts (1 − edit distance / length). */
  chars?: number;
  /** CPU seconds the process spent (the recogniser's threads included): the machine's other load aside. */
  cpu: number;
  pages: number;
}

export async function readScanCase(c: ScanCase): Promise<Processed> {
  if (c.kind === 'folder') return processPageImages((c.files ?? []).map((f) => new Uint8Array(readFileSync(f))), { fileName: basename(c.path) });
  return processFile(new Uint8Array(readFileSync(c.path)), extname(c.path), { fileName: basename(c.path) });
}

export async function judgeScan(c: ScanCase): Promise<ScanOutcome> {
  const t0 = performance.now();
  const u0 = process.cpuUsage();
  const c0 = ocrCpuSeconds();
  const res = await readScanCase(c);
  const secs = (performance.now() - t0) / 1000;
  const u = process.cpuUsage(u0);
  // This process's (reading the pages, the parser) and the OCR process's.
  const cpu = (u.user + u.system) / 1e6 + ocrCpuSeconds() - c0;
  const expected = { source: { repo: '', path: '', commit: null }, agency: c.agency, agencyAlso: c.agencyAlso, year: c.year, template: c.template, date: c.date, cells: c.cells, consistent: c.consistent };
  if (!res.ok) return { read: false, message: res.message, agency: null, year: null, template: 'unknown', meta: false, key: { right: 0, blank: 0, wrong: 0, total: Object.keys(c.cells).length }, wrong: [], readingErrors: [], secs, cpu, pages: c.pages };
  const ref = c.reference ? await referenceReport(c.reference) : undefined;
  const chars = ref ? charAccuracy(ref.parts.map((p) => p.text).join(''), res.report.parts.map((p) => p.text).join('')) : undefined;
  return { ...judgeRead(res, expected, ref?.cells, new Set(Object.keys(c.covered)), secs), chars, cpu, pages: c.pages };
}

/** 1 − edit distance / the reference's length, spaces and line breaks aside (banded: a long text stays fast). */
export function charAccuracy(reference: string, read: string): number {
  const a = reference.replace(/\s+/g, '');
  const b = read.replace(/\s+/g, '');
  if (!a.length) return b.length ? 0 : 1;
  const band = Math.max(200, Math.abs(a.length - b.length) + 50);
  let prev = new Map<number, number>();
  for (let j = 0; j <= Math.min(b.length, band); j++) prev.set(j, j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Map<number, number>();
    const lo = Math.max(0, i - band);
    const hi = Math.min(b.length, i + band);
    for (let j = lo; j <= hi; j++) {
      if (j === 0) {
        cur.set(0, i);
        continue;
      }
      const del = (prev.get(j) ?? Infinity) + 1;
      const ins = (cur.get(j - 1) ?? Infinity) + 1;
      const sub = (prev.get(j - 1) ?? Infinity) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.set(j, Math.min(del, ins, sub));
    }
    prev = cur;
  }
  const d = prev.get(b.length) ?? Math.max(a.length, b.length);
  return Math.max(0, 1 - d / a.length);
}
