// 审核意见: one report's notice as Word or PDF, or a Word file for every report of a year with findings.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers, ReportDetail } from '../../../shared/contract/index.ts';
import { fileSafe, SHEET_ROUTES } from '../../../shared/print-page.ts';
import { buildNotice } from '../../../shared/report/notice.ts';
import type { Archive } from '../archive/archive.ts';
import { noticeDocx } from '../export/notice-docx.ts';
import type { ServiceContext } from './context.ts';

type NoticeHandlers = Pick<Handlers, 'saveNotice' | 'saveNotices'>;

/** 审核意见_<单位>_<年度>: the notice's file name. */
export const noticeName = (r: { agency: string | null; year: number | null; fileName: string }) => fileSafe(`审核意见_${r.agency ?? r.fileName}${r.year ? `_${r.year}年度` : ''}`);

/** The 审核意见 of a report as shown (shownReport: A1 included). */
function noticeOf(archive: Archive, d: ReportDetail, deadline?: string) {
  const s = archive.settings();
  return buildNotice(d, { officeName: s.officeName, deadline: deadline ?? null, disabledRules: s.disabledRules });
}

export function noticeHandlers({ archive, platform, shownReport, detail }: ServiceContext): NoticeHandlers {
  return {
    saveNotice: async ({ id, format, deadline }) => {
      const d = detail(id);
      const name = noticeName(d);
      if (format === 'docx') {
        const path = await platform.saveFile(await noticeDocx(noticeOf(archive, shownReport(d)!, deadline)), `${name}.docx`, { name: 'Word 文档', extensions: ['docx'] });
        return path ? { saved: true, path } : { saved: false };
      }
      const path = await platform.saveFile(await platform.renderPdf(SHEET_ROUTES.notice(id, deadline), false), `${name}.pdf`, { name: 'PDF 文件', extensions: ['pdf'] });
      return path ? { saved: true, path } : { saved: false };
    },
    saveNotices: async ({ year, deadline }) => {
      const folder = await platform.chooseOutputFolder('notices');
      if (!folder) return null;
      let written = 0;
      for (const r of archive.listReports({ year, sort: 'agency' })) {
        const d = shownReport(archive.getReport(r.id));
        if (!d || d.findings.length === 0) continue;
        await writeFile(join(folder, `${fileSafe(noticeName(d))}.docx`), await noticeDocx(noticeOf(archive, d, deadline)));
        written++;
      }
      return { written, folder };
    },
  };
}
