// 原文对照 as the clerk uses it: on a cell of a report read from a PDF, the space bar (or 查看原文)
// draws the PDF page with pdf.js in the page and outlines the cell; on a Word report, the table as
// the file holds it with the cell marked. Beside the tables at 1920, under them at 1366.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileId, openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  // 淮安市人民政府 2024 printed with 表三 wider than the page (its 总计 cut), and 君山片区 2023 as Word.
  session = await openSession({ fixtures: { 'pdf/lo-wide/x-huaian-szf-2024.pdf': 'a/huaian.pdf', 'real/pt-jsp-2023/report.docx': 'b/jsp.docx' }, importFirst: true });
  page = session.page;
});
afterAll(async () => session?.close());

async function openCell(id: number, key: string) {
  await page.goto(`${session.host.url}#/report/${id}`);
  const cell = page.locator(`td[data-cell="${key}"]`);
  await cell.waitFor();
  await cell.click();
  await cell.press(' ');
  const panel = page.getByRole('complementary', { name: '原文对照' });
  await panel.waitFor();
  return panel;
}

describe('原文对照', () => {
  it('draws the PDF page and outlines the cell, beside the tables on a wide screen', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const panel = await openCell(fileId(session, 'huaian.pdf'), 't3|new|natural');
    expect(await panel.innerText()).toContain('huaian.pdf 第4页');
    const box = panel.locator('.original-box');
    await box.waitFor();
    // The canvas holds the drawn page: not blank.
    const inked = await panel.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(1000);
    // Beside the tables: the panel's left edge right of the tables' middle.
    const [tables, side] = await Promise.all([page.locator('.report-tables').first().boundingBox(), panel.boundingBox()]);
    expect(side!.x).toBeGreaterThan(tables!.x + tables!.width / 2);
    await page.screenshot({ path: join(out, 'original-pdf-1920.png') });
  });

  it('says a cut cell is blank because its digits are off the page', async () => {
    await page.goto(`${session.host.url}#/report/${fileId(session, 'huaian.pdf')}`);
    await page.getByText('表三有格子超出页面，数字不完整（第4页），这些格未记录，请对照原文填写').waitFor();
  });

  it('shows the Word table with the cell marked, under the tables at 1366', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const panel = await openCell(fileId(session, 'jsp.docx'), 't3|new|natural');
    const here = panel.locator('td.here');
    expect(await here.innerText()).toBe('2');
    expect(await panel.innerText()).toMatch(/jsp\.docx 表格\d+，第\d+行第2格/);
    const [tables, below] = await Promise.all([page.locator('.report-tables').first().boundingBox(), panel.boundingBox()]);
    expect(below!.y).toBeGreaterThan(tables!.y);
    await page.screenshot({ path: join(out, 'original-word-1366.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });
});
