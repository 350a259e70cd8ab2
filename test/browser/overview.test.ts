// 态势 in real Chromium: arrivals by kind of unit, indicators against the thresholds (changed on
// the page), units ranked, the area over the years.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
