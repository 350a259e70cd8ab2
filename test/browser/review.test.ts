// The clerk's review in real Chromium: many reports selected and given one agency (suggested
// from pinyin initials), undone; the 待确认 list confirmed with the keyboard; columns sorted by
// pinyin; filters and sort kept in the address across a visit to a report and back; the list
// exported to Excel and read back; the library at 1366×768 with a long agency name.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session, fileId } from './session.ts';

let session: Session;
let page: Page;
const rows = () => page.locator('table.reports tbody tr');
const agencies = () => page.locator('table.reports tbody td.agency-cell a').allInnerTexts();

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/utf8': 'utf8', 'reports/samples': 'samples', 'scan/洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf': 'scan/洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf' }, importFirst: true, ocr: false });
  page = session.page;
});

afterAll(async () => session?.close());

describe('bulk review', () => {
  it('sets one agency on three reports picked with click and Shift+click, and undoes it', async () => {
    await page.goto(`${session.host.url}#/?sort=file&desc=0`);
    await expect.poll(() => rows().count()).toBe(9);
    // By pinyin, Latin and Chinese together, as WPS sorts: hongze… and 洪泽 (hóng zé)… before huaian….
    const files = await page.locator('table.reports tbody td.file-cell').allInnerTexts();
    expect(files.indexOf('huaian-city-gov-2024.txt')).toBe(3);
    const before = (await agencies()).slice(0, 3);
    await rows().nth(0).locator('td.select').click();
    await rows().nth(2).locator('td.select').click({ modifiers: ['Shift'] });
    await page.getByRole('region', { name: '所选报告' }).getByText('已选 3 份').waitFor();
    await page.getByRole('button', { name: '设置单位和年度…' }).click();
    const dialog = page.getByRole('dialog', { name: '设置单位和年度' });
    const name = dialog.getByRole('combobox', { name: '单位名称' });
    await name.fill('hzq');
    const options = dialog.getByRole('option');
    await expect.poll(() => options.allInnerTexts()).toEqual(['洪泽区人民政府 2 份', '淮安市洪泽区人民政府 1 份']);
    await page.screenshot({ path: join(out, 'bulk-suggest.png') });
    await name.press('ArrowDown');
    await name.press('Enter'); // takes the suggestion, does not submit
    expect(await name.inputValue()).toBe('洪泽区人民政府');
    await name.press('Enter'); // now submits
    await page.getByRole('status').filter({ hasText: '已把 3 份报告的单位改为“洪泽区人民政府”' }).waitFor();
    // The three files are now 洪泽区人民政府's reports of 2023 and 2024; the scanned 2024 file (nothing
    // read from it) is another file of the 2024 report, listed once with it.
    await expect.poll(() => rows().count()).toBe(8);
    const row2024 = rows().filter({ hasText: 'hongze-district-gov-2024.txt' });
    expect(await row2024.locator('td.agency-cell').innerText()).toMatch(/^洪泽区人民政府\s*另有 1 份文件/);
    expect(await rows().filter({ hasText: 'hongze-district-gov-2023.txt' }).locator('td.agency-cell a').innerText()).toBe('洪泽区人民政府');
    await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
    await page.getByRole('status').filter({ hasText: `已撤销：3 份报告的单位恢复为${[...new Set(before)].map((n) => `“${n}”`).join('、')}` }).waitFor();
    await expect.poll(() => rows().count()).toBe(9);
    await expect.poll(async () => (await agencies()).slice(0, 3)).toEqual(before);
  });

  // Two reports of one agency (洪泽区人民政府): the dialog starts from their common name.
  const PAIR = ['hongze-district-gov-2023.txt', '（扫描件）.pdf'];
  const pickHongze = async () => {
    await page.goto(`${session.host.url}#/?sort=file&desc=0`);
    await expect.poll(() => rows().count()).toBe(9);
    for (const f of PAIR) await rows().filter({ hasText: f }).locator('td.select').click({ modifiers: ['Control'] });
    await page.getByRole('region', { name: '所选报告' }).getByText('已选 2 份').waitFor();
    await page.getByRole('button', { name: '设置单位和年度…' }).click();
    const dialog = page.getByRole('dialog', { name: '设置单位和年度' });
    return { dialog, name: dialog.getByRole('combobox', { name: '单位名称' }) };
  };
  const hongze = async () => Promise.all(PAIR.map((f) => rows().filter({ hasText: f }).locator('td.agency-cell a').innerText()));

  it('applies a change once when Enter is pressed twice, and 撤销 puts back exactly what it changed', async () => {
    const before = await (async () => (await page.goto(`${session.host.url}#/?sort=file&desc=0`), await expect.poll(() => rows().count()).toBe(9), hongze()))();
    expect(before).toEqual(['洪泽区人民政府', '洪泽区人民政府']);
    const { dialog, name } = await pickHongze();
    await name.fill('宁波市科学技术局'); // a name the archive has (of 2019 only, so no year of it gains a file): no question
    await name.press('Enter');
    await page.keyboard.press('Enter'); // the second, while the first is saving
    await page.getByRole('status').filter({ hasText: '已把 2 份报告的单位改为“宁波市科学技术局”' }).waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => hongze()).toEqual(['宁波市科学技术局', '宁波市科学技术局']);
    await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
    await page.getByRole('status').filter({ hasText: '已撤销：2 份报告的单位恢复为“洪泽区人民政府”' }).waitFor();
    await expect.poll(() => hongze()).toEqual(before);
  });

  it('selects the pre-filled name so that typing replaces it, and asks before saving a new name', async () => {
    const { dialog, name } = await pickHongze();
    expect(await name.inputValue()).toBe('洪泽区人民政府');
    await page.keyboard.type('czj');
    expect(await name.inputValue()).toBe('czj');
    await page.keyboard.press('Enter');
    const ask = dialog.getByRole('group', { name: '确认名称' });
    await ask.getByText('新增单位“czj”？').waitFor();
    await page.screenshot({ path: join(out, 'bulk-new-name.png') });
    await ask.getByRole('button', { name: '返回修改' }).click();
    expect(await ask.count()).toBe(0);
    await name.fill('洪泽区财政局2');
    await page.keyboard.press('Enter');
    await ask.getByText('名称中夹有字母或数字：“洪泽区财政局2”，确定要保存吗？').waitFor();
    expect(await ask.innerText()).toContain('新增单位“洪泽区财政局2”？');
    await page.screenshot({ path: join(out, 'bulk-mixed-name.png') });
    await page.keyboard.press('Enter'); // on 返回修改, the safe choice: nothing saved
    expect(await ask.count()).toBe(0);
    expect(await hongze()).toEqual(['洪泽区人民政府', '洪泽区人民政府']);
    await name.fill('洪泽区财政局');
    await page.keyboard.press('Enter');
    await ask.getByText('新增单位“洪泽区财政局”？').waitFor();
    await ask.getByRole('button', { name: '确定' }).click();
    await page.getByRole('status').filter({ hasText: '已把 2 份报告的单位改为“洪泽区财政局”' }).waitFor();
    await expect.poll(() => hongze()).toEqual(['洪泽区财政局', '洪泽区财政局']);
    await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
    await page.getByRole('status').filter({ hasText: '已撤销：2 份报告的单位恢复为“洪泽区人民政府”' }).waitFor();
  });

  it('closes the dialog with Esc, and the suggestions first when they are open', async () => {
    await rows().nth(0).locator('td.select').click();
    await page.getByRole('button', { name: '设置单位和年度…' }).click();
    const dialog = page.getByRole('dialog', { name: '设置单位和年度' });
    await dialog.getByRole('combobox').fill('淮安');
    await dialog.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await dialog.getByRole('option').count()).toBe(0);
    expect(await dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByRole('button', { name: '取消选择' }).click();
  });

  it('lists the scan under 待确认 with why, and confirms it with Enter', async () => {
    const tab = page.getByRole('link', { name: /^待确认/ });
    expect(await tab.innerText()).toBe('待确认1');
    await tab.click();
    await page.getByRole('heading', { name: '待确认' }).waitFor();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().locator('td.review-cell li').allInnerTexts()).toEqual([
      '单位只取自文件名（“洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf”）',
      '年度只取自文件名（“洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf”）',
    ]);
    await page.screenshot({ path: join(out, 'review-list.png') });
    await page.getByRole('button', { name: '确认“洪泽区人民政府” 2024' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '已确认“洪泽区人民政府” 2024 年度' }).waitFor();
    await page.getByText('没有待确认的报告').waitFor();
    await expect.poll(() => tab.innerText()).toBe('待确认');
  });
});

