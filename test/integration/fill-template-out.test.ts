// 填报模板 out of the app's services and the CLI: one unit or every 应报 unit into a folder, named
// with the unit and year; `cli check` reads a filled one back by position.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import { writeTemplates } from '../../src/main/node/export/templates.ts';
import { XLSX_TABLE_TOP } from '../../src/shared/report/fill-template.ts';
import { quietPlatform } from '../helpers/platform.ts';

const root = new URL('../../', import.meta.url).pathname;
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'src/cli/index.ts'), ...args], { encoding: 'utf8', cwd: root });
const name = (unit: string, year: number, ext: string) => `${unit}-${year}年度政府信息公开工作年度报告（填报模板）.${ext}`;

describe('saveTemplates', () => {
  it('writes one unit, or every 应报 unit of the directory, into the folder main asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-tpl-'));
    const rt = openRuntime(join(dir, 'archive.sqlite'));
    let folder = 0;
    const api = createHandlers({
      archive: rt.archive,
      importer: rt.importer,
      pool: rt.pool,
      platform: quietPlatform({ chooseOutputFolder: async (purpose) => (expect(purpose).toBe('templates'), join(dir, String(++folder))) }),
    });
    try {
      const unit = (n: string, required: boolean) => ({ name: n, parent: '某县人民政府', kind: '部门' as const, required, aliases: [] });
      await api.saveUnits({ units: [unit('某县财政局', true), unit('某县教育局', true), unit('某县档案馆', false)] });
      for (const f of ['1', '2', '3']) (await import('node:fs')).mkdirSync(join(dir, f));
      expect(await api.saveTemplates({ year: 2025, unit: '某县档案馆' })).toEqual({ units: 1, files: 2, folder: join(dir, '1') });
      expect(readdirSync(join(dir, '1')).sort()).toEqual([name('某县档案馆', 2025, 'docx'), name('某县档案馆', 2025, 'xlsx')]);
      expect(await api.saveTemplates({ year: 2020 })).toEqual({ units: 2, files: 4, folder: join(dir, '2') });
      expect(readdirSync(join(dir, '2')).sort()).toEqual([name('某县教育局', 2020, 'docx'), name('某县教育局', 2020, 'xlsx'), name('某县财政局', 2020, 'docx'), name('某县财政局', 2020, 'xlsx')].sort());
      // 2020: the 2019 format's table 二.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(dir, '2', name('某县财政局', 2020, 'xlsx'))) as unknown as ArrayBuffer);
      expect(wb.getWorksheet('表二')!.getCell(`B${XLSX_TABLE_TOP + 1}`).value).toBe('本年新制作数量');
      // A name that is not in the directory is refused before any dialog.
      await expect(api.saveTemplates({ year: 2025, unit: '不存在的局' })).rejects.toThrow('单位目录中没有“不存在的局”');
      expect(folder).toBe(2);
    } finally {
      await rt.close();
    }
  });
});

describe('importing a folder with templates', () => {
  it('imports a filled template into the archive with its cells from 填报模板, and passes over a workbook that is none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-tpl-imp-'));
    const rt = openRuntime(join(dir, 'archive.sqlite'));
    try {
      const folder = join(dir, 'in');
      (await import('node:fs')).mkdirSync(folder);
      const [xlsx] = await writeTemplates(folder, ['某县财政局'], 2025);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
      wb.getWorksheet('表三')!.getCell(XLSX_TABLE_TOP + 3, 4).value = 12;
      writeFileSync(xlsx, new Uint8Array(await wb.xlsx.writeBuffer()));
      const other = new ExcelJS.Workbook();
      other.addWorksheet('台账').getCell('A1').value = '依申请公开台账';
      writeFileSync(join(folder, '台账.xlsx'), new Uint8Array(await other.xlsx.writeBuffer()));
      const id = rt.importer.start([folder]);
      await rt.importer.wait(id);
      const s = rt.importer.status(id)!;
      const byName = (n: string) => s.items.find((i) => i.name === n)!;
      expect(byName('台账.xlsx')).toMatchObject({ status: 'skipped', message: 'Excel表格文件，不是报告的格式（只有本程序生成的填报模板可以导入）' });
      expect(byName(name('某县财政局', 2025, 'xlsx')).status).toBe('imported');
      const r = rt.archive.getReport(byName(name('某县财政局', 2025, 'docx')).reportId!)!;
      expect([r.agency, r.year, r.template]).toEqual(['某县财政局', 2025, 'T2021']);
      const x = rt.archive.getReport(byName(name('某县财政局', 2025, 'xlsx')).reportId!)!;
      const cell = x.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'natural')!;
      expect([cell.value.num, cell.source, cell.how]).toEqual([12, '填报模板 表三 第4行 第4列', undefined]);
      expect(x.format).toBe('xlsx');
    } finally {
      await rt.close();
    }
  });
});

describe('cli template and check', () => {
  it('writes a unit\'s template, and check reads it back filled, by position', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-tpl-cli-'));
    const made = cli('template', '--year', '2025', '--unit', '某县财政局', '--out', out, '--db', join(out, 'a.sqlite'));
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain(`已生成：${join(out, name('某县财政局', 2025, 'xlsx'))}`);
    expect(made.stdout).toContain('共 1 个单位、2 个文件（2021年版格式）');
    // The unit types table 三's 一、本年新收 row with a wrong 总计.
    const file = join(out, name('某县财政局', 2025, 'xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表三')!;
    [3, 0, 0, 0, 0, 0, 4].forEach((v, i) => (ws.getCell(XLSX_TABLE_TOP + 3, 4 + i).value = v));
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const checked = cli('check', file);
    expect(checked.stdout).toContain('某县财政局 2025年度 2021版');
    expect(checked.stdout).toContain('填报模板（2021年版格式）：表格按填报位置读取');
    expect(checked.stdout).toContain('没有报告正文的六个部分');
    expect(checked.stdout).toMatch(/\[错误 R2\][^\n]*一、本年新收/);
    expect(checked.status).toBe(1);
    expect(cli('template', '--year', '2025', '--out', out).status).toBe(2);
  });
});
