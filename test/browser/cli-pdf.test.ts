// PDFs from the command line: the CLI renders the app's print routes in the machine's
// Chromium (found by itself, as on a user's PC) and writes the year batch as .xlsx and .pdf.
// Needs the built renderer, so it runs with the browser tests. The headless printer behind it
// is also tested directly: many sheets on one page, each current.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import type { BrowserOptions } from '../../src/main/node/print/find-browser.ts';
import { headlessPrinter, type SheetPrinter } from '../../src/main/node/print/headless-printer.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { createHandlers, type Platform } from '../../src/main/node/services.ts';
import { SHEET_ROUTES } from '../../src/shared/print-page.ts';
import { cellTarget } from '../../src/shared/report/corrections.ts';
import { parseValue } from '../../src/shared/report/parse/values.ts';

const root = new URL('../../', import.meta.url).pathname;
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'src/cli/index.ts'), ...args], { encoding: 'utf8', cwd: root });
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
let dir: string;
let db: string;

/** The CLI's printer over the test archive, closed after `use`. */
async function withPrinter(use: (printer: SheetPrinter, rt: Runtime) => Promise<void>, browser: BrowserOptions = {}, timeoutMs?: number) {
  const rt = openRuntime(db, undefined, 1);
  const handlers = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: {} as Platform });
  const printer = headlessPrinter(handlers, join(root, 'out/renderer'), { sandbox: false, ...browser }, timeoutMs);
  try {
    await use(printer, rt);
  } finally {
    await printer.close();
    await rt.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-pdf-'));
  db = join(dir, 'a.sqlite');
  expect(cli('import', join(root, 'test/fixtures/reports/samples'), '--db', db).status).toBe(0);
  // 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one agency, as a user would merge them.
  const a = new Archive(db);
  a.mergeAgencies('洪泽区人民政府', '淮安市洪泽区人民政府');
  a.close();
});

describe('cli pdf', () => {
  it('writes one comparison sheet as PDF', () => {
    const list = cli('list', '--db', db).stdout;
    const ids = [...list.matchAll(/#(\d+)\t(\d+)\t[^\t]*洪泽区人民政府/g)].sort((x, y) => Number(x[2]) - Number(y[2])).map((m) => m[1]);
    expect(ids).toHaveLength(2);
    const out = join(dir, 'sheet.pdf');
    const r = cli('compare', ...ids, '--out', out, '--db', db);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`已写出：${out}\n`);
    const text = pdfText(out);
    expect(text).toContain('政府信息公开工作年度报告比较表');
    expect(text).toMatch(/一、本年新收政府信息公开申请数量\s+总计\s+21\s+95\s+\+74/);
    expect(text.replace(/\s+/g, '')).toMatch(/第1页共\d+页/);
  });

  it('writes the year batch as Excel and PDF, with the summary', () => {
    const out = join(dir, 'batch');
    const r = cli('compare', '--year', '2024', '--with-previous', '--out', out, '--db', db);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('跳过：淮安市人民政府：没有2023年度的报告');
    expect(r.stdout).toContain('共写出 4 个文件（比较表和年度汇总表）。');
    expect(readdirSync(out).sort()).toEqual([
      '2024年度政府信息公开工作年度报告汇总表.pdf',
      '2024年度政府信息公开工作年度报告汇总表.xlsx',
      '淮安市洪泽区人民政府_2023-2024.pdf',
      '淮安市洪泽区人民政府_2023-2024.xlsx',
    ]);
    expect(pdfText(join(out, '淮安市洪泽区人民政府_2023-2024.pdf'))).toMatch(/一、本年新收政府信息公开申请数量\s+总计\s+21\s+95\s+\+74/);
    const summary = pdfText(join(out, '2024年度政府信息公开工作年度报告汇总表.pdf'));
    expect(summary).toContain('2024年度政府信息公开工作年度报告汇总表');
    expect(summary).toContain('淮安市人民政府');
  });

  it('prints sheet after sheet on one page, each with its own and current data', async () => {
    await withPrinter(async (printer, rt) => {
      const text = async (route: string) => {
        const file = join(dir, 'one.pdf');
        writeFileSync(file, await printer.pdf(route, true));
        return pdfText(file);
      };
      const [older, newer] = rt.archive.listReports({ agency: '洪泽区' }).sort((a, b) => a.year! - b.year!).map((r) => r.id);
      expect(await text(SHEET_ROUTES.compare([older, newer]))).toMatch(/一、本年新收政府信息公开申请数量\s+总计\s+21\s+95\s+\+74/);
      expect(await text(SHEET_ROUTES.summary(2024))).toContain('2024年度政府信息公开工作年度报告汇总表');
      // After a correction (marked ※), back to the first sheet, then the very same sheet again:
      // each printed anew, not the page left from before.
      rt.archive.correct(newer, cellTarget('t3', 'new', 'total'), parseValue('96')!, 'test');
      expect(await text(SHEET_ROUTES.compare([older, newer]))).toMatch(/一、本年新收政府信息公开申请数量\s+总计\s+21\s+96（正） ※\s+\+75/);
      rt.archive.correct(newer, cellTarget('t3', 'new', 'total'), parseValue('97')!, 'test');
      expect(await text(SHEET_ROUTES.compare([older, newer]))).toMatch(/一、本年新收政府信息公开申请数量\s+总计\s+21\s+97（正） ※\s+\+76/);
    });
  });

  it('says in Chinese when a sheet does not get ready, and prints the next one anyway', async () => {
    await withPrinter(async (printer) => {
      // Not a print route: the library shows, which never marks itself ready to print.
      await expect(printer.pdf('/library', true)).rejects.toThrow('生成 PDF 失败：打印页面在1.5秒内没有准备好');
      const file = join(dir, 'after.pdf');
      writeFileSync(file, await printer.pdf(SHEET_ROUTES.summary(2024), true));
      expect(pdfText(file)).toContain('2024年度政府信息公开工作年度报告汇总表');
      // A sheet whose data cannot be had prints why, rather than leaving the printer waiting.
      writeFileSync(file, await printer.pdf(SHEET_ROUTES.summary(1800), true));
      expect(pdfText(file)).toContain('请求参数不正确');
      // A report no longer in the archive: its sheet says so.
      writeFileSync(file, await printer.pdf(SHEET_ROUTES.report(999999), true));
      expect(pdfText(file)).toContain('档案中没有报告 #999999');
    }, {}, 1500);
  });

  it('says in Chinese when the browser cannot start', async () => {
    // A program that exists but is no browser.
    await withPrinter(async (printer) => {
      await expect(printer.pdf(SHEET_ROUTES.summary(2024), true)).rejects.toThrow(/^生成 PDF 失败：无法启动浏览器 \/bin\/true：/);
    }, { path: '/bin/true' });
  });
});
