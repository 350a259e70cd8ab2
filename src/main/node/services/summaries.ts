// A year's summary, its batch of comparisons with the year before, and one agency's years
// (历年情况, the report of the year before).
import type { Handlers } from '../../../shared/contract/index.ts';
import { summarySheetName } from '../../../shared/print-page.ts';
import { seriesCsv, seriesXlsx, summaryCsv, summaryXlsx } from '../export/compare-sheet.ts';
import type { ServiceContext } from './context.ts';

type SummaryHandlers = Pick<
  Handlers,
  'yearSummary' | 'exportSummary' | 'startBatch' | 'batchStatus' | 'latestBatch' | 'cancelBatch' | 'openBatchFolder' | 'exportSeries' | 'agencySeries' | 'previousReport'
>;

export function summaryHandlers({ archive, platform, batches, saveSheet, said }: ServiceContext): SummaryHandlers {
  return {
    yearSummary: ({ year }) => archive.yearSummary(year),
    exportSummary: async ({ year, format }) => {
      const s = archive.yearSummary(year);
      return saveSheet(summarySheetName(year), format, () => summaryXlsx(s), () => summaryCsv(s));
    },
    startBatch: async ({ year }) => {
      const folder = await platform.chooseOutputFolder('batch');
      return folder ? { jobId: batches.start(year, folder) } : null;
    },
    batchStatus: ({ jobId }) => batches.status(jobId),
    latestBatch: ({ year }) => batches.latest(year),
    cancelBatch: ({ jobId }) => ({ cancelled: batches.cancel(jobId) }),
    openBatchFolder: async ({ jobId }) => {
      const folder = batches.folder(jobId);
      if (!folder) return { opened: false, message: '找不到这次批量生成的文件夹' };
      const err = await platform.openPath(folder);
      return err ? { opened: false, message: said('无法打开文件夹', err) } : { opened: true };
    },
    exportSeries: async ({ agency, format }) => {
      const s = archive.agencySeries(agency);
      return saveSheet(`${s.group}历年情况`, format, () => seriesXlsx(s), () => seriesCsv(s));
    },
    agencySeries: ({ agency }) => archive.agencySeries(agency),
    previousReport: ({ id }) => {
      const prev = archive.previousReport(id);
      return prev ? { id: prev } : null;
    },
  };
}
