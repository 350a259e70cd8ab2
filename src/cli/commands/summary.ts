// summary --year: the area's tables of a year, for the government's own report (.docx or .xlsx).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { areaSummary } from '../../main/node/archive/area.ts';
import { areaDocx, areaXlsx } from '../../main/node/export/area-sheet.ts';
import { openRuntime } from '../../main/node/runtime.ts';
import { selectionText } from '../../shared/area/selection.ts';
import { visible } from '../../shared/visible.ts';
import type { CommandArgs } from '../args.ts';

export async function summaryCommand({ opts, db }: CommandArgs): Promise<number> {
  const year = Number(opts.year);
  const out = opts.out ? resolve(opts.out) : '';
  if (!Number.isInteger(year) || !/\.(docx|xlsx)$/i.test(out) || (opts.own !== undefined && !['include', 'exclude'].includes(opts.own))) {
    console.error('用法：npm run cli -- summary --year 2024 [--region 所属政府] [--own include|exclude] --out 汇总表.docx|.xlsx');
    return 2;
  }
  const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
  try {
    const a = areaSummary(rt.archive, year, { region: opts.region, own: opts.own as 'include' | 'exclude' | undefined });
    if (!a.units.length) throw new Error(`档案中没有${year}年度${a.region ? `“${a.region}”下` : ''}的报告可以汇总`);
    writeFileSync(out, out.toLowerCase().endsWith('.docx') ? await areaDocx(a) : await areaXlsx(a));
    console.log(`已写出：${visible(out)}（${visible(selectionText(a))}${a.own ? `，${a.own.included ? '含' : '不含'}本级“${visible(a.own.agency)}”` : ''}）`);
    for (const n of a.notes) console.log(`注：${visible(n)}`);
    if (a.own && a.differences.length) console.log(`本级“${visible(a.own.agency)}”报告有 ${a.differences.length} 个格子与各单位之和不同（Excel 中另有一页列出）`);
  } finally {
    await rt.close();
  }
  return 0;
}
