// 态势 in real Chromium: arrivals by kind of unit, indicators against the thresholds (changed on
// the page), units ranked, the area over the years.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { overview } from '../../src/main/node/archive/overview.ts';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/samples': 'samples', 'reports/t2021/t2021-errors-2024.txt': 'errors-2024.txt' }, importFirst: true });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => session?.close());

it('counts arrivals by kind, marks indicators above the thresholds, and follows a new threshold', async () => {
  const rt = session.host.runtime;
  await page.goto(`${session.host.url}#/overview?year=2024`);
  await page.getByRole('heading', { name: '态势' }).waitFor();
  const kinds = page.locator('table.overview-kinds tbody tr');
  await expect.poll(() => kinds.count()).toBeGreaterThan(0);
  const rows = Object.fromEntries((await kinds.allInnerTexts()).map((t) => [t.split('\t')[0], t.split('\t').slice(1).map(Number)]));
  // 淮安市人民政府 and 淮安市洪泽区人民政府 are governments; 某市教育局 (no real place: 其他) signed late, with errors.
  expect(rows['本级政府']).toEqual([2, 2, 0, 0, 0]);
  expect(rows['其他']).toEqual([1, 1, 0, 1, 1]);
  const units = page.locator('table.overview-units tbody tr');
  expect(await units.count()).toBe(3);
  // Ranked by 行政复议纠错率, highest first.
  const rates = (await page.locator('table.overview-units tbody td:nth-child(6)').allInnerTexts()).map((t) => (t === '—' ? -1 : parseFloat(t)));
  expect(rates).toEqual([...rates].sort((a, b) => b - a));
  const over = rt.archive.listReports({ year: 2024 }).length;
  expect(over).toBe(3);
  const flagged = page.locator('td.flagged');
  const before = await flagged.count();
  expect(before).toBeGreaterThan(0);
  await page.screenshot({ path: join(out, 'overview-1366.png'), fullPage: true });
  // Raise every threshold to 100 %: nothing is above it.
  for (const input of await page.locator('.threshold input').all()) {
    await input.fill('100');
    await input.blur();
  }
  await expect.poll(() => flagged.count()).toBe(0);
  expect(rt.archive.settings().thresholds).toEqual({ reviewCorrection: 1, suitCorrection: 1, withheldRate: 1 });
  expect(await page.locator('table.overview-years tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^2023年度\t1\t21\t/), expect.stringMatching(/^2024年度\t3\t3229\t/)]);
});

it('draws the area over the years: counts in one chart, rates in percent in another', async () => {
  await page.goto(`${session.host.url}#/overview?year=2024`);
  const counts = page.getByRole('img', { name: '历年本年新收申请数' });
  const rates = page.getByRole('img', { name: '历年公开率和纠错率' });
  await counts.waitFor();
  // Two years: the line joins 2023 to 2024, on a scale up to a round number.
  expect(await counts.locator('polyline').count()).toBe(1);
  expect((await counts.locator('polyline').getAttribute('points'))!.split(' ')).toHaveLength(2);
  expect(await counts.locator('circle title').allTextContents()).toEqual(['2023年度 本年新收申请：21', '2024年度 本年新收申请：3229']);
  expect(await counts.locator('text[text-anchor="end"]').allTextContents()).toEqual(['0', '2000', '4000']);
  // 行政复议纠错率 cannot be worked out for 2023 (shown — in the table): one point, no line drawn to it.
  expect(await rates.locator('polyline').count()).toBe(1);
  expect(await rates.locator('circle title').allTextContents()).toEqual(['2023年度 公开率：19.0%', '2024年度 公开率：59.7%', '2024年度 行政复议纠错率：20.7%']);
  const ticks = await rates.locator('text[text-anchor="end"]').allTextContents();
  expect(ticks[0]).toBe('0%');
  expect(ticks.every((t) => /^\d+%$/.test(t))).toBe(true);
  await page.locator('.overview-charts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, 'overview-charts-1366.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(out, 'overview-charts-1920.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
});

it('exports the 态势 to Excel: rates as percentages, those above a threshold in red, blanks left blank', async () => {
  const rt = session.host.runtime;
  rt.archive.setSettings({ thresholds: { reviewCorrection: 0.15, suitCorrection: 0.15, withheldRate: 0.3 } });
  await page.goto(`${session.host.url}#/overview?year=2024`);
  await page.locator('table.overview-units tbody tr').first().waitFor();
  await page.getByRole('button', { name: '导出Excel' }).click();
  await page.getByText(/^已保存：.*态势\.xlsx$/).waitFor();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(session.host.saved.find((p) => p.endsWith('态势.xlsx'))!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['报送情况', '各单位的主要指标', '历年情况']);
  const kinds = wb.getWorksheet('报送情况')!;
  expect(kinds.getRow(1).values).toEqual([undefined, '单位类别', '应报', '已报', '缺报', '迟报', '有错误']);
  const o = overview(rt.archive, 2024);
  const units = wb.getWorksheet('各单位的主要指标')!;
  const sheetRows = units.getRows(2, o.units.length)!;
  // The same ranking as the printed sheet, the same numbers as the page.
  expect(sheetRows.map((r) => r.getCell(2).value)).toEqual([...o.units].sort((a, b) => (b.indicators.reviewCorrection ?? -1) - (a.indicators.reviewCorrection ?? -1)).map((u) => u.agency));
  for (const r of sheetRows) {
    const u = o.units.find((x) => x.agency === r.getCell(2).value)!;
    ['openRate', 'withheldRate', 'reviewCorrection', 'suitCorrection'].forEach((id, k) => {
      const cell = r.getCell(4 + k);
      expect(cell.value ?? null).toBe(u.indicators[id] ?? null);
      expect(cell.numFmt).toBe('0.0%');
      expect(cell.font?.color?.argb === 'FFB42318').toBe(u.flagged.includes(id));
    });
  }
  expect(o.units.some((u) => u.flagged.length > 0)).toBe(true);
  const years = wb.getWorksheet('历年情况')!;
  expect([years.getRow(2).getCell(1).value, years.getRow(2).getCell(2).value, years.getRow(2).getCell(3).value]).toEqual([2023, 1, 21]);
  expect([years.getRow(3).getCell(1).value, years.getRow(3).getCell(2).value, years.getRow(3).getCell(3).value]).toEqual([2024, 3, 3229]);
});

it('prints the 态势 as a PDF with the same tables', async () => {
  await page.goto(`${session.host.url}#/overview?year=2024`);
  await page.locator('table.overview-units tbody tr').first().waitFor();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await page.getByText(/^已保存：.*态势\.pdf$/).waitFor({ timeout: 60000 });
  const pdf = session.host.saved.find((p) => p.endsWith('态势.pdf'))!;
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text.replace(/\s+/g, '')).toContain('2024年度政府信息公开工作年度报告态势');
  expect(text).toMatch(/1\s+淮安市洪泽区人民政府\s+本级政府\s+62\.1%/);
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', pdf, join(out, 'overview-sheet')]);
});