describe('the clerk’s place', () => {
  it('sorts by a column header in pinyin order and keeps filter and sort across a report and back', async () => {
    await page.getByRole('link', { name: '报告', exact: true }).click();
    await page.getByRole('button', { name: '按单位排序' }).click();
    const names = await agencies();
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans-CN').compare));
    expect(names[0].startsWith('洪泽')).toBe(true); // hóng before huái and níng
    await page.getByLabel('年度', { exact: true }).selectOption('2024');
    await expect.poll(() => page.url()).toContain('year=2024');
    await expect.poll(() => rows().count()).toBe(3); // huaian, hongze and the scan
    expect(page.url()).toContain('sort=agency');
    const shown = await agencies();
    await rows().first().click();
    await page.locator('article.report h1').waitFor();
    await page.goBack();
    await expect.poll(() => agencies()).toEqual(shown);
    expect(await page.getByLabel('年度', { exact: true }).inputValue()).toBe('2024');
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('单位');
  });

  it('exports the list it shows to Excel', async () => {
    const shown = await agencies();
    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByRole('status').filter({ hasText: `已导出 ${shown.length} 份报告的列表` }).waitFor();
    const file = session.host.saved.at(-1)!;
    expect(file).toMatch(/报告列表_\d+份\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '单位', '年度', '格式', '状态', '错误', '提醒', '落款日期', '待确认', '源文件', '导入时间']);
    expect(ws.rowCount).toBe(shown.length + 1);
    expect([2, 3].map((i) => ws.getRow(i).getCell(1).value)).toEqual(shown.slice(0, 2));
    expect(ws.getRow(2).getCell(2).value).toBe(2024);
  });

  it('fits 1366×768 with the longest agency name: nothing wraps, the name is cut with the whole on hover', async () => {
    const long = '平潭综合实验区旅游与文化体育局（平潭综合实验区文物局、平潭综合实验区体育事业发展中心）';
    const id = fileId(session, 'seed-000.txt');
    session.host.runtime.archive.correct(id, 'meta:agency', long, '测试');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${session.host.url}#/`);
    await expect.poll(() => rows().count()).toBe(9);
    await rows().first().locator('td.select').click();
    await rows().nth(1).locator('td.select').click();
    const link = page.locator('table.reports td.agency-cell a', { hasText: '平潭综合实验区旅游' });
    expect(await link.getAttribute('title')).toBe(long);
    const box = (await link.boundingBox())!;
    expect(box.height).toBeLessThan(30); // one line
    for (const b of await page.locator('.filters button, .selection-bar button, .topbar button, .topbar nav a').all()) expect((await b.boundingBox())!.height, await b.innerText()).toBeLessThan(40);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    for (const r of await rows().all()) expect((await r.boundingBox())!.height).toBeLessThan(60);
    await page.screenshot({ path: join(out, 'library-1366-selection.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(out, 'library-1920-selection.png') });
  });
});

describe('字号', () => {
  it('makes everything larger, is remembered after a restart, and still fits 1366×768 at 特大', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${session.host.url}#/`);
    await expect.poll(() => rows().count()).toBe(9);
    const before = (await page.locator('table.reports tbody tr').first().boundingBox())!.height;
    await page.getByLabel('字号').selectOption({ label: '特大' });
    await page.reload();
    await expect.poll(() => rows().count()).toBe(9);
    expect(await page.getByLabel('字号').inputValue()).toBe('xl');
    expect(await page.locator('.app').evaluate((e) => getComputedStyle(e).zoom)).toBe('1.3');
    expect((await page.locator('table.reports tbody tr').first().boundingBox())!.height).toBeGreaterThan(before * 1.2);
    for (const b of await page.locator('.topbar button, .topbar nav a, .filters button').all()) expect((await b.boundingBox())!.height, await b.innerText()).toBeLessThan(40 * 1.3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: join(out, 'library-1366-font-xl.png') });
    await page.getByLabel('字号').selectOption({ label: '中' });
  });
});

