// 填报模板: a year's template (.xlsx and .docx) for one unit of the 单位目录 or every 应报 unit,
// into a folder main asks for.
import type { Handlers } from '../../../shared/contract/index.ts';
import { writeTemplates } from '../export/templates.ts';
import type { ServiceContext } from './context.ts';

export function templateHandlers({ archive, platform }: ServiceContext): Pick<Handlers, 'saveTemplates'> {
  return {
    saveTemplates: async ({ year, unit }) => {
      // Only units of the directory: a name the renderer sends is checked against it.
      const dir = archive.directory();
      const units = unit ? dir.filter((u) => u.name === unit).map((u) => u.name) : dir.filter((u) => u.required).map((u) => u.name);
      if (unit && !units.length) throw new Error(`单位目录中没有“${unit}”`);
      if (!units.length) throw new Error('单位目录中没有应报的单位');
      const folder = await platform.chooseOutputFolder('templates');
      if (!folder) return null;
      const files = await writeTemplates(folder, units, year);
      return { units: units.length, files: files.length, folder };
    },
  };
}
