// 审核意见: one report's notice as Word or PDF, or a Word file for every report of a year with findings.
// Each notice written (saved or printed, not previewed) is recorded for 整改跟踪 (archive/notices.ts);
// written on a revised version it is the 再次审核意见.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers, ReportDetail } from '../../../shared/contract/index.ts';
import { fileSafe, SHEET_ROUTES } from '../../../shared/print-page.ts';
import { buildNotice, previousNotice, type Notice } from '../../../shared/report/notice.ts';
import { recordNotice } from '../archive/notices.ts';
import type { Archive } from '../archive/archive.ts';
import { noticeDocx } from '../export/notice-docx.ts';
import type { ServiceContext } from './context.ts';
import { noticePictures } from './notice-pictures.ts';
import { findingKey } from '../../../shared/report/revision.ts';
import { textOriginals } from './notice-originals.ts';

type NoticeHandlers = Pick<Handlers, 'saveNotice' | 'saveNotices'>;

/** 审核意见_<单位>_<年度>: the notice's file name. */
export const noticeName = (r: { agency: string | null; year: number | null; fileName: string }) => fileSafe(`审核意见_${r.agency ?? r.fileName}${r.year ? `_${r.year}年度` : ''}`);

/** The 审核意见 of a report as shown (shownReport: A1 included); a 再次审核意见 when it answers one. */
function noticeOf(archive: Archive, d: ReportDetail, deadline?: string) {
  const s = archive.settings();
  return buildNotice(d, { officeName: s.officeName, deadline: deadline ?? null, disabledRules: s.disabledRules, previous: previousNotice(d) });
}

/** Records a report's notice as written now: the same the printed sheet builds from the report as shown. */
export function recordNoticeOf({ archive, shownReport, detail }: ServiceContext, id: number, deadline?: string): Notice {
  const n = noticeOf(archive, shownReport(detail(id))!, deadline);
  recordNotice(archive, id, n, deadline ?? null);
  return n;
}

/**
 * A report's 审核意见 as .docx; with `crops` (附原文截图) the originals under its findings: pages
 * drawn by the notice's print page, Word tables and text lines from main. The print page is
 * opened only for findings with a page to crop.
 */
async function noticeWord(ctx: ServiceContext, shown: ReportDetail, deadline?: string, crops?: boolean) {
  const n = noticeOf(ctx.archive, shown, deadline);
  const paged = crops && n.items.some((i) => shown.findings.find((f) => findingKey(f) === i.key)?.cells.some((c) => shown.cells.find((x) => x.table === c.table && x.row === c.row && x.col === c.col && x.at?.kind !== 'words' && x.at?.place)));
  const pics = paged ? await noticePictures(ctx, shown.id, n, deadline) : crops ? { byKey: new Map(), dropped: 0 } : null;
  const texts = crops ? await textOriginals(ctx.archive, shown, n) : null;
  const bytes = await noticeDocx(n, pics && texts ? { pictures: pics.byKey, texts } : undefined);
  const count = (m: Map<string, unknown[]>) => [...m.values()].reduce((k, x) => k + x.length, 0);
  const told: { pictures?: number; dropped?: number } = pics && texts ? { pictures: count(pics.byKey) + count(texts), dropped: pics.dropped } : {};
  return { bytes, notice: n, told };
}

export function noticeHandlers(ctx: ServiceContext): NoticeHandlers {
  const { archive, platform, shownReport, detail } = ctx;
  return {
    saveNotice: async ({ id, format, deadline, crops }) => {
      const d = detail(id);
      const name = noticeName(d);
      if (format === 'docx') {
        const w = await noticeWord(ctx, shownReport(d)!, deadline, crops);
        const path = await platform.saveFile(w.bytes, `${name}.docx`, { name: 'Word 文档', extensions: ['docx'] });
        if (path) recordNotice(archive, id, w.notice, deadline ?? null);
        return path ? { saved: true, path, ...w.told } : { saved: false };
      }
      const path = await platform.saveFile(await platform.renderPdf(SHEET_ROUTES.notice(id, deadline, crops), false), `${name}.pdf`, { name: 'PDF 文件', extensions: ['pdf'] });
      if (path) recordNoticeOf(ctx, id, deadline);
      return path ? { saved: true, path } : { saved: false };
    },
    saveNotices: async ({ year, deadline, crops }) => {
      const folder = await platform.chooseOutputFolder('notices');
      if (!folder) return null;
      let written = 0;
      const told = { pictures: 0, dropped: 0 };
      for (const r of archive.listReports({ year, sort: 'agency' })) {
        const d = shownReport(archive.getReport(r.id));
        if (!d || d.findings.length === 0) continue;
        const w = await noticeWord(ctx, d, deadline, crops);
        await writeFile(join(folder, `${fileSafe(noticeName(d))}.docx`), w.bytes);
        recordNotice(archive, d.id, w.notice, deadline ?? null);
        told.pictures += w.told.pictures ?? 0;
        told.dropped += w.told.dropped ?? 0;
        written++;
      }
      return { written, folder, ...(crops ? told : {}) };
    },
  };
}
