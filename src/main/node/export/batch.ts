// A year's comparisons in one go: every agency with a report of `year` and one of the year
// before (aliases included) gets a sheet, and the year's summary is written beside them; the
// CLI writes .xlsx, the app .xlsx and .pdf.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareReports } from '../../../shared/compare/index.ts';
import type { Archive } from '../archive/archive.ts';
import { comparisonXlsx, summaryXlsx } from './compare-sheet.ts';

export interface BatchResult {
  written: string[];
  skipped: string[];
}

export async function writeYearComparisons(
  archive: Archive,
  year: number,
  folder: string,
  pdf?: (route: string) => Promise<Uint8Array>,
): Promise<BatchResult> {
  const written: string[] = [];
  const skipped: string[] = [];
  for (const r of archive.listReports({ year, sort: 'agency' })) {
    const prev = archive.previousReport(r.id);
    const agency = r.agency ?? `报告${r.id}`;
    if (!prev) {
      skipped.push(`${agency}：没有${year - 1}年度的报告`);
      continue;
    }
    const base = join(folder, `${agency.replace(/[\\/:*?"<>|]/g, '_')}_${year - 1}-${year}`);
    const c = compareReports([archive.compareInput(prev)!, archive.compareInput(r.id)!]);
    await writeFile(`${base}.xlsx`, await comparisonXlsx(c));
    written.push(`${base}.xlsx`);
    if (pdf) {
      await writeFile(`${base}.pdf`, await pdf(`/print/compare?ids=${prev},${r.id}`));
      written.push(`${base}.pdf`);
    }
  }
  // And the year's summary beside them.
  const summary = join(folder, `${year}年度政府信息公开工作年度报告汇总表`);
  await writeFile(`${summary}.xlsx`, await summaryXlsx(archive.yearSummary(year)));
  written.push(`${summary}.xlsx`);
  if (pdf) {
    await writeFile(`${summary}.pdf`, await pdf(`/print/summary?year=${year}`));
    written.push(`${summary}.pdf`);
  }
  return { written, skipped };
}
