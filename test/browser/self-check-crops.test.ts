// The 自查 sheet with the draft's original beside its findings: a unit's PDF draft checked (the
// real report whose 本年新收 总计 reads 7 where the page prints 2, the misreading
// original-crops.test.ts stores in the archive, here put in the kept check). The print dialog
// offers the crop under each finding naming a cell, ticked for 识别存疑; the printed sheet holds
// the page's crop with the cell outlined in red, read again in main from the draft's path.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../../src/shared/report/checks/index.ts';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'real/pt-jsp-2023/report.pdf': 'jsp/report.pdf' } });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${session.host.url}#/selfcheck`);
  session.host.setAnswer([join(session.dir, 'in/jsp/report.pdf')]);
  await page.getByRole('button', { name: '选择文件' }).click();
  await page.getByRole('article', { name: '自查结果：report.pdf' }).waitFor();
  url = page.url();
  // The misreading, put in the check main keeps as the reader would have read it, checked again.
  const check = await session.host.handlers.selfCheckResult({ token: new URL(url.replace('#/', '')).searchParams.get('token')! });
  const f = check.files[0];
  if (!f.ok) throw new Error(f.message);
  f.cells = f.cells.map((c) => (c.table === 't3' && c.row === 'new' && c.col === 'total' ? { ...c, value: { kind: 'number', num: 7, raw: '7' } } : c));
  f.findings = allChecks({ ...f, text: '' });
  await page.reload();
  await page.getByRole('article', { name: '自查结果：report.pdf' }).waitFor();
});
afterAll(async () => session?.close());

/** The PDF the fake save dialog wrote last, after clicking `save` in the dialog. */
async function saveFrom(dialog: ReturnType<Page['getByRole']>): Promise<string> {
  const before = session.host.saved.length;
  await dialog.getByRole('button', { name: '保存为PDF' }).click();
  await expect.poll(() => session.host.saved.length, { timeout: 60000 }).toBeGreaterThan(before);
  return session.host.saved[session.host.saved.length - 1];
}

describe('the 自查 sheet with the original beside its findings', () => {
  it('offers the crop for each finding naming a cell, ticked for 识别存疑, and prints it with the cell in red', async () => {
    for (const width of [1920, 1366]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
      await page.getByRole('button', { name: '打印自查结果…' }).click();
      const dialog = page.getByRole('dialog', { name: '打印自查结果' });
      await dialog.waitFor();
      const boxes = dialog.getByRole('checkbox');
      const n = await boxes.count();
      expect(n).toBeGreaterThanOrEqual(1);
      let doubts = 0;
      for (let i = 0; i < n; i++) {
        const label = await boxes.nth(i).locator('xpath=..').innerText();
        doubts += label.includes('识别存疑') ? 1 : 0;
        expect(await boxes.nth(i).isChecked(), label).toBe(label.includes('识别存疑'));
      }
      expect(doubts).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: join(out, `self-check-crop-dialog-${width}.png`) });
      if (width === 1920) await dialog.getByRole('button', { name: '取消' }).click();
    }
    const pdf = await saveFrom(page.getByRole('dialog', { name: '打印自查结果' }));
    expect(pdf).toMatch(/报送前自查结果\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('原文：report.pdf 第2页，红框为所涉格子');
    // The crop is the page's picture at its own size (about 180 dpi), with the cell outlined in red.
    const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(list.length).toBeGreaterThanOrEqual(1);
    for (const l of list) expect(Number(l.trim().split(/\s+/)[12])).toBeLessThan(200);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-selfcheck-crop-'));
    execFileSync('pdfimages', ['-png', pdf, join(dir, 'img')]);
    const img = PNG.sync.read(readFileSync(join(dir, readdirSync(dir).sort()[0])));
    let red = 0;
    for (let i = 0; i < img.data.length; i += 4) if (img.data[i] > 200 && img.data[i + 1] < 60 && img.data[i + 2] < 60) red++;
    expect(red).toBeGreaterThan(200);
    for (const width of [1366, 1920]) execFileSync('pdftoppm', ['-scale-to-x', String(width), '-scale-to-y', '-1', '-png', pdf, join(out, `self-check-crop-sheet-${width}`)]);
  });

  it('prints no crop where the clerk unticks them all', async () => {
    await page.getByRole('button', { name: '打印自查结果…' }).click();
    const dialog = page.getByRole('dialog', { name: '打印自查结果' });
    for (const b of await dialog.getByRole('checkbox').all()) if (await b.isChecked()) await b.uncheck();
    const pdf = await saveFrom(dialog);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).not.toContain('原文：');
    expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)).toEqual([]);
  });
});
