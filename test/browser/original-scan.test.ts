// 原文对照 on a scan read by OCR, as the clerk uses it: a multi-page TIFF imported (the OCR runs
// in the importer's workers), a cell of 表三 chosen, the space bar: the scanned page as the file
// holds it, with the cell's box on it, and the cell's source saying it was read by OCR.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileId, openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  // 君山片区 2023, printed, scanned grey at 200 dpi a little askew, one 6-page TIFF.
  session = await openSession({ fixtures: { 'scan/tiff/pt-jsp-2023.tif': 'scan/jsp.tif' }, importFirst: true });
  page = session.page;
}, 300_000);
afterAll(async () => session?.close());

describe('原文对照 of a scan', () => {
  it('shows the scanned page with the OCR’d cell outlined, and the cell’s source says OCR', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${session.host.url}#/report/${fileId(session, 'jsp.tif')}`);
    const cell = page.locator('td[data-cell="t3|new|natural"]');
    await cell.waitFor();
    expect(await cell.innerText()).toBe('2');
    await cell.click();
    await expect.poll(async () => (await page.locator('main').innerText()).includes('文字识别（OCR，把握')).toBe(true);
    await cell.press(' ');
    const panel = page.getByRole('complementary', { name: '原文对照' });
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/jsp\.tif 第\d页（扫描件）/);
    const img = panel.locator('img');
    await img.waitFor();
    const natural = await img.evaluate((i: HTMLImageElement) => i.naturalWidth);
    expect(natural).toBeGreaterThan(1000);
    const box = panel.locator('.original-box');
    await box.waitFor();
    const [b, p] = await Promise.all([box.boundingBox(), img.boundingBox()]);
    // The box stands on the page, inside the picture.
    expect(b!.x).toBeGreaterThan(p!.x);
    expect(b!.x + b!.width).toBeLessThan(p!.x + p!.width);
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'original-scan-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(out, 'original-scan-1920.png') });
  });
});
