// The keyboard and the clerk's place in real Chromium: Ctrl+F, Ctrl+O, Ctrl+P, Esc on every
// dialog, ← 返回 and the browser's back keeping a search's query, filters and scroll, and the
// links between a report, its agency's years and the 单位 page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session, fileId } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/utf8': 'utf8', 'reports/samples': 'samples', 'reports/gb18030': 'gb18030' }, importFirst: true, answerDialog: true });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 500 }); // short, so the hits scroll
});

afterAll(async () => session?.close());

describe('keys', () => {
  it('Ctrl+F goes to search and into its box', async () => {
    await page.goto(session.host.url);
    await page.locator('table.reports tbody tr').first().waitFor();
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: '检索词' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('检索词');
  });

  it('Ctrl+P prints the sheet of the report on screen, and says when a page has none', async () => {
    await page.keyboard.press('Control+p'); // on search: nothing to print
    await page.getByRole('status').filter({ hasText: '这个页面没有可打印的表格' }).waitFor();
    const id = fileId(session, 'huaian-city-gov-2024.txt');
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.locator('article.report h1').waitFor();
    await page.keyboard.press('Control+p');
    await page.getByRole('status').filter({ hasText: '已发送到打印机' }).waitFor();
  });

  it('Esc closes the correction dialogs', async () => {
    await page.getByRole('button', { name: '更正单位/年度' }).click();
    const meta = page.getByRole('dialog', { name: '更正单位和年度' });
    await meta.waitFor();
    await page.keyboard.type('xyz'); // replaces the name, which starts selected
    expect(await meta.getByRole('combobox', { name: '单位名称' }).inputValue()).toBe('xyz');
    await page.keyboard.press('Enter');
    await meta.getByRole('group', { name: '确认名称' }).getByText('新增单位“xyz”？').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.locator('[data-cell="t3|new|natural"]').click({ button: 'right' }); // the cell's details: source, notes, revert
    await page.getByRole('dialog', { name: '更正数值' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: '从档案中删除' }).click();
    await page.getByRole('dialog', { name: '确认删除' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('moves between table cells with the arrow keys and corrects one with Enter', async () => {
    await page.locator('table.form.t3').focus();
    const at = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
    expect(await at()).toBe('t3|new|natural');
    await page.keyboard.press('ArrowRight');
    expect(await at()).toBe('t3|new|business');
    await page.keyboard.press('ArrowDown');
    expect(await at()).toBe('t3|carry|business');
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toBe('t3|carry|natural');
    await page.keyboard.press('ArrowUp');
    expect(await at()).toBe('t3|new|natural');
    const before = await page.locator('[data-cell="t3|new|natural"]').innerText();
    await page.keyboard.press('Enter'); // edits in the cell, the value selected
    const editor = page.locator('[data-cell="t3|new|natural"] input');
    expect(await editor.inputValue()).toBe(before);
    expect(await editor.evaluate((e: HTMLInputElement) => [e.selectionStart, e.selectionEnd])).toEqual([0, before.length]);
    await page.keyboard.press('Escape'); // cancels, the focus stays on the cell
    expect(await editor.count()).toBe(0);
    expect(await at()).toBe('t3|new|natural');
    expect(await page.locator('[data-cell="t3|new|natural"]').innerText()).toBe(before);
    expect(await page.locator('.cell-info').innerText()).toContain('“一、本年新收政府信息公开申请数量”行“自然人”列');
  });

  it('corrects cells like a spreadsheet: typing replaces the value, Enter saves and goes down, Tab saves and goes right', async () => {
    const id = session.host.runtime.archive.listReports({}).find((r) => r.fileName === 'huaian-city-gov-2024.txt')!.id;
    session.host.runtime.archive.correct(id, 'cell:t3|new|natural', { kind: 'number', num: 9, raw: '9' }, '测试');
    await page.reload();
    await page.locator('table.form.t3').waitFor();
    const cell = (k: string) => page.locator(`[data-cell="${k}"]`);
    const at = () => page.evaluate(() => document.activeElement?.closest('td[data-cell]')?.getAttribute('data-cell'));
    expect(await cell('t3|new|natural').innerText()).toBe('9');
    await cell('t3|new|natural').click();
    await page.keyboard.type('742');
    await page.screenshot({ path: join(out, 'cell-editing.png') });
    await page.keyboard.press('Enter');
    expect(await at()).toBe('t3|carry|natural'); // the next row, still in the table
    await expect.poll(() => cell('t3|new|natural').innerText()).toBe('742');
    await expect.poll(() => page.locator('.corrections').innerText()).toContain('表三“一、本年新收政府信息公开申请数量”行“自然人”列：');
    expect(await page.locator('.corrections').innerText()).toMatch(/“自然人”列：\d+ → 742（/); // the parsed value stays the original
    // F2 selects the value, so what is typed replaces it; Tab saves and moves right.
    await page.keyboard.press('F2');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    expect(await at()).toBe('t3|carry|business');
    await expect.poll(() => cell('t3|carry|natural').innerText()).toBe('3');
    // A mark and a blank are values too; something else is refused where it was typed.
    await page.keyboard.type('/');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell('t3|carry|business').innerText()).toBe('/');
    await page.keyboard.press('ArrowUp');
    expect(await at()).toBe('t3|carry|business');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell('t3|carry|business').innerText()).toBe('空');
    await expect.poll(() => page.locator('td.saving').count()).toBe(0);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('F2');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '“abc”不是数字' }).waitFor();
    expect(await at()).toBe('t3|carry|business'); // still editing there
    await page.keyboard.press('Escape');
    expect(await cell('t3|carry|business').innerText()).toBe('空');
    expect(await page.getByRole('alert').count()).toBe(0);
    // The cell's source and the parsed value stay one step away: the line under the table and its 详情….
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toBe('t3|new|natural');
    const info = page.locator('.cell-info');
    expect(await info.innerText()).toMatch(/已人工更正.*解析值/);
    await page.screenshot({ path: join(out, 'cell-info.png') });
    await info.getByRole('button', { name: '详情…' }).click();
    const dialog = page.getByRole('dialog', { name: '更正数值' });
    expect(await dialog.innerText()).toContain('当前更正值：742');
    await dialog.getByRole('button', { name: '恢复解析值' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await at()).toBe('t3|new|natural');
    expect(await cell('t3|new|natural').innerText()).not.toBe('742');
  });

  it('links the report to its agency’s years', async () => {
    await page.getByRole('link', { name: '历年情况' }).click();
    await page.getByRole('heading', { name: '淮安市人民政府 历年情况' }).waitFor();
    await page.getByRole('link', { name: '← 返回' }).click();
    await page.locator('article.report h1').waitFor();
  });

  it('says where to merge names when there is no previous year, with a link to 单位', async () => {
    await page.getByRole('button', { name: '与上一年比较' }).click();
    const line = page.getByRole('status').filter({ hasText: '档案中没有淮安市人民政府2023年度的报告' });
    await line.waitFor();
    await line.getByRole('link', { name: '“单位”页' }).click();
    await page.getByRole('heading', { name: '单位' }).waitFor();
  });

  it('Ctrl+O opens the import', async () => {
    await page.keyboard.press('Control+o');
    const dialog = page.getByRole('dialog', { name: '导入报告' });
    await dialog.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 60000 });
    await page.keyboard.press('Escape'); // finished: Esc closes it
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

describe('the place in a search', () => {
  it('keeps the query, the filters and the scroll across a report and back', async () => {
    await page.goto(`${session.host.url}#/search`);
    const box = page.getByRole('searchbox', { name: '检索词' });
    await box.fill('政府信息公开');
    await page.getByLabel('起始年度').selectOption('2019');
    const hits = page.locator('ol.hits li.hit');
    await expect.poll(() => hits.count()).toBeGreaterThan(3);
    await expect.poll(() => page.url()).toContain('yearFrom');
    const n = await hits.count();
    await hits.nth(n - 1).scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(100);
    const name = await hits.nth(n - 1).locator('.hit-head a').innerText();
    await hits.nth(n - 1).click();
    await page.locator('article.report h1').waitFor();
    await page.getByRole('link', { name: '← 返回' }).click();
    await expect.poll(() => hits.count()).toBe(n);
    expect(await box.inputValue()).toBe('政府信息公开');
    expect(await page.getByLabel('起始年度').inputValue()).toBe('2019');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 40);
    expect(await hits.nth(n - 1).locator('.hit-head a').innerText()).toBe(name);
    await page.screenshot({ path: join(out, 'search-back.png') });
    // Alt+← too (the browser's back).
    await hits.first().click();
    await page.locator('article.report h1').waitFor();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => box.inputValue()).toBe('政府信息公开');
  });

  it('reaches the hits from the box with ↓ and opens one with Enter', async () => {
    await page.goto(`${session.host.url}#/search`);
    const box = page.getByRole('searchbox', { name: '检索词' });
    await box.fill('政府信息公开');
    const links = page.locator('ol.hits li.hit .hit-head a');
    await expect.poll(() => links.count()).toBeGreaterThan(2);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(await links.nth(0).getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(await links.nth(1).getAttribute('href'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp'); // from the first hit back to the box
    expect(await focused()).toBe('检索词');
    await page.keyboard.press('ArrowDown');
    const href = (await links.nth(0).getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await page.locator('article.report h1').waitFor();
    expect(page.url()).toContain(`${href}?q=`);
  });

  it('shows what a numeric condition found in each hit, and exports the hits to Excel', async () => {
    await page.goto(`${session.host.url}#/search`);
    await page.getByRole('button', { name: '添加数值条件' }).click(); // 复议诉讼 行政复议 结果纠正 > 0
    const values = page.locator('ol.hits .hit-values');
    await expect.poll(() => values.count()).toBeGreaterThan(0);
    for (const v of await values.allInnerTexts()) expect(v).toMatch(/^复议诉讼“行政复议”结果纠正 = [1-9]\d*$/);
    const total = Number(/共找到 (\d+) 份/.exec(await page.locator('.result-count').innerText())![1]);
    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByText(/^已导出：/).waitFor();
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(session.host.saved.at(-1)!);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '单位', '年度', '格式', '状态', '命中位置', '摘要', '条件取值', '源文件']);
    expect(ws.rowCount).toBe(total + 1);
    expect(String(ws.getRow(2).getCell(7).value)).toMatch(/^复议诉讼“行政复议”结果纠正 = [1-9]/);
    await page.screenshot({ path: join(out, 'search-condition-values.png') });
  });
});
