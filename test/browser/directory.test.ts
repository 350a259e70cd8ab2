// 单位目录 in real Chromium: proposals from real names, an edit kept at once, the Excel round
// trip, and 缺报 on the 区域汇总 page for a unit that must report and has no report.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/samples': 'samples' }, importFirst: true });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => session?.close());

describe('单位目录', () => {
  it('proposes 上级 and 类别 from the names and keeps an edit at once', async () => {
    await page.goto(`${session.host.url}#/agencies`);
    await page.getByRole('link', { name: '单位目录（上级、类别、应报）' }).click();
    await page.getByRole('heading', { name: '单位目录' }).waitFor();
    const row = page.locator('tr[data-unit="淮安市洪泽区人民政府"]');
    expect(await row.getByLabel('淮安市洪泽区人民政府的上级').inputValue()).toBe('淮安市人民政府');
    expect(await row.getByLabel('淮安市洪泽区人民政府的类别').inputValue()).toBe('本级政府');
    expect(await row.innerText()).toContain('建议');
    // 洪泽区人民政府 (2023) is the same body under its short name: an alias.
    await row.getByLabel('淮安市洪泽区人民政府的别名').fill('洪泽区人民政府');
    await row.getByLabel('淮安市洪泽区人民政府的别名').blur();
    await page.getByRole('status').filter({ hasText: '已保存：淮安市洪泽区人民政府' }).waitFor();
    await expect.poll(async () => (await page.locator('tr[data-unit]').allInnerTexts()).some((t) => t.startsWith('洪泽区人民政府'))).toBe(false);
    expect(await row.innerText()).toContain('2 份（2023、2024）');
    expect(await row.innerText()).not.toContain('建议');
    await page.screenshot({ path: join(out, 'directory-1366.png') });
    // The alias is a merge: on the 单位 page its years are the unit's, and it can be unmerged there.
    await page.goto(`${session.host.url}#/agencies`);
    const merged = page.locator('tr[data-agency="洪泽区人民政府"]');
    await merged.waitFor();
    expect(await merged.innerText()).toContain('淮安市洪泽区人民政府');
    await merged.getByRole('button', { name: '取消合并' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: '单位目录' }).waitFor();
  });

  it('goes out to Excel and comes back in with a new unit', async () => {
    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByRole('status').filter({ hasText: '已导出：' }).waitFor();
    const file = session.host.saved.find((p) => p.endsWith('单位目录.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '单位名称', '上级', '类别', '应报', '别名']);
    // The office adds a unit that must report, with no report in the archive.
    ws.addRow(['淮安市教育局', '淮安市人民政府', '部门', '是', '']);
    const edited = join(session.dir, '单位目录-修改.xlsx');
    writeFileSync(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
    session.host.setAnswer([edited]);
    await page.getByRole('button', { name: '从Excel导入…' }).click();
    await page.getByRole('status').filter({ hasText: /^已导入 \d+ 个单位$/ }).waitFor();
    expect(await page.locator('tr[data-unit="淮安市教育局"]').innerText()).toMatch(/^淮安市教育局\s/);
  });

  it('says which unit under the government has not reported', async () => {
    await page.goto(`${session.host.url}#/area?year=2024&region=${encodeURIComponent('淮安市')}`);
    await page.locator('.missing-units').waitFor();
    expect(await page.locator('.missing-units').innerText()).toBe('缺报（单位目录中应报、2024年度没有报告的单位）：淮安市教育局');
  });

  it('refuses a workbook with a wrong 类别, naming the row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('单位目录');
    ws.addRow(['单位名称', '上级', '类别', '应报', '别名']);
    ws.addRow(['某某局', '淮安市人民政府', '局', '是', '']);
    const bad = join(session.dir, 'bad.xlsx');
    writeFileSync(bad, new Uint8Array(await wb.xlsx.writeBuffer()));
    session.host.setAnswer([bad]);
    await page.goto(`${session.host.url}#/directory`);
    await page.getByRole('button', { name: '从Excel导入…' }).click();
    await page.getByRole('alert').filter({ hasText: '单位目录有 1 处需要改正：第2行类别“局”应为本级政府、部门、乡镇街道、其他之一' }).waitFor();
  });
});
