// 填报模板 for units of a year, written into a folder: for each unit its .xlsx and .docx, named
// <单位名称>-<年度>年度政府信息公开工作年度报告（填报模板）. Shared by the app and the CLI.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOfYear, templateFileName } from '../../../shared/report/fill-template.ts';
import { templateDocx } from './template-docx.ts';
import { templateXlsx } from './template-xlsx.ts';

/** The paths written, two per unit. */
export async function writeTemplates(folder: string, units: string[], year: number): Promise<string[]> {
  const format = formatOfYear(year);
  const written: string[] = [];
  for (const unit of units) {
    for (const [ext, bytes] of [
      ['xlsx', await templateXlsx({ format, unit, year })],
      ['docx', await templateDocx({ format, unit, year })],
    ] as const) {
      const path = join(folder, templateFileName(unit, year, ext));
      await writeFile(path, bytes);
      written.push(path);
    }
  }
  return written;
}
