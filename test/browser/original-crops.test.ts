// The original of a disputed cell on paper: a real report read from a PDF whose 本年新收 总计 reads
// 7 where the page prints 2 (the misreading reading-doubt.test.ts stores). The check sheet's print
// dialog offers the crop under each finding naming that cell, ticked for 识别存疑; the printed sheet
// holds the page's crop at its own size. Once the clerk has confirmed the cell, the 审核意见 lists the
// rules it fails, and with 附原文截图 its .docx holds the crop as a picture: the page around the cell,
// the cell outlined in red with the page's "2" inside.
import { changeCell } from '../../src/main/node/archive/cells.ts';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileId, openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;
let id: number;
let word: number;

beforeAll(async () => {
  // 君山片区 2023 as its PDF, and another unit's report (市场监督管理局 2023) as Word.
  session = await openSession({ fixtures: { 'real/pt-jsp-2023/report.pdf': 'jsp/report.pdf', 'real/pt-scj-2023/report.docx': 'scj/report.docx' }, importFirst: true });
  page = session.page;
  id = fileId(session, 'report.pdf');
  const archive = session.host.runtime.archive;
  changeCell(archive, id, { table: 't3', row: 'new', col: 'total' }, (c) => ({ ...c!, value: { kind: 'number', num: 7, raw: '7' } }));
  archive.recheck(id);
  // In the Word report, a slip of the unit's own: 本年新收 总计 one more than its row's sum (the document's error).
  word = fileId(session, 'report.docx');
  changeCell(archive, word, { table: 't3', row: 'new', col: 'total' }, (c) => {
    const num = (c!.value as { num: number }).num + 1;
    return { ...c!, value: { kind: 'number', num, raw: String(num) } };
  });
  archive.recheck(word);
});
afterAll(async () => session?.close());

/** Each page of a PDF as PNG, `width` pixels wide, into test-output. */
const pngPages = (pdf: string, name: string, width: number) => execFileSync('pdftoppm', ['-scale-to-x', String(width), '-scale-to-y', '-1', '-png', pdf, join(out, `${name}-${width}`)]);

describe('the check sheet with the original beside its findings', () => {
  it('offers the crop for each finding naming a PDF cell, ticked for 识别存疑', async () => {
    for (const width of [1920, 1366]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
      await page.goto(`${session.host.url}#/report/${id}`);
      await page.getByRole('button', { name: '打印核对表…' }).click();
      const dialog = page.getByRole('dialog', { name: '打印核对表' });
      await dialog.waitFor();
      const boxes = dialog.getByRole('checkbox');
      const n = await boxes.count();
      expect(n).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < n; i++) {
        const label = await boxes.nth(i).locator('xpath=..').innerText();
        expect(await boxes.nth(i).isChecked(), label).toBe(label.includes('识别存疑'));
      }
      await page.screenshot({ path: join(out, `crop-print-dialog-${width}.png`) });
      if (width === 1920) await dialog.getByRole('button', { name: '取消' }).click();
    }
    await page.getByRole('dialog', { name: '打印核对表' }).getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存：.*核对表\.pdf$/).waitFor({ timeout: 60000 });
    const pdf = session.host.saved.find((p) => p.endsWith('核对表.pdf'))!;
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('原文：report.pdf 第2页，红框为所涉格子');
    // The crops are pictures printed at their own size: about 180 dpi (2.5 pixels a point), not shrunk to a thumbnail.
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const l of images) expect(Number(l.trim().split(/\s+/)[12])).toBeLessThan(200);
    for (const width of [1366, 1920]) pngPages(pdf, 'crop-check-sheet', width);
  });

  it('prints no crop where the clerk unticks them all', async () => {
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.getByRole('button', { name: '打印核对表…' }).click();
    const dialog = page.getByRole('dialog', { name: '打印核对表' });
    for (const b of await dialog.getByRole('checkbox').all()) if (await b.isChecked()) await b.uncheck();
    const before = session.host.saved.length;
    await dialog.getByRole('button', { name: '保存为PDF' }).click();
    await expect.poll(() => session.host.saved.length, { timeout: 60000 }).toBeGreaterThan(before);
    const pdf = session.host.saved[session.host.saved.length - 1];
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).not.toContain('红框为所涉格子');
  });
});

