// 单位目录 → 生成填报模板 in real Chromium: the year and 全部应报单位, the folder main asks for,
// and the files written there, named with each unit and the year.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTemplates } from '../../src/main/node/export/templates.ts';
import { TEMPLATE_MARKER, XLSX_TABLE_TOP } from '../../src/shared/report/fill-template.ts';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/samples': 'samples' } });
  const unit = (name: string, required: boolean) => ({ name, parent: '淮安市人民政府', kind: '部门' as const, required, aliases: [] });
  session.host.runtime.archive.saveUnits([unit('淮安市财政局', true), unit('淮安市教育局', true), unit('淮安市档案馆', false)]);
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => session?.close());

describe('生成填报模板', () => {
  it('writes the template of every 应报 unit into the folder the clerk picks', async () => {
    await page.goto(`${session.host.url}#/directory`);
    await page.getByRole('heading', { name: '单位目录' }).waitFor();
    await page.getByRole('button', { name: '生成填报模板' }).click();
    const form = page.getByRole('form', { name: '生成填报模板' });
    await form.getByLabel('填报模板的年度').fill('2025');
    expect(await form.getByLabel('填报模板的单位').inputValue()).toBe('');
    expect(await form.getByLabel('填报模板的单位').locator('option').first().innerText()).toBe('全部应报单位（2 个）');
    await form.getByText('按2021年版格式').waitFor();
    await page.screenshot({ path: join(out, 'directory-template-1366.png') });
    await form.getByRole('button', { name: '选择文件夹并生成' }).click();
    const status = page.getByRole('status').filter({ hasText: '已生成 2 个单位的2025年度填报模板（Excel和Word各一份，共 4 个文件）：' });
    await status.waitFor();
    const folder = (await status.innerText()).split('：').slice(1).join('：');
    expect(folder).toContain('templates-');
    const name = (u: string, ext: string) => `${u}-2025年度政府信息公开工作年度报告（填报模板）.${ext}`;
    expect(readdirSync(folder).sort()).toEqual([name('淮安市教育局', 'docx'), name('淮安市教育局', 'xlsx'), name('淮安市财政局', 'docx'), name('淮安市财政局', 'xlsx')].sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(folder, name('淮安市财政局', 'xlsx')));
    expect(wb.getWorksheet(TEMPLATE_MARKER)!.getCell('B3').value).toBe('淮安市财政局');
    expect(await form.count()).toBe(0);
  });

  it('shows a filled template, imported, with each cell 来源：填报模板', async () => {
    const folder = join(session.dir, 'filled');
    mkdirSync(folder);
    const [xlsx] = await writeTemplates(folder, ['淮安市财政局'], 2025);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('表三')!;
    [3, 0, 0, 0, 0, 1, 4].forEach((v, i) => (ws.getCell(XLSX_TABLE_TOP + 3, 4 + i).value = v));
    await wb.xlsx.writeFile(xlsx);
    const rt = session.host.runtime;
    const job = rt.importer.start([xlsx]);
    await rt.importer.wait(job);
    const id = rt.importer.status(job)!.items[0].reportId!;
    await page.goto(`${session.host.url}#/report/${id}`);
    const cell = page.locator('[data-cell="t3|new|total"]');
    await cell.waitFor();
    expect(await cell.innerText()).toBe('4');
    expect(await cell.getAttribute('title')).toContain('来源：填报模板 表三 第4行 第10列');
    expect(await page.locator('body').innerText()).toContain('Excel填报模板（.xlsx）');
    await page.screenshot({ path: join(out, 'template-report-1366.png') });
  });

  it('writes one unit’s, and says a year before 2019 has no template', async () => {
    await page.goto(`${session.host.url}#/directory`);
    await page.getByRole('heading', { name: '单位目录' }).waitFor();
    await page.getByRole('button', { name: '生成填报模板' }).click();
    const form = page.getByRole('form', { name: '生成填报模板' });
    await form.getByLabel('填报模板的年度').fill('2018');
    await form.getByText('年度应为2019年及以后').waitFor();
    expect(await form.getByRole('button', { name: '选择文件夹并生成' }).isDisabled()).toBe(true);
    await form.getByLabel('填报模板的年度').fill('2020');
    await form.getByLabel('填报模板的单位').selectOption('淮安市档案馆');
    await form.getByText('按2019年版格式').waitFor();
    await form.getByRole('button', { name: '选择文件夹并生成' }).click();
    await page.getByRole('status').filter({ hasText: '已生成 1 个单位的2020年度填报模板（Excel和Word各一份，共 2 个文件）' }).waitFor();
  });
});
