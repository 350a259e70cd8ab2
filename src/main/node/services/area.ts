// 区域汇总 and 态势: an area's tables of a year and its overview, and their exports.
import type { Handlers } from '../../../shared/contract/index.ts';
import { fileSafe } from '../../../shared/print-page.ts';
import { areaSummary } from '../archive/area.ts';
import { overview } from '../archive/overview.ts';
import { areaDocx, areaXlsx } from '../export/area-sheet.ts';
import { overviewXlsx } from '../export/overview-sheet.ts';
import type { ServiceContext } from './context.ts';

type AreaHandlers = Pick<Handlers, 'areaSummary' | 'exportArea' | 'overview' | 'exportOverview'>;

export function areaHandlers({ archive, platform }: ServiceContext): AreaHandlers {
  return {
    areaSummary: ({ year, region, own }) => areaSummary(archive, year, { region, own }),
    exportArea: async ({ year, region, own, format }) => {
      const a = areaSummary(archive, year, { region, own });
      if (!a.units.length) throw new Error(`${year}年度${region ? `“${region}”下` : ''}没有报告可以汇总`);
      const name = fileSafe(`${region ?? ''}${year}年度政府信息公开工作情况汇总表`);
      const path =
        format === 'docx'
          ? await platform.saveFile(await areaDocx(a), `${name}.docx`, { name: 'Word 文档', extensions: ['docx'] })
          : await platform.saveFile(await areaXlsx(a), `${name}.xlsx`, { name: 'Excel 工作簿', extensions: ['xlsx'] });
      return path ? { saved: true, path } : { saved: false };
    },
    overview: ({ year, region }) => overview(archive, year, region),
    exportOverview: async ({ year, region }) => {
      const o = overview(archive, year, region);
      if (!o.units.length) throw new Error(`${year}年度${region ? `“${region}”下` : ''}没有报告`);
      const path = await platform.saveFile(await overviewXlsx(o), `${fileSafe(`${region ?? ''}${year}年度政府信息公开工作年度报告态势`)}.xlsx`, { name: 'Excel 工作簿', extensions: ['xlsx'] });
      return path ? { saved: true, path } : { saved: false };
    },
  };
}
