// 整改跟踪 behind the contract: the year's list, its .xlsx, and the clerk's 不再适用 on a listed
// finding. Notices are recorded where they are written (notices.ts, print.ts), not here.
import type { Handlers } from '../../../shared/contract/index.ts';
import { fileSafe, trackingSheetName } from '../../../shared/print-page.ts';
import { dismissFinding, tracking } from '../archive/notices.ts';
import { trackingXlsx } from '../export/tracking-sheet.ts';
import type { ServiceContext } from './context.ts';
import { who } from './corrections.ts';

type TrackingHandlers = Pick<Handlers, 'tracking' | 'exportTracking' | 'dismissFinding'>;

export function trackingHandlers({ archive, platform }: ServiceContext): TrackingHandlers {
  return {
    tracking: ({ year }) => tracking(archive, year),
    exportTracking: async ({ year }) => {
      const t = tracking(archive, year);
      if (!t.rows.length) throw new Error(`${year}年度还没有生成过审核意见`);
      const path = await platform.saveFile(await trackingXlsx(t), `${fileSafe(trackingSheetName(year))}.xlsx`, { name: 'Excel 工作簿', extensions: ['xlsx'] });
      return path ? { saved: true, path } : { saved: false };
    },
    dismissFinding: ({ noticeId, key, reason, year }) => {
      dismissFinding(archive, noticeId, key, reason, who());
      return tracking(archive, year);
    },
  };
}
