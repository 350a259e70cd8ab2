// 年报档案 on the command line: the same services as the app, no window.
//   npm run cli -- import <文件夹|文件>... [--db 档案文件]
//   npm run cli -- check <文件夹|文件>...
//   npm run cli -- search "<检索词>" [--year 2020-2024] [--json] [--db 档案文件]
//   npm run cli -- compare <报告编号|文件>... --out 比较表.pdf|.xlsx|.csv [--browser 浏览器] [--db 档案文件]
//   npm run cli -- compare --year 2024 --with-previous --out 文件夹 [--no-pdf] [--browser 浏览器] [--db 档案文件]
//   npm run cli -- summary --year 2024 [--region 所属政府] [--own include|exclude] --out 汇总表.docx|.xlsx [--db 档案文件]
//   npm run cli -- template --year 2025 [--unit 单位名称 | --all] --out 文件夹 [--db 档案文件]
//   npm run cli -- list [--db 档案文件]
//   npm run cli -- export --format csv|json [--out 文件] [--db 档案文件]
//   npm run cli -- backup --out 备份文件 [--db 档案文件]
//   npm run cli -- restore 备份文件 [--db 档案文件]
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { TEMPLATE_NAMES } from '../shared/report/templates/index.ts';
import { STATUS_LABELS } from '../shared/report/status.ts';
import { exportCsv, exportJson } from '../main/node/export/archive-export.ts';
import { ParsePool } from '../main/node/import/pool.ts';
import { walk } from '../main/node/import/walk.ts';
import { defaultArchivePath, defaultWorkerUrl, openRuntime, type Runtime } from '../main/node/runtime.ts';
import { findingLabel, statusOf } from '../shared/report/status.ts';
import { compareReports } from '../shared/compare/index.ts';
import { comparisonCsv, comparisonXlsx } from '../main/node/export/compare-sheet.ts';
import { writeYearComparisons } from '../main/node/export/batch.ts';
import type { SheetPrinter } from '../main/node/print/headless-printer.ts';
import { fileSafe, SHEET_ROUTES } from '../shared/print-page.ts';
import { cliPrinter } from './print.ts';
import { Archive } from '../main/node/archive/archive.ts';
import { backupTo, restoreArchive } from '../main/node/archive/backup.ts';
import { visible } from '../shared/visible.ts';
import { importEndLine } from './import-end.ts';
import { failureLines } from './failure.ts';
import { buildNotice } from '../shared/report/notice.ts';
import { noticeDocx } from '../main/node/export/notice-docx.ts';
import { areaDocx, areaXlsx } from '../main/node/export/area-sheet.ts';
import { areaSummary } from '../main/node/archive/area.ts';
import { selectionText } from '../shared/area/selection.ts';
import { writeTemplates } from '../main/node/export/templates.ts';

const USAGE = `用法：
  npm run cli -- import <文件夹或文件>... [--db 档案文件]
  npm run cli -- check <文件夹或文件>... [--out 文件夹 [--office 机构名称] [--deadline 2025-02-20]]
                                                  （只检查，不导入；发现错误时退出码为1；--out 为每份有问题的报告写出审核意见 .docx）
  npm run cli -- search "<检索词>" [--year 2020-2024] [--json] [--db 档案文件]
  npm run cli -- compare <报告编号或文件>... --out 比较表.pdf|.xlsx|.csv [--db 档案文件]
  npm run cli -- compare --year 2024 --with-previous --out 文件夹 [--no-pdf] [--db 档案文件]
  npm run cli -- summary --year 2024 [--region 所属政府] [--own include|exclude] --out 汇总表.docx|.xlsx [--db 档案文件]
  npm run cli -- template --year 2025 [--unit 单位名称 | --all] --out 文件夹 [--db 档案文件]
                                                  （填报模板 .xlsx 和 .docx：一个单位，或单位目录中全部应报单位；
                                                  单位填好后可用 check 自查、用 import 导入）
  npm run cli -- list [--db 档案文件]
  npm run cli -- export --format csv|json [--out 输出文件] [--db 档案文件]
  npm run cli -- backup --out 备份文件 [--db 档案文件]    （档案打开时也可备份，备份经完整性检查）
  npm run cli -- restore 备份文件 [--db 档案文件]         （先完整检查备份；当前档案另存为“archive.sqlite.恢复前-时间”；
                                                  档案正被其他程序使用时不恢复）
不给 --db 时使用程序的默认档案（也可用环境变量 NIANBAO_DB 指定）。
PDF 由本机的 Chromium、Chrome 或 Edge 浏览器生成（自动查找；也可用 --browser 指定程序路径）。`;

