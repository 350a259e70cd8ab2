// compare: 2 to 6 reports (numbers or files) into one sheet, or --year: every agency of the
// year with its previous year (aliases included), as .xlsx and .pdf, and the year's summary.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { writeYearComparisons } from '../../main/node/export/batch.ts';
import { comparisonCsv, comparisonXlsx } from '../../main/node/export/compare-sheet.ts';
import type { SheetPrinter } from '../../main/node/print/headless-printer.ts';
import { openRuntime, type Runtime } from '../../main/node/runtime.ts';
import { compareReports } from '../../shared/compare/index.ts';
import { SHEET_ROUTES } from '../../shared/print-page.ts';
import { visible } from '../../shared/visible.ts';
import { USAGE, type CommandArgs } from '../args.ts';
import { cliPrinter } from '../print.ts';

export async function compareCommand({ rest, opts, db }: CommandArgs): Promise<number> {
  if (!opts.out) {
    console.error(USAGE);
    return 2;
  }
  const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
  let printer: SheetPrinter | undefined;
  try {
    if (opts.year) {
      const year = Number(opts.year);
      if (!Number.isInteger(year)) throw new Error('年度写作 2024 这样的四位数字');
      if (!rt.archive.years().includes(year)) throw new Error(`档案中没有${year}年度的报告（档案中有：${rt.archive.years().join('、') || '无'}）`);
      if (!('no-pdf' in opts)) printer = await cliPrinter(rt, opts.browser);
      mkdirSync(opts.out, { recursive: true });
      const pdf = printer && ((route: string) => printer!.pdf(route, true));
      const r = await writeYearComparisons(rt.archive, year, opts.out, {
        pdf,
        progress: (done, total, name) => {
          if (process.stderr.isTTY) process.stderr.write(`\r正在生成 ${done}/${total} ${visible(name)}`.padEnd(60).slice(0, 80));
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      for (const s of r.skipped) console.log(`跳过：${visible(s)}`);
      for (const f of r.written) console.log(`已写出：${visible(f)}`);
      console.log(`共写出 ${r.written.length} 个文件（比较表和年度汇总表）。`);
    } else {
      if (rest.length < 2 || rest.length > 6) throw new Error('请给出2至6个报告编号（见 list 命令的 #编号）或报告文件');
      const out = opts.out;
      const ext = extname(out).toLowerCase();
      if (!['.csv', '.xlsx', '.pdf'].includes(ext)) throw new Error('输出文件应为 .pdf、.xlsx 或 .csv');
      // Before any file is imported: a PDF this PC cannot make is said at once.
      if (ext === '.pdf') printer = await cliPrinter(rt, opts.browser);
      const ids = await reportIds(rt, rest);
      const c = compareReports(rt.archive.compareInputs(ids));
      if (ext === '.csv') writeFileSync(out, comparisonCsv(c));
      else if (ext === '.xlsx') writeFileSync(out, await comparisonXlsx(c));
      else writeFileSync(out, await printer!.pdf(SHEET_ROUTES.compare(ids), true));
      console.log(`已写出：${visible(out)}`);
    }
  } finally {
    await printer?.close();
    await rt.close();
  }
  return 0;
}

/** Report numbers as given; a file is imported first (or found by its content if it is
 *  already in the archive), so its sheet can be printed like any other. */
async function reportIds(rt: Runtime, args: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const a of args) {
    if (/^#?\d+$/.test(a)) {
      ids.push(Number(a.replace('#', '')));
      continue;
    }
    const path = resolve(a);
    if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`“${visible(a)}”既不是报告编号，也不是文件`);
    const job = rt.importer.start([path]);
    await rt.importer.wait(job);
    const item = rt.importer.status(job)!.items[0];
    if (!item?.reportId) throw new Error(`无法比较 ${visible(a)}：${visible(item?.message ?? '只能读取 .doc、.docx 和 .txt 文件')}`);
    console.log(item.status === 'imported' ? `已导入档案：${visible(a)} → #${item.reportId}` : `档案中已有：${visible(a)} → #${item.reportId}`);
    ids.push(item.reportId);
  }
  return ids;
}