describe('titles at 特大 on 1366×768', () => {
  /** A title's lines, and the characters on its narrowest full line (text laid out by the browser). */
  const lines = (sel: string) =>
    page.locator(sel).first().evaluate((e) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      const tops: number[] = [];
      for (const x of r.getClientRects()) if (x.width > 0 && !tops.some((t) => Math.abs(t - x.top) < 6)) tops.push(x.top);
      return { lines: tops.length, chars: (e.textContent ?? '').replace(/\s/g, '').length };
    });

  it('keeps the report page’s title wide enough to read, and 汇总’s on one line', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${session.host.url}#/`);
    await page.getByLabel('字号').selectOption({ label: '特大' });
    for (const file of ['huaian-city-gov-2024.txt', 'seed-000.txt']) {
      const id = session.host.runtime.archive.listReports({}).find((r) => r.fileName === file)!.id;
      await page.goto(`${session.host.url}#/report/${id}`);
      await page.locator('article.report h1').waitFor();
      const t = await lines('article.report h1');
      // 淮安市人民政府 2024年度 on one line; the longest name (45 characters) at 20 or more a line, not 5.
      expect(t.chars / t.lines, `${file}: ${t.lines} lines`).toBeGreaterThanOrEqual(Math.min(t.chars, 20));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await page.screenshot({ path: join(out, `report-title-xl-${file.replace(/\.txt$/, '')}.png`) });
    }
    await page.goto(`${session.host.url}#/summary?year=2024`);
    await page.locator('.summary-view h1').waitFor();
    expect((await lines('.summary-view h1')).lines).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: join(out, 'summary-title-xl.png') });
    await page.getByLabel('字号').selectOption({ label: '中' });
  });
});

describe('the report page at 1366×768', () => {
  it('keeps the header buttons on one line each with the longest agency name', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const id = fileId(session, 'seed-000.txt');
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.locator('article.report h1').waitFor();
    for (const b of await page.locator('.report-head button, .report-head a').all()) expect((await b.boundingBox())!.height, await b.innerText()).toBeLessThan(40);
    expect((await page.locator('.report-head .status').boundingBox())!.height).toBeLessThan(24); // one line, not 通/过 stacked
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: join(out, 'report-1366-long-name.png') });
  });
});
