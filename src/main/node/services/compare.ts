// Comparing 2 to 6 reports: built in a worker, so a long text diff (up to its time limit)
// never holds up main; and its export as Excel or CSV.
import type { Handlers } from '../../../shared/contract/index.ts';
import { fileSafe } from '../../../shared/print-page.ts';
import type { Archive } from '../archive/archive.ts';
import { comparisonCsv, comparisonXlsx } from '../export/compare-sheet.ts';
import type { ServiceContext } from './context.ts';

type CompareHandlers = Pick<Handlers, 'compare' | 'exportComparison'>;

/** A file name for a comparison sheet: agencies and years. */
export function sheetName(c: { reports: { agency: string | null; year: number | null }[] }): string {
  const agencies = [...new Set(c.reports.map((r) => r.agency ?? '未识别单位'))];
  const years = [...new Set(c.reports.map((r) => r.year ?? ''))].join('-');
  return fileSafe(`报告比较_${agencies.slice(0, 2).join('_')}${agencies.length > 2 ? '等' : ''}_${years}`);
}

export function inputsOf(archive: Archive, ids: number[]) {
  const inputs = archive.compareInputs([...new Set(ids)]);
  if (inputs.length < 2) throw new Error('请选择至少两份不同的报告进行比较');
  return inputs;
}

/** Agencies and years of the reports, for a sheet's file name. */
export function reportsOf(archive: Archive, ids: number[]) {
  return { reports: inputsOf(archive, ids).map((r) => ({ agency: r.agency, year: r.year })) };
}

export function compareHandlers({ archive, pool, saveSheet }: ServiceContext): CompareHandlers {
  const compare = (ids: number[], granularity: 'word' | 'char' = 'word') => pool.compare(inputsOf(archive, ids), granularity);
  return {
    compare: ({ ids, granularity }) => compare(ids, granularity),
    exportComparison: async ({ ids, format }) => {
      const c = await compare(ids);
      return saveSheet(sheetName(c), format, () => comparisonXlsx(c), () => comparisonCsv(c));
    },
  };
}