describe('the check sheet of a Word report', () => {
  it('prints the Word table’s rows around the ticked finding’s cell, the cell marked', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${session.host.url}#/report/${word}`);
    await page.getByRole('button', { name: '打印核对表…' }).click();
    const dialog = page.getByRole('dialog', { name: '打印核对表' });
    // An error of the document: offered, not ticked to begin with.
    const r2 = dialog.getByRole('checkbox', { name: /【错误】.*“一、本年新收政府信息公开申请数量”行/ });
    expect(await r2.isChecked()).toBe(false);
    await r2.check();
    const before = session.host.saved.length;
    await dialog.getByRole('button', { name: '保存为PDF' }).click();
    await expect.poll(() => session.host.saved.length, { timeout: 60000 }).toBeGreaterThan(before);
    const pdf = session.host.saved[session.host.saved.length - 1];
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/原文：report\.docx 表格\d+，加框为所涉格子/);
    expect(text.slice(text.indexOf('原文：report.docx'))).toContain('一、本年新收政府信息公开申请数量');
    for (const width of [1366, 1920]) pngPages(pdf, 'crop-check-sheet-word', width);
  });
});

describe('the 审核意见 with 附原文截图', () => {
  it('puts the crop of the confirmed cell’s page under the finding in the .docx', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.getByRole('button', { name: '已核对原文，数值无误' }).first().click();
    await page.locator('section.findings').getByText(/错误 \d+ 条/).waitFor();
    await page.getByRole('button', { name: '审核意见…' }).click();
    const dialog = page.getByRole('dialog', { name: '审核意见' });
    const tick = dialog.getByRole('checkbox', { name: /附原文截图/ });
    expect(await tick.isChecked()).toBe(false);
    await tick.check();
    await page.screenshot({ path: join(out, 'crop-notice-dialog-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(out, 'crop-notice-dialog-1920.png') });
    await dialog.getByRole('button', { name: '保存为Word' }).click();
    const said = page.getByText(/^已保存审核意见：.*\.docx（附原文截图 (\d+) 处）$/);
    await said.waitFor({ timeout: 60000 });
    const count = Number(/附原文截图 (\d+) 处/.exec(await said.innerText())![1]);
    expect(count).toBeGreaterThanOrEqual(1);

    const docx = session.host.saved.find((p) => p.endsWith('.docx'))!;
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(media.length).toBe(count);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('原文：report.pdf 第2页，红框为所涉格子');
    expect((xml.match(/<pic:pic\b/g) ?? []).length).toBe(count);

    const png = PNG.sync.read(Buffer.from(await zip.file(media[0])!.async('uint8array')));
    // A band of the page as wide as the table (the page is 595 points, drawn 2.5 pixels a point), a few rows high.
    expect(png.width).toBeGreaterThan(800);
    expect(png.width).toBeLessThanOrEqual(1488);
    expect(png.height).toBeGreaterThan(60);
    expect(png.height).toBeLessThan(png.width);
    const at = (x: number, y: number) => png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3);
    // The red outline, and the page's ink inside it (the cell's digits) and around it (the table).
    let red = { n: 0, x0: png.width, y0: png.height, x1: 0, y1: 0 };
    let ink = 0;
    for (let y = 0; y < png.height; y++)
      for (let x = 0; x < png.width; x++) {
        const [r, g, b] = at(x, y);
        if (r > 200 && g < 60 && b < 60) red = { n: red.n + 1, x0: Math.min(red.x0, x), y0: Math.min(red.y0, y), x1: Math.max(red.x1, x), y1: Math.max(red.y1, y) };
        else if (r + g + b < 300) ink++;
      }
    expect(red.n).toBeGreaterThan(200);
    expect(ink).toBeGreaterThan(2000);
    let inside = 0;
    for (let y = red.y0 + 6; y < red.y1 - 6; y++)
      for (let x = red.x0 + 6; x < red.x1 - 6; x++) {
        const [r, g, b] = at(x, y);
        if (r + g + b < 300) inside++;
      }
    expect(inside).toBeGreaterThan(20);
    execFileSync('cp', [docx, join(out, 'crop-notice.docx')]);
  });

  it('puts the crops under the findings of the year’s notices written from 汇总 with 附原文截图', async () => {
    await page.goto(`${session.host.url}#/summary?year=2023`);
    await page.getByRole('button', { name: '生成审核意见' }).click();
    const dialog = page.getByRole('dialog', { name: '生成审核意见' });
    const tick = dialog.getByRole('checkbox', { name: /附原文截图/ });
    expect(await tick.isChecked()).toBe(false);
    await tick.check();
    for (const width of [1366, 1920]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
      await page.screenshot({ path: join(out, `crop-summary-notices-dialog-${width}.png`) });
    }
    await dialog.getByRole('button', { name: /^(仍然)?生成$/ }).click();
    const said = page.getByText(/^已在 .+ 生成 2 份审核意见（共附原文截图 \d+ 处）$/);
    await said.waitFor({ timeout: 120000 });
    const text = await said.innerText();
    const folder = /^已在 (.+) 生成/.exec(text)![1];
    const count = Number(/附原文截图 (\d+) 处/.exec(text)![1]);
    await page.screenshot({ path: join(out, 'crop-summary-notices-done-1920.png') });
    const docs = readdirSync(folder).filter((f) => f.endsWith('.docx'));
    expect(docs).toHaveLength(2);
    // The PDF report's notice: the page's crop under its finding, the cell outlined in red; the Word report's: its table rows.
    let pictures = 0;
    let tables = 0;
    for (const f of docs) {
      const zip = await JSZip.loadAsync(readFileSync(join(folder, f)));
      const xml = await zip.file('word/document.xml')!.async('string');
      const media = Object.keys(zip.files).filter((x) => /^word\/media\/.+\.png$/.test(x));
      pictures += media.length;
      if (xml.includes('原文：report.pdf 第2页，红框为所涉格子')) {
        expect(media.length).toBeGreaterThanOrEqual(1);
        const png = PNG.sync.read(Buffer.from(await zip.file(media[0])!.async('uint8array')));
        let red = 0;
        for (let i = 0; i < png.data.length; i += 4) if (png.data[i] > 200 && png.data[i + 1] < 60 && png.data[i + 2] < 60) red++;
        expect(red).toBeGreaterThan(200);
        execFileSync('cp', [join(folder, f), join(out, 'crop-summary-notice-pdf.docx')]);
      }
      tables += (xml.match(/原文：report\.docx 表格\d+，加框为所涉格子/g) ?? []).length;
    }
    expect(pictures).toBeGreaterThanOrEqual(1);
    expect(tables).toBeGreaterThanOrEqual(1);
    expect(count).toBeGreaterThanOrEqual(pictures + tables);
  });

  it('prints the same crops on the notice printed as PDF', async () => {
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.getByRole('button', { name: '审核意见…' }).click();
    const dialog = page.getByRole('dialog', { name: '审核意见' });
    await dialog.getByRole('checkbox', { name: /附原文截图/ }).check();
    await dialog.getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存审核意见：.*\.pdf$/).waitFor({ timeout: 60000 });
    const pdf = session.host.saved.filter((p) => p.endsWith('.pdf')).pop()!;
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('原文：report.pdf 第2页，红框为所涉格子');
    for (const width of [1366, 1920]) pngPages(pdf, 'crop-notice', width);
  });
});
