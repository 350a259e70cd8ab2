// Printed sheets: each is a print route of the renderer, shown in the PDF viewer, saved, or
// sent to the printer; wide sheets print landscape.
import type { Handlers } from '../../../shared/contract/index.ts';
import { fileSafe, SHEET_ROUTES, summarySheetName, trackingSheetName } from '../../../shared/print-page.ts';
import { reportsOf, sheetName } from './compare.ts';
import { noticeName, recordNoticeOf } from './notices.ts';
import type { ServiceContext } from './context.ts';

type PrintHandlers = Pick<Handlers, 'printSheet'>;
type Sheet = Parameters<Handlers['printSheet']>[0];

export function printHandlers(ctx: ServiceContext): PrintHandlers {
  const { archive, platform, detail, openTemp, said } = ctx;
  /** The print route of a sheet, its file name, and whether it is wide (landscape). */
  function sheetOf(args: Sheet) {
    switch (args.sheet) {
      case 'compare':
        return { route: SHEET_ROUTES.compare(args.ids), name: sheetName(reportsOf(archive, args.ids)), landscape: true };
      case 'summary':
        return { route: SHEET_ROUTES.summary(args.year), name: summarySheetName(args.year), landscape: true };
      case 'series': {
        const s = archive.agencySeries(args.agency);
        return { route: SHEET_ROUTES.series(s.group), name: `${s.group}历年情况`, landscape: true };
      }
      case 'overview':
        return { route: SHEET_ROUTES.overview(args.year, args.region), name: fileSafe(`${args.region ?? ''}${args.year}年度政府信息公开工作年度报告态势`), landscape: true };
      case 'area':
        return { route: SHEET_ROUTES.area(args.year, args.region, args.own), name: fileSafe(`${args.region ?? ''}${args.year}年度政府信息公开工作情况汇总表`), landscape: false };
      case 'tracking':
        return { route: SHEET_ROUTES.tracking(args.year), name: trackingSheetName(args.year), landscape: true };
      case 'notice': {
        const r = detail(args.id);
        return { route: SHEET_ROUTES.notice(args.id, args.deadline, args.crops), name: noticeName(r), landscape: false };
      }
      case 'selfcheck': {
        // The sheet reads the check back by its token; its name from the first file read.
        const f = ctx.selfChecks.get(args.token).files.find((x) => x.ok);
        const who = f?.ok ? `${f.agency ?? f.name}${f.year ? `${f.year}年度` : ''}` : '';
        return { route: SHEET_ROUTES.selfcheck(args.token, args.crops), name: fileSafe(`${who}报送前自查结果`), landscape: false };
      }
      case 'report': {
        const r = detail(args.id);
        return { route: SHEET_ROUTES.report(args.id, args.crops), name: `${r.agency ?? r.fileName}${r.year ? `${r.year}年度` : ''}报告核对表`, landscape: false };
      }
    }
  }

  return {
    printSheet: async (args) => {
      const { route, name, landscape } = sheetOf(args);
      const { action } = args;
      // A notice printed or saved is sent: recorded for 整改跟踪 (a preview is not).
      if (args.sheet === 'notice' && action !== 'preview') recordNoticeOf(ctx, args.id, args.deadline);
      if (action === 'print') {
        const err = await platform.printRoute(route, landscape);
        return { message: err ? said('打印失败', err) : '已发送到打印机' };
      }
      const pdf = await platform.renderPdf(route, landscape);
      if (action === 'save') {
        const path = await platform.saveFile(pdf, `${name}.pdf`, { name: 'PDF 文件', extensions: ['pdf'] });
        return path ? { message: `已保存：${path}`, path } : { message: '已取消保存' };
      }
      const { err, file } = await openTemp(`${name}.pdf`, pdf);
      return err ? { message: said('无法打开预览', err), path: file } : { message: '已在PDF阅读器中打开打印预览', path: file };
    },
  };
}
