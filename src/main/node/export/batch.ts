// A year's comparisons in one go: every agency with a report of `year` and one of the year
// before (aliases included) gets a sheet, and the year's summary is written beside them,
// as .xlsx and, when a PDF renderer is given, .pdf.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileSafe, SHEET_ROUTES, summarySheetName } from '../../../shared/print-page.ts';
import { compareReports, type CompareInput, type Comparison } from '../../../shared/compare/index.ts';
import type { Archive } from '../archive/archive.ts';
import { comparisonXlsx, summaryXlsx } from './compare-sheet.ts';

export interface BatchResult {
  written: string[];
  skipped: string[];
  /** True when stopped by the signal before the end; what was written stays. */
  cancelled: boolean;
}

/** Called before each sheet: sheets done, sheets in all (the summary is the last), which. */
export type BatchProgress = (done: number, total: number, current: string) => void;

export interface BatchOptions {
  /** Renders a print route to PDF; without it, Excel only. */
  pdf?: (route: string) => Promise<Uint8Array>;
  progress?: BatchProgress;
  /** Stops the batch between sheets. */
  signal?: AbortSignal;
  onWritten?: (path: string) => void;
  /** Builds a comparison; the app passes its worker pool's, so main is never held up. */
  compare?: (inputs: CompareInput[]) => Comparison | Promise<Comparison>;
}

export async function writeYearComparisons(archive: Archive, year: number, folder: string, opts: BatchOptions = {}): Promise<BatchResult> {
  const { pdf, progress, signal, onWritten, compare = compareReports } = opts;
  const written: string[] = [];
  const skipped: string[] = [];
  const reports = archive.listReports({ year, sort: 'agency' });
  const total = reports.length + 1;
  const write = async (path: string, bytes: Uint8Array) => {
    await writeFile(path, bytes);
    written.push(path);
    onWritten?.(path);
  };
  for (const [i, r] of reports.entries()) {
    if (signal?.aborted) return { written, skipped, cancelled: true };
    const agency = r.agency ?? `报告${r.id}`;
    progress?.(i, total, agency);
    const prev = archive.previousReport(r.id);
    if (!prev) {
      skipped.push(`${agency}：没有${year - 1}年度的报告`);
      continue;
    }
    const base = join(folder, `${fileSafe(agency)}_${year - 1}-${year}`);
    const inputs = archive.compareInputs([prev, r.id]);
    // Nothing to set side by side: a sheet of dashes helps no one; say why instead.
    const empty = inputs.filter((x) => x.cells.length === 0);
    if (empty.length) {
      skipped.push(`${agency}：${empty.map((x) => `${x.year ?? ''}年度`).join('和')}报告未识别出统计表（如扫描件），未生成比较表`);
      continue;
    }
    const c = await compare(inputs);
    await write(`${base}.xlsx`, await comparisonXlsx(c));
    if (pdf) await write(`${base}.pdf`, await pdf(SHEET_ROUTES.compare([prev, r.id])));
  }
  if (signal?.aborted) return { written, skipped, cancelled: true };
  progress?.(reports.length, total, '年度汇总表');
  const summary = join(folder, summarySheetName(year));
  await write(`${summary}.xlsx`, await summaryXlsx(archive.yearSummary(year)));
  if (pdf) await write(`${summary}.pdf`, await pdf(SHEET_ROUTES.summary(year)));
  progress?.(total, total, '');
  return { written, skipped, cancelled: false };
}
