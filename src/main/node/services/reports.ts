// The library: the list, one report, its files (以此文件为准, 拆分为另一稿), removing it, and
// its original as stored in the archive: opened whole, or where one cell stands (原文对照).
import type { Handlers } from '../../../shared/contract/index.ts';
import { latestBackupDay } from '../archive/backup.ts';
import { reportListCsv, reportListXlsx } from '../export/report-list.ts';
import { originalOf } from '../original.ts';
import type { ServiceContext } from './context.ts';

type ReportHandlers = Pick<Handlers, 'appInfo' | 'listReports' | 'getReport' | 'exportReportList' | 'removeReport' | 'chooseFile' | 'keepApart' | 'openOriginal' | 'originalOf'>;

export function reportHandlers({ archive, platform, shownReport, saveSheet, openTemp, said }: ServiceContext): ReportHandlers {
  return {
    appInfo: () => ({
      version: platform.version,
      archivePath: archive.path,
      reportCount: archive.count(),
      years: archive.years(),
      lastBackup: latestBackupDay(archive.path),
      reviewCount: archive.listReports({ review: true }).length,
    }),
    listReports: (q) => archive.listReports(q),
    // The checks the office switched off are not shown (they stay stored, and come back when switched on).
    getReport: ({ id }) => shownReport(archive.getReport(id)),
    exportReportList: async ({ ids, format }) => {
      const byId = new Map(archive.listReports({}).map((r) => [r.id, r]));
      const list = ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
      if (!list.length) throw new Error('所选的报告已不在档案中');
      return saveSheet(`报告列表_${list.length}份`, format, () => reportListXlsx(list), () => reportListCsv(list));
    },
    removeReport: ({ id }) => ({ removed: archive.removeReport(id) }),
    chooseFile: ({ id }) => (archive.chooseFile(id), shownReport(archive.getReport(id))),
    keepApart: ({ id, apart }) => (archive.keepApart(id, apart), shownReport(archive.getReport(id))),
    originalOf: ({ id, table, row, col, bytes }) => originalOf(archive, id, table, row, col, bytes ?? true),
    openOriginal: async ({ id }) => {
      const o = archive.original(id);
      if (!o) return { opened: false, message: '档案中没有这份报告' };
      // Written from the archive's copy, so it opens even when the source folder is gone.
      const { err } = await openTemp(o.fileName, o.bytes);
      return err ? { opened: false, message: said('无法打开原文件', err) } : { opened: true };
    },
  };
}
