// Comparison in real Chromium: pick two reports in the library, check a known change, then
// save the printed sheet as PDF through the same service the app uses and read it back.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/samples': 'samples' }, importFirst: true });
  page = session.page;
});

afterAll(async () => session?.close());

describe('comparison', () => {
  it('compares two reports picked in the library', async () => {
    await page.goto(session.host.url);
    await page.getByLabel(/选择 洪泽区人民政府 2023/).check();
    await page.getByLabel(/选择 淮安市洪泽区人民政府 2024/).check();
    await page.getByRole('button', { name: '比较所选（2）' }).click();
    await page.getByRole('heading', { name: '报告比较' }).waitFor();
    // 本年新收 总计: 21 in 2023, 95 in 2024.
    const row = page.locator('[data-line="t3|new|total"] td');
    expect(await row.allInnerTexts()).toEqual(['一、本年新收政府信息公开申请数量', '总计', '21', '95', '+74', '+352.38%']);
    expect(await page.locator('.similarity').innerText()).toMatch(/^总体重复率 \d+%$/);
    expect(await page.locator('.pair .ins').count()).toBeGreaterThan(0);
    await page.getByLabel('只看有变化的行').check();
    expect(await page.locator('[data-line="t3|r5_3|total"]').count()).toBe(0);
    await page.screenshot({ path: join(out, 'compare.png') });
  });

  it('saves the printed sheet as a PDF with title, values and page numbers', async () => {
    await page.getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存：/).waitFor({ timeout: 60000 });
    const pdf = session.host.saved.find((p) => p.endsWith('.pdf'))!;
    expect(pdf).toMatch(/报告比较_洪泽区人民政府_淮安市洪泽区人民政府_2023-2024\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('政府信息公开工作年度报告比较表');
    expect(text).toMatch(/一、本年新收政府信息公开申请数量\s+总计\s+21\s+95\s+\+74\s+\+352\.38%/);
    // The indicators keep their change, signed, as on screen.
    expect(text).toMatch(/公开率.*19\.0%\s+62\.1%\s+\+43\.1个百分点/);
    // The heading of the last section is on the page with its text, never alone at a page's foot.
    const pagesText = text.split('\f');
    const at = pagesText.findIndex((p) => p.includes('正文重复率'));
    expect(pagesText[at]).toMatch(/正文重复率[^]*全文：\d+%/);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    const flat = text.replace(/\s+/g, ''); // pdftotext drops the footer's narrow spaces
    expect(flat).toContain(`第1页共${pages}页`);
    expect(flat).toContain(`第${pages}页共${pages}页`);
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '70', '-png', pdf, join(out, 'compare-sheet')]);
  });

  it('exports the comparison as CSV under the same name', async () => {
    await page.getByRole('button', { name: '导出CSV' }).click();
    await page.getByText(/^已保存：.*\.csv$/).waitFor();
    const csv = session.host.saved.find((p) => p.endsWith('.csv'))!;
    expect(csv).toMatch(/报告比较_洪泽区人民政府_淮安市洪泽区人民政府_2023-2024\.csv$/);
    expect(readFileSync(csv, 'utf8')).toContain('表三 收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,21,95,74,352.38\r\n'); // CRLF, as Excel writes CSV
  });

  it('shows the year summary and an agency’s years with a chart', async () => {
    await page.goto(`${session.host.url}#/summary?year=2024`);
    await page.getByRole('heading', { name: '2024年度汇总' }).waitFor();
    expect(await page.locator('table.year-summary tbody tr').count()).toBe(2);
    // 洪泽区人民政府 reported 2024 as 淮安市洪泽区人民政府 (the same body, with its city): not 缺报.
    expect(await page.locator('.missing li').count()).toBe(0);
    await page.getByRole('button', { name: '本年新收申请' }).click(); // sort, largest first
    expect(await page.locator('table.year-summary tbody tr td:first-child > a:first-child').allInnerTexts()).toEqual(['淮安市人民政府', '淮安市洪泽区人民政府']);
    // Both are governments' own reports: summed apart from the units' (there are none this year).
    expect(await page.locator('table.year-summary tfoot tr').nth(1).locator('td').first().innerText()).toBe('本级政府报告');
    expect(await page.locator('table.year-summary tfoot tr').nth(1).locator('td').nth(2).innerText()).toBe(String(3119 + 95));
    await page.screenshot({ path: join(out, 'summary.png') });
    await page.getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存：.*汇总表\.pdf$/).waitFor({ timeout: 60000 });
    const sheet = session.host.saved.find((p) => p.endsWith('汇总表.pdf'))!;
    const text = execFileSync('pdftotext', ['-layout', sheet, '-'], { encoding: 'utf8' });
    expect(text).toContain('2024年度政府信息公开工作年度报告汇总表');
    expect(text).toMatch(/淮安市人民政府\s+通过\s+3119\s+1362/);
    expect(text).toMatch(/本级政府报告\s+3214/);
    expect(text).toContain('洪泽区人民政府');
    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByText(/^已保存：.*汇总表\.xlsx$/).waitFor();
    await page.goto(`${session.host.url}#/agency?name=${encodeURIComponent('淮安市洪泽区人民政府')}`);
    // One year under this name (not merged here): each figure is a single point, no line.
    await page.locator('svg.chart circle').first().waitFor({ state: 'attached' });
    expect(await page.locator('svg.chart circle').count()).toBe(4);
    expect(await page.locator('svg.chart polyline').count()).toBe(0);
    await page.screenshot({ path: join(out, 'agency-series.png') });
    await page.getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存：.*历年情况\.pdf$/).waitFor({ timeout: 60000 });
    const series = execFileSync('pdftotext', ['-layout', session.host.saved.find((p) => p.endsWith('历年情况.pdf'))!, '-'], { encoding: 'utf8' });
    expect(series).toContain('淮安市洪泽区人民政府政府信息公开工作年度报告历年情况');
    expect(series).toMatch(/2024年度\s+95\s+50\s+9\s+95\s+2\s+4\s+3\s+62\.1%\s+50\.0%/);
    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByText(/^已保存：.*历年情况\.xlsx$/).waitFor();
  });

  it('writes every agency’s comparison with its previous year in one go', async () => {
    // The two names of 洪泽区 are one body: then 2024 has a previous year to compare with.
    session.host.runtime.archive.mergeAgencies('洪泽区人民政府', '淮安市洪泽区人民政府');
    await page.goto(`${session.host.url}#/summary?year=2024`);
    await page.getByRole('button', { name: '批量生成与上一年的比较表' }).click();
    // While it runs: a bar, which sheet, and the button is held.
    await page.locator('.batch [role=progressbar]').waitFor();
    expect(await page.locator('.batch .progress-text').innerText()).toMatch(/^已完成 \d \/ 3/);
    expect(await page.getByRole('button', { name: '正在批量生成…' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(out, 'batch-running.png') });
    const banner = page.getByText(/^已在 .* 生成 4 个文件；1 个单位没有上一年度报告，未生成$/);
    await banner.waitFor({ timeout: 60000 });
    await page.getByText('未生成的单位').click();
    expect(await page.locator('.batch li').allInnerTexts()).toEqual(['淮安市人民政府：没有2023年度的报告']);
    await page.screenshot({ path: join(out, 'batch-done.png') });
    await page.getByRole('button', { name: '打开文件夹' }).click();
    const folder = /^已在 (.*) 生成/.exec(await banner.innerText())![1];
    expect(readdirSync(folder).sort()).toEqual([
      '2024年度政府信息公开工作年度报告汇总表.pdf',
      '2024年度政府信息公开工作年度报告汇总表.xlsx',
      '淮安市洪泽区人民政府_2023-2024.pdf',
      '淮安市洪泽区人民政府_2023-2024.xlsx',
    ]);
    await expect.poll(() => session.host.opened).toContain(folder);
    // Away and back: the page shows the year's batch again.
    await page.goto(`${session.host.url}#/agencies`);
    await page.goto(`${session.host.url}#/summary?year=2024`);
    await banner.waitFor();
    session.host.runtime.archive.unmergeAgency('洪泽区人民政府');
  });

  it('saves one report’s review sheet with its findings and tables', async () => {
    await page.goto(`${session.host.url}#/`);
    await page.locator('table.reports tbody tr', { hasText: 'hongze-district-gov-2023.txt' }).click();
    await page.getByRole('button', { name: '打印核对表…' }).click();
    await page.getByRole('dialog', { name: '打印核对表' }).getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存：.*核对表\.pdf$/).waitFor({ timeout: 60000 });
    const pdf = session.host.saved.find((p) => p.endsWith('核对表.pdf'))!;
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('洪泽区人民政府2023年度政府信息公开工作年度报告核对表');
    expect(text).toContain('【错误】表四 政府信息公开行政复议、行政诉讼情况，“行政复议”行');
    expect(text).toContain('表三 收到和处理政府信息公开申请情况');
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', pdf, join(out, 'report-sheet')]);
  });

  it('exports the comparison to Excel', async () => {
    const ids = session.host.runtime.archive.listReports({ agency: '洪泽' }).map((r) => r.id);
    await page.goto(`${session.host.url}#/compare?ids=${ids.join(',')}`);
    await page.getByRole('heading', { name: '报告比较' }).waitFor();
    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByText(/^已保存：.*\.xlsx$/).waitFor();
    expect(session.host.saved.some((p) => p.endsWith('.xlsx'))).toBe(true);
  });
});
