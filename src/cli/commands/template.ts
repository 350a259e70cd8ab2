// template --year 2025 (--unit 单位名称 | --all) --out 文件夹: 填报模板 (.xlsx and .docx) for one
// unit, or for every 应报 unit of the archive's 单位目录.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Archive } from '../../main/node/archive/archive.ts';
import { writeTemplates } from '../../main/node/export/templates.ts';
import { visible } from '../../shared/visible.ts';
import { USAGE, type CommandArgs } from '../args.ts';

export async function templateCommand({ opts, db }: CommandArgs): Promise<number> {
  const year = Number(opts.year);
  if (!opts.out || !Number.isInteger(year) || (opts.unit === undefined) === (opts.all === undefined)) {
    console.error(USAGE);
    return 2;
  }
  if (year < 2019 || year > 2100) throw new Error('填报模板的年度应为2019年及以后（2019年以前的报告没有统一格式）');
  let units: string[];
  if (opts.unit !== undefined) {
    if (!opts.unit.trim()) throw new Error('请用 --unit 写出单位名称');
    units = [opts.unit.trim()];
  } else {
    const archive = new Archive(db, { use: '查看' });
    try {
      units = archive.directory().filter((u) => u.required).map((u) => u.name);
    } finally {
      archive.close();
    }
    if (!units.length) throw new Error('单位目录中没有应报的单位（先在程序的“单位目录”中确认，或用 --unit 指定单位）');
  }
  const out = resolve(opts.out);
  mkdirSync(out, { recursive: true });
  const files = await writeTemplates(out, units, year);
  for (const f of files) console.log(`已生成：${visible(f)}`);
  console.log(`共 ${units.length} 个单位、${files.length} 个文件（${year >= 2021 ? '2021' : '2019'}年版格式）`);
  return 0;
}
