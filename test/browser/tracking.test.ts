// 整改跟踪 in real Chromium: a 审核意见 saved from the report page, the unit's revised version
// imported, the findings' states on the 整改跟踪 page (1366x768 and 1920x1080), sorting and the
// filters, a row opening the revision with the open findings marked, 不再适用 with its reason, the
// .xlsx read back, the printed sheet as PNG pages, and 态势's counts. The report is the real-layout
// t2021-errors-2024 and its revision (fixtures/revised-report.ts).
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisedText } from '../fixtures/revised-report.ts';
import { fileId, openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/t2021/t2021-errors-2024.txt': '初稿.txt' }, importFirst: true });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  session.host.runtime.archive.setSettings({ officeName: '某市人民政府办公室' });
});

afterAll(async () => session?.close());

const rows = () => page.locator('table.tracking tbody tr:not(.tracking-items)');

describe('整改跟踪', () => {
  it('records the notice saved from the report page: the unit is on the year’s page, not yet revised', async () => {
    const id = fileId(session, '初稿.txt');
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.getByRole('button', { name: '审核意见…' }).click();
    const dialog = page.getByRole('dialog', { name: '审核意见' });
    // A deadline already passed: the unit is overdue until its revision comes.
    await dialog.getByLabel('整改期限').fill('2025-02-20');
    await dialog.getByRole('button', { name: '保存为Word' }).click();
    await page.getByText(/^已保存审核意见：/).waitFor();
    // The page read again: the report now says the notice went out and marks what it listed.
    await page.reload();
    await page.locator('p.rectification').filter({ hasText: '所列' }).waitFor();
    expect(await page.locator('.finding .tag.unfixed').count()).toBeGreaterThan(5);
    await page.getByRole('link', { name: '整改跟踪' }).first().click();
    await page.getByRole('heading', { name: '2024年度整改跟踪' }).waitFor();
    await expect.poll(() => rows().count()).toBe(1);
    expect((await rows().first().innerText()).split('\t')).toEqual(['某市教育局', expect.stringMatching(/月\d+日（第1稿）$/), '2月20日', '未报送', '15', '0', '0', '0', '逾期未报', '查看报告 所列问题']);
    expect(await rows().first().getAttribute('class')).toBe('overdue');
    await page.screenshot({ path: join(out, 'tracking-overdue-1366.png') });
  });

  it('puts the findings in their states once the revision is imported; sorts, filters, and marks the open ones on the revision', async () => {
    writeFileSync(join(session.dir, '第二稿.txt'), revisedText());
    await session.host.runtime.importer.wait(session.host.runtime.importer.start([join(session.dir, '第二稿.txt')]));
    const second = fileId(session, '第二稿.txt');
    await page.goto(`${session.host.url}#/tracking?year=2024`);
    await page.reload();
    await expect.poll(async () => (await rows().first().innerText()).split('\t')[3]).toMatch(/^第2稿，\d+月\d+日导入$/);
    expect((await rows().first().innerText()).split('\t').slice(4)).toEqual(['11', '4', '0', '1', '仍有未整改', '查看修改稿 所列问题']);
    expect(await rows().first().getAttribute('class')).toBeNull();
    await page.screenshot({ path: join(out, 'tracking-1366.png'), fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(out, 'tracking-1920.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    // Filters: nobody is overdue now, and everyone has revised.
    await page.getByLabel('只看逾期').check();
    await expect.poll(() => rows().count()).toBe(0);
    await page.getByText('没有符合筛选条件的单位。').waitFor();
    await page.getByLabel('只看逾期').uncheck();
    await page.getByLabel('只看未报送修改稿').check();
    await expect.poll(() => rows().count()).toBe(0);
    await page.getByLabel('只看未报送修改稿').uncheck();
    await page.getByRole('button', { name: '未整改' }).click();
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toBe('未整改 ▼');
    // The listed findings and their states.
    await page.getByRole('button', { name: '所列问题' }).click();
    const listed = page.locator('.listed-findings li');
    expect(await listed.count()).toBe(15);
    expect(await page.locator('.listed-findings .tag.ok').allInnerTexts()).toEqual(['已整改', '已整改', '已整改', '已整改']);
    // The row opens the revision, its open findings marked 未整改.
    await page.getByRole('link', { name: '查看修改稿' }).click();
    await page.waitForURL(new RegExp(`#/report/${second}$`));
    const line = page.locator('p.rectification');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/已发审核意见（针对第1稿），整改期限2月20日：已整改 4 处，未整改 11 处/);
    await expect.poll(() => page.locator('.finding .tag.unfixed').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(out, 'tracking-report-1366.png') });
    // The first draft's page points to the revision for what became of the notice.
    await page.goto(`${session.host.url}#/report/${fileId(session, '初稿.txt')}`);
    await page.locator('p.rectification').filter({ hasText: '所列 15 处问题，单位已报送第2稿（整改情况见该稿）' }).waitFor();
  });

  it('takes 不再适用 with a reason, and shows it', async () => {
    await page.goto(`${session.host.url}#/tracking?year=2024`);
    await page.getByRole('button', { name: '所列问题' }).click();
    const w3 = page.locator('.listed-findings li').filter({ hasText: '统计期限' });
    await w3.getByRole('button', { name: '不再适用' }).click();
    await w3.getByLabel('不再适用的理由').fill('统计期限已在标题中写明');
    await w3.getByRole('button', { name: '确定' }).click();
    await w3.getByText('（理由：统计期限已在标题中写明）').waitFor();
    expect((await rows().first().innerText()).split('\t').slice(4, 8)).toEqual(['10', '4', '1', '1']);
  });

  it('exports the .xlsx and prints the A4 sheet', async () => {
    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByText(/^已保存：.*整改跟踪表\.xlsx$/).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(session.host.saved.find((p) => p.endsWith('整改跟踪表.xlsx'))!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各单位整改情况', '审核意见所列问题']);
    expect(wb.getWorksheet('各单位整改情况')!.getRow(2).values).toEqual([undefined, '某市教育局', '第1稿', expect.any(String), '2025-02-20', '第2稿', expect.any(String), 10, 4, 1, 1, '仍有未整改']);
    expect(wb.getWorksheet('审核意见所列问题')!.rowCount).toBe(16);
    await page.getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存：.*整改跟踪表\.pdf$/).waitFor({ timeout: 60000 });
    const pdf = session.host.saved.find((p) => p.endsWith('整改跟踪表.pdf'))!;
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('2024年度年报审核意见整改跟踪表');
    expect(text).toMatch(/某市教育局.*第2稿.*10\s+4\s+1\s+1\s+仍有未整改/);
    expect(text.replace(/\s+/g, '')).toContain('未整改的问题');
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(out, 'tracking-sheet')]);
    expect(readdirSync(out).filter((f) => f.startsWith('tracking-sheet')).length).toBeGreaterThan(0);
  });

  it('counts the notice, the revision and the findings in 态势', async () => {
    await page.goto(`${session.host.url}#/overview?year=2024`);
    const counts = page.locator('table.overview-rectification tbody tr');
    await counts.waitFor();
    expect((await counts.innerText()).split('\t')).toEqual(['1 个单位', '1 个单位', '4 处', '10 处']);
    await page.screenshot({ path: join(out, 'overview-rectification-1366.png'), fullPage: true });
  });
});