/** Options that take no value; every other option does. */
const SWITCHES = new Set(['json', 'with-previous', 'no-pdf', 'all']);

function parseArgs(argv: string[]): { cmd: string; rest: string[]; opts: Record<string, string> } {
  const opts: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      opts[k] = v ?? (SWITCHES.has(k) ? '' : (argv[++i] ?? ''));
    } else rest.push(a);
  }
  return { cmd: rest.shift() ?? '', rest, opts };
}

const { cmd, rest, opts } = parseArgs(process.argv.slice(2));
const db = resolve(opts.db || defaultArchivePath());

async function main(): Promise<number> {
  if (cmd === 'import') {
    if (rest.length === 0) {
      console.error(USAGE);
      return 2;
    }
    const rt = openRuntime(db, undefined, undefined, {}, { use: '导入' });
    try {
      const id = rt.importer.start(rest.map((p) => resolve(p)));
      const timer = setInterval(() => {
        const s = rt.importer.status(id)!;
        if (process.stderr.isTTY) process.stderr.write(`\r正在导入 ${s.done}/${s.total} ${visible(s.current ?? '')}`.padEnd(60).slice(0, 80));
      }, 200);
      await rt.importer.wait(id);
      clearInterval(timer);
      const s = rt.importer.status(id)!;
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (s.warning) console.error(`注意：${s.warning}`);
      // Names and messages (which quote names) shown safely: a name cannot forge a line.
      for (const it of s.items) if (it.status !== 'imported' || it.message !== '已导入') console.log(`[${ITEM_LABEL[it.status]}] ${visible(it.path)}：${visible(it.message)}`);
      console.log(importEndLine(s, db));
      return s.stopped ? 1 : 0;
    } finally {
      await rt.close();
    }
  }
  if (cmd === 'backup') {
    if (!opts.out) {
      console.error(USAGE);
      return 2;
    }
    const archive = new Archive(db, { use: '备份' });
    try {
      const b = await backupTo(archive.db, resolve(opts.out));
      console.log(`已备份：${visible(b.file)}（${b.reports} 份报告，完整性检查通过）`);
    } finally {
      archive.close();
    }
    return 0;
  }
  if (cmd === 'restore') {
    if (rest.length !== 1) {
      console.error(USAGE);
      return 2;
    }
    // Refused, the archive untouched, while another process has it or the backup is no whole archive.
    const aside = restoreArchive(db, resolve(rest[0]));
    console.log(`已从 ${visible(resolve(rest[0]))} 恢复档案 ${visible(db)}；原档案另存为 ${visible(aside)}`);
    return 0;
  }
  if (cmd === 'template') {
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
  if (cmd === 'check') {
    if (rest.length === 0) {
      console.error(USAGE);
      return 2;
    }
    if (opts.deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.deadline)) throw new Error('整改期限写作 2025-02-20 这样的日期');
    return checkFiles(rest.map((p) => resolve(p)), opts.out ? { dir: resolve(opts.out), office: opts.office ?? '', deadline: opts.deadline ?? null } : null);
  }
  if (cmd === 'summary') {
    // The area's tables of a year, for the government's own report.
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
  if (cmd === 'search') {
    const text = rest.join(' ');
    const range = /^(\d{4})(?:\s*[-–~至]\s*(\d{4}))?$/.exec(opts.year ?? '');
    if (opts.year !== undefined && !range) {
      console.error('年度写作 2024 或 2020-2024');
      return 2;
    }
    const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
    try {
      const res = rt.archive.search({
        text,
        ...(range ? { yearFrom: Number(range[1]), yearTo: Number(range[2] ?? range[1]) } : {}),
        limit: Number(opts.limit ?? 50),
      });
      if ('json' in opts) {
        const hits = res.hits.map((h) => ({ reportId: h.reportId, agency: h.agency, year: h.year, part: h.partName, snippet: h.snippet?.text ?? null }));
        process.stdout.write(`${JSON.stringify({ total: res.total, hits })}\n`);
      } else {
        // Hits marked 【…】 in the snippet, as the window highlights them.
        for (const h of res.hits) {
          const s = h.snippet;
          let line = s?.text ?? '';
          if (s) for (const [a, b] of [...s.highlights].reverse()) line = `${line.slice(0, a)}【${line.slice(a, b)}】${line.slice(b)}`;
          console.log(`#${h.reportId} ${h.agency ? visible(h.agency) : '（未识别单位）'} ${h.year ?? '？'}年度${h.partName ? ` · ${h.partName}` : ''}\n    ${visible(line)}`);
        }
        console.log(`共 ${res.total} 份报告${res.total > res.hits.length ? `，显示前 ${res.hits.length} 份` : ''}。`);
      }
    } finally {
      await rt.close();
    }
    return 0;
  }
  if (cmd === 'compare') {
    if (!opts.out) {
      console.error(USAGE);
      return 2;
    }
    const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
    let printer: SheetPrinter | undefined;
    try {
      if (opts.year) {
        // Every report of the year with its agency's previous year (aliases included), as
        // .xlsx and .pdf, and the year's summary beside them.
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
  if (cmd === 'list') {
    const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
    try {
      const rows = rt.archive.listReports({ sort: 'year' });
      for (const r of rows)
        console.log([`#${r.id}`, r.year ?? '？', r.agency ? visible(r.agency) : '（未识别单位）', TEMPLATE_NAMES[r.template], STATUS_LABELS[r.status], visible(r.fileName)].join('\t'));
      console.log(`共 ${rows.length} 份报告。档案：${visible(db)}`);
    } finally {
      await rt.close();
    }
    return 0;
  }
  if (cmd === 'export') {
    const format = opts.format;
    if (format !== 'csv' && format !== 'json') {
      console.error(USAGE);
      return 2;
    }
    const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
    try {
      if (format === 'json') {
        const json = exportJson(rt.archive);
        if (opts.out) writeFileSync(opts.out, json);
        else process.stdout.write(`${json}\n`);
      } else if (opts.out) {
        // Excel reads UTF-8 CSV correctly only with a byte order mark.
        const out = createWriteStream(opts.out);
        out.write('\uFEFF');
        for (const line of exportCsv(rt.archive)) out.write(line);
        await new Promise<void>((res, rej) => out.end((e?: Error) => (e ? rej(e) : res())));
      } else for (const line of exportCsv(rt.archive)) process.stdout.write(line);
    } finally {
      await rt.close();
    }
    return 0;
  }
  console.error(cmd ? `未知命令：${visible(cmd)}\n${USAGE}` : USAGE);
  return 2;
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

/** Checks drafts before publication: the same readers, parser and checks, nothing stored. */
async function checkFiles(paths: string[], notices: { dir: string; office: string; deadline: string | null } | null): Promise<number> {
  const pool = new ParsePool({ workerUrl: defaultWorkerUrl() });
  let errors = 0;
  let failed = 0;
  let files = 0;
  try {
    for await (const f of walk(paths)) {
      if (!f.importable) continue;
      const res = await pool.run(new Uint8Array(await readFile(f.path)), extname(f.path));
      if (!res.ok && res.code === 'not-template') continue; // a workbook beside the drafts, not one of them
      files++;
      if (!res.ok) {
        failed++;
        console.log(`✗ ${visible(f.path)}\n    无法检查：${visible(res.message)}`);
        continue;
      }
      const r = res.report;
      const status = statusOf(r.complete, res.findings);
      const head = `${r.agency ? visible(r.agency) : '（未识别单位）'} ${r.year ?? '？'}年度 ${TEMPLATE_NAMES[r.template]}`;
      console.log(`${status === 'error' ? '✗' : status === 'ok' ? '✓' : '!'} ${visible(f.path)}\n    ${head}：${STATUS_LABELS[status]}`);
      // Findings and notes quote the document's own words.
      for (const x of res.findings) console.log(`    [${findingLabel(x)} ${x.rule}] ${visible(x.message)}`);
      for (const n of r.notes) console.log(`    [说明] ${visible(n.message)}`);
      if (status === 'error') errors++;
      if (notices && res.findings.length) {
        const n = buildNotice({ ...r, findings: res.findings }, { officeName: notices.office, deadline: notices.deadline, disabledRules: [] });
        mkdirSync(notices.dir, { recursive: true });
        const out = join(notices.dir, `${fileSafe(`审核意见_${r.agency ?? basename(f.path)}${r.year ? `_${r.year}年度` : ''}`)}.docx`);
        writeFileSync(out, await noticeDocx(n));
        console.log(`    已写出审核意见：${visible(out)}`);
      }
    }
  } finally {
    await pool.close();
  }
  console.log(`检查了 ${files} 个文件：${errors} 个有错误，${failed} 个无法读取。`);
  return errors > 0 || failed > 0 ? 1 : 0;
}

const ITEM_LABEL = { imported: '已导入', duplicate: '重复', skipped: '跳过', failed: '失败' };

// `… | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

// exitCode, not exit(): stdout to a pipe is asynchronous, and exit() would cut off the end
// of a long export.
main().then(
  (code) => (process.exitCode = code),
  (e) => {
    // A library's or SQLite's own words: the stack to the log file, the clerk's sentences to the screen.
    for (const line of failureLines(e, db)) console.error(line);
    process.exitCode = 1;
  },
);
