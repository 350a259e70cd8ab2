// The app in real Chromium: import the fixture folder through the UI, see the library,
// open a report, see its tables and findings. Screenshots go to test-output/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  // The fixture reports and the bad inputs, imported through the UI (the dialog answers with them).
  session = await openSession({ fixtures: { reports: 'reports', bad: 'reports/bad' }, answerDialog: true });
  page = session.page;
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});

afterAll(async () => session?.close());

describe('library and report views', () => {
  it('starts with an empty archive that invites the first import', async () => {
    await page.goto(session.host.url);
    await page.getByRole('heading', { name: '档案里还没有报告' }).waitFor();
    expect(await page.getByRole('button', { name: '导入文件夹' }).count()).toBe(2);
  });

  it('imports the fixture folder with progress and a summary', async () => {
    await page.getByRole('button', { name: '导入文件夹' }).first().click();
    const dialog = page.getByRole('dialog', { name: '导入报告' });
    await dialog.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 60000 });
    const summary = await dialog.locator('.summary').innerText();
    expect(summary).toContain('导入 31');
    expect(summary).toContain('重复 1');
    expect(summary).toContain('失败 8');
    expect(await dialog.locator('tr.item-failed').filter({ hasText: 'bomb.docx' }).innerText()).toContain('压缩炸弹');
    await page.screenshot({ path: join(out, 'import-summary.png') });
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('lists the reports with agency, year, template and status', async () => {
    const rows = page.locator('table.reports tbody tr');
    await expect.poll(() => rows.count()).toBe(10); // 31 files, 10 reports: a seed in three encodings and two Word files is one report
    const text = await page.locator('table.reports').innerText();
    expect(text).toContain('宁波市科学技术局');
    expect(text).toContain('淮安市人民政府');
    expect(text).toContain('2019年以前（自由格式）');
    expect(text).toContain('有错误');
    await page.screenshot({ path: join(out, 'library.png'), fullPage: false });

    await page.getByLabel('状态', { exact: true }).selectOption('problems');
    await expect.poll(() => rows.count()).toBe(4); // seed 001, hongze 2023, seed 002, 某市教育局 2024 (its revised version, t2021-errors)
    await page.getByLabel('状态', { exact: true }).selectOption('error');
    await expect.poll(() => rows.count()).toBe(3); // seed 002 is 解析不完整, not 有错误
    expect(new Set(await page.locator('table.reports .status').allInnerTexts())).toEqual(new Set(['有错误']));
    await page.getByLabel('状态', { exact: true }).selectOption('');
    await page.getByLabel('年度', { exact: true }).selectOption('2024');
    await expect.poll(() => rows.count()).toBe(3); // 淮安市人民政府, 淮安市洪泽区人民政府, 某市教育局
    await page.getByLabel('年度', { exact: true }).selectOption('');
  });

  it('opens a report and shows its tables, findings and parts', async () => {
    await page.locator('table.reports tbody tr', { hasText: 'seed-001.docx' }).click();
    await page.getByRole('heading', { name: /宁波市科学技术局/ }).waitFor();
    await page.locator('table.form.t3').waitFor();
    expect(await page.locator('figcaption').allInnerTexts()).toEqual([
      '表二 主动公开政府信息情况',
      '表三 收到和处理政府信息公开申请情况',
      '表四 政府信息公开行政复议、行政诉讼情况',
    ]);
    // （六）其他处理, 自然人 = 3; （七）总计 is all 0 and flagged by R1/R3.
    expect(await page.locator('[data-cell="t3|r6|natural"]').innerText()).toBe('3');
    expect(await page.locator('[data-cell="t3|r7|natural"]').getAttribute('class')).toContain('error');
    const findings = page.locator('li.finding.error');
    expect(await findings.count()).toBe(4);
    await findings.first().click();
    expect(await page.locator('td.focus').count()).toBeGreaterThan(1);
    expect(await page.locator('.part h3').allInnerTexts()).toHaveLength(6);
    await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
    await page.locator('table.form.t3').screenshot({ path: join(out, 'report-t3.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(out, 'report-top.png') });
  });

  it('corrects the （七）总计 cells in the table and the errors go away', async () => {
    for (const col of ['natural', 'total']) {
      await page.locator(`[data-cell="t3|r7|${col}"]`).click();
      await page.locator('.cell-info').getByText('“（七）总计”行').waitFor();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(`[data-cell="t3|r7|${col}"]`).innerText()).toBe('5');
    }
    await expect.poll(() => page.locator('li.finding.error').count()).toBe(0);
    expect(await page.locator('.report-head .status').innerText()).toBe('通过');
    expect(await page.locator('[data-cell="t3|r7|total"]').getAttribute('class')).toContain('corrected');
    expect(await page.locator('[data-cell="t3|r7|total"]').getAttribute('title')).toContain('已人工更正，解析值为：0');
    const log = await page.locator('.corrections').innerText();
    expect(log).toContain('表三“（七）总计”行“总计”列：0 → 5');
    await page.locator('.corrections').screenshot({ path: join(out, 'corrections.png') });
  });

  it('opens the original from the archive copy and removes a report after confirmation', async () => {
    await page.getByRole('button', { name: '打开原文件' }).click();
    await page.getByText('已用系统默认程序打开原文件').waitFor();
    expect(session.host.opened.at(-1)).toMatch(/seed-001\.docx$/);
    await page.getByRole('button', { name: '从档案中删除' }).click();
    await page.getByRole('dialog', { name: '确认删除' }).getByRole('button', { name: '删除' }).click();
    // The report's other files stay: it is listed still, read from another of them.
    const row = page.locator('table.reports tbody tr', { hasText: '宁波市科学技术局' });
    await expect.poll(() => row.innerText()).toMatch(/另有 3 份文件/);
    expect(await page.locator('table.reports tbody tr').count()).toBe(10);
    expect(await row.innerText()).not.toContain('seed-001.docx');
  });

  it('merges two names of one agency on the agencies page', async () => {
    await page.getByRole('link', { name: '单位' }).click();
    await page.getByRole('heading', { name: '单位' }).waitFor();
    await page.getByLabel('把“洪泽区人民政府”合并到').selectOption('淮安市洪泽区人民政府');
    await page.locator('tr[data-agency="洪泽区人民政府"]').getByRole('button', { name: '合并', exact: true }).click();
    await page.locator('tr[data-agency="洪泽区人民政府"]').getByRole('button', { name: '取消合并' }).waitFor();
    expect(await page.locator('tr[data-agency="洪泽区人民政府"] td').nth(3).innerText()).toBe('淮安市洪泽区人民政府');
    await page.screenshot({ path: join(out, 'agencies.png') });
  });

  it('shows no script errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
