// The command line, run as a user runs it: a child process on the project's Node.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'src/cli/index.ts'), ...args], { encoding: 'utf8', cwd: root });
let db: string;

beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'nianbao-cli-')), 'a.sqlite');
  const r = cli('import', join(fixtures, 'reports/utf8'), join(fixtures, 'reports/samples'), '--db', db);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('导入完成：导入 8 份，重复 0 份，跳过 0 个，失败 0 个');
});

describe('cli', () => {
  it('imports a folder of page photos as one report with --pages', () => {
    const own = join(mkdtempSync(join(tmpdir(), 'nianbao-cli-pages-')), 'a.sqlite');
    const r = cli('import', '--pages', join(fixtures, 'scan/photo/pt-lyy-2019'), '--db', own);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('导入完成：导入 1 份');
    const out = execFileSync(process.execPath, [join(root, 'src/cli/index.ts'), 'list', '--db', own], { encoding: 'utf8' });
    expect(out).toContain('pt-lyy-2019（5张图片）.pdf');
    expect(out).toContain('共 1 份报告');
  }, 120_000);

  it('lists the archive', () => {
    const out = execFileSync(process.execPath, [join(root, 'src/cli/index.ts'), 'list', '--db', db], { encoding: 'utf8' });
    expect(out).toContain('2019\t宁波市科学技术局\t2019版\t有错误\tseed-001.txt');
    expect(out).toContain('共 8 份报告');
  });

  it('exports one CSV row per cell with the canonical labels', () => {
    const out = cli('export', '--format', 'csv', '--db', db).stdout.split('\r\n');
    expect(out[0]).toBe('file,agency,year,template,table,row,column,value');
    expect(out).toContain('seed-001.txt,宁波市科学技术局,2019,T2019,申请处理,（六）其他处理,自然人,3');
    expect(out).toContain('seed-004.txt,宁波市北仑区人民政府,2020,T2019,申请处理,（三）不予公开 4.保护第三方合法权益,自然人,1');
    expect(out).toContain('seed-004.txt,宁波市北仑区人民政府,2020,T2019,复议诉讼,未经复议直接起诉,尚未审结,4');
    expect(out).toContain('seed-003.txt,内江高新区,2019,T2019,主动公开,政府集中采购,采购总金额,462.657');
    expect(out).toContain('huaian-city-gov-2024.txt,淮安市人民政府,2024,T2021,申请处理,（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请,总计,6');
    // A T2019 report: 22 cells in table 二, 161 in table 三, 15 in table 四
    expect(out.filter((l) => l.startsWith('seed-004.txt,')).length).toBe(22 + 161 + 15);
  });

  it('exports JSON with findings and cells', () => {
    const file = join(db, '..', 'out.json');
    expect(cli('export', '--format', 'json', '--out', file, '--db', db).status).toBe(0);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const r = json.reports.find((x: { file: string }) => x.file === 'seed-001.txt');
    expect(r).toMatchObject({ agency: '宁波市科学技术局', year: 2019, template: 'T2019', status: 'error' });
    expect(r.findings.map((f: { rule: string }) => f.rule)).toEqual(['R1', 'R1', 'R3', 'R3']);
    expect(r.findings[0].severity).toBe('error');
    expect(r.cells).toContainEqual({ table: '申请处理', row: '（七）总计', column: '总计', value: 0 });
  });

  it('checks drafts without importing and exits 1 on errors', () => {
    const bad = cli('check', join(fixtures, 'reports/utf8/seed-001.txt'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('[错误 R1] 表三 收到和处理政府信息公开申请情况，“自然人”列');
    const good = cli('check', join(fixtures, 'reports/utf8/seed-004.txt'), join(fixtures, 'reports/samples/huaian-city-gov-2024.txt'));
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('检查了 2 个文件：0 个有错误，0 个无法读取。');
    // The 年报体检 findings too, told apart from the tables' 提醒; they do not fail a check.
    const czj = cli('check', join(fixtures, 'real/pt-czj-2021/page.txt'));
    expect(czj.stdout).toContain('[体检 W1] 单位名称写作“平潭综合实验区财政全融局”，与“平潭综合实验区财政金融局”不一致');
    expect(czj.status).toBe(0);
  });

  it('searches, with a year range and JSON output', () => {
    const r = cli('search', '信息处理费', '--year', '2023-2024', '--json', '--db', db);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.total).toBe(3);
    expect(json.hits.map((h: { agency: string }) => h.agency).sort()).toEqual(['洪泽区人民政府', '淮安市人民政府', '淮安市洪泽区人民政府']);
    expect(Object.keys(json.hits[0])).toEqual(['reportId', 'agency', 'year', 'part', 'snippet']);
    expect(json.hits[0].part).toBe('六、其他需要报告的事项');
    expect(json.hits[0].snippet).toContain('信息处理费');
    const text = cli('search', '公开', '--year', '2019', '--db', db).stdout;
    expect(text).toContain('【公开】');
    expect(text).toMatch(/共 3 份报告。/); // seeds 000, 001 and 003 are the 2019 reports here
  });

  it('writes comparison sheets, one by ids and a year in batch', () => {
    const list = cli('list', '--db', db).stdout;
    const id = (file: string) => Number(new RegExp(`#(\\d+)\\t[^\\n]*${file.replace('.', '\\.')}`).exec(list)![1]);
    const out = join(db, '..', 'cmp.csv');
    const r = cli('compare', String(id('hongze-district-gov-2023.txt')), String(id('hongze-district-gov-2024.txt')), '--out', out, '--db', db);
    expect(r.stdout).toContain('已写出');
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('表三 收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,21,95,74,352.38');
    expect(csv).toContain('指标,公开率,（予以公开 + 部分公开）÷（七）总计,19.05,62.11');
    const dir = join(db, '..', 'batch');
    // PDFs need a browser and the built renderer: test/browser/cli-pdf.test.ts.
    const b = cli('compare', '--year', '2024', '--with-previous', '--out', dir, '--no-pdf', '--db', db);
    // 洪泽区人民政府 (2023) is a different name from 淮安市洪泽区人民政府 (2024) until merged.
    expect(b.stdout).toContain('共写出 1 个文件（比较表和年度汇总表）。'); // the year's summary only
    expect(b.stdout).toContain('2024年度政府信息公开工作年度报告汇总表.xlsx');
    expect(b.stdout).toContain('跳过：淮安市洪泽区人民政府：没有2023年度的报告');
  });

  it('compares files, importing the one not yet in the archive', () => {
    const out = join(db, '..', 'files.csv');
    const known = join(fixtures, 'reports/samples/hongze-district-gov-2023.txt');
    const fresh = join(fixtures, 'reports/t2021/t2021-jiaoyu-2024.txt');
    const r = cli('compare', known, fresh, '--out', out, '--db', db);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^档案中已有：.*hongze-district-gov-2023\.txt → #\d+\n已导入档案：.*t2021-jiaoyu-2024\.txt → #9\n已写出：/);
    expect(readFileSync(out, 'utf8')).toContain('表三 收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,21,15,-6,-28.57');
    const bad = cli('compare', known, join(fixtures, 'nope.txt'), '--out', out, '--db', db);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('既不是报告编号，也不是文件');
    const missing = cli('compare', '1', '99999', '--out', out, '--db', db);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('出错：档案中没有报告 #99999');
  });

  it('refuses a PDF it cannot make before writing anything', () => {
    const dir = join(db, '..', 'no-browser');
    const r = cli('compare', '--year', '2024', '--with-previous', '--out', dir, '--browser', '/没有/这个/浏览器', '--db', db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('出错：找不到指定的浏览器：/没有/这个/浏览器');
    expect(existsSync(dir)).toBe(false);
  });

  it('builds the print pages itself the first time a PDF needs them, and says so', async () => {
    const { printPages } = await import('../../src/cli/print.ts');
    const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-pages-')), 'renderer');
    const said: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (said.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await printPages(dir)).toBe(dir);
      expect(said.join('')).toContain('正在构建');
      expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('<div id="root">');
      said.length = 0;
      await printPages(dir); // built once: the second time says nothing
      expect(said).toEqual([]);
    } finally {
      process.stderr.write = write;
    }
  }, 120_000);

  it('says so when the archive has no report of the batch year', () => {
    const r = cli('compare', '--year', '2031', '--with-previous', '--out', join(db, '..', 'none'), '--no-pdf', '--db', db);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^出错：档案中没有2031年度的报告（档案中有：2024、2023、2020、2019、2018）/);
  });

  it('writes the area’s tables of a year as Word and Excel, with the government’s own report set against its units', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-cli-'));
    // An archive of its own: the 2021-format samples (淮安市人民政府 2024, 淮安市洪泽区人民政府 2024, 洪泽区人民政府 2023).
    const db = join(dir, 'a.sqlite');
    expect(cli('import', join(fixtures, 'reports/samples'), '--db', db).status).toBe(0);
    const all = cli('summary', '--year', '2024', '--out', join(dir, 'all.xlsx'), '--db', db);
    expect(all.stdout).toBe(`已写出：${join(dir, 'all.xlsx')}（全部 2 个单位）\n`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'all.xlsx'));
    const row = wb.getWorksheet('2024年度汇总表')!.getRows(2, 400)!.find((r) => r.getCell(2).value === '一、本年新收政府信息公开申请数量' && r.getCell(3).value === '总计')!;
    expect(row.getCell(4).value).toBe(3119 + 95);
    const region = cli('summary', '--year', '2024', '--region', '淮安市', '--out', join(dir, 'huaian.docx'), '--db', db);
    expect(region.stdout).toMatch(/^已写出：.*huaian\.docx（单位目录中上级为“淮安市”的 1 个单位，不含本级“淮安市人民政府”）\n本级“淮安市人民政府”报告有 \d+ 个格子与各单位之和不同/);
    const { default: mammoth } = await import('mammoth');
    expect((await mammoth.extractRawText({ path: join(dir, 'huaian.docx') })).value).toContain('淮安市2024年度政府信息公开工作情况汇总（1个单位，不含本级）');
    expect(cli('summary', '--year', '2024', '--out', join(dir, 'x.pdf'), '--db', db).status).toBe(2);
    expect(cli('summary', '--year', '2031', '--out', join(dir, 'x.xlsx'), '--db', db).stderr).toContain('出错：档案中没有2031年度的报告可以汇总');
  }, 120_000); // five runs of the CLI, each a Node process loading the program: 33-41 s at a load of 10

  it('explains its usage in Chinese', () => {
    const r = cli('nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知命令：nope');
  });
});
