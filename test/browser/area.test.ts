// 区域汇总表 in real Chromium: the year's tables summed over real reports, a cell's units, the
// government's own report against its units, and the Word and Excel read back.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

const hasSoffice = () => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

let session: Session;
let page: Page;

beforeAll(async () => {
  // 淮安市人民政府's report as the office holds it twice (the text and the .docx): one report, so every
  // sum below counts it once and its record still gets the A1 findings.
  session = await openSession({ fixtures: { 'reports/samples': 'samples', 'reports/word/huaian-city-gov-2024.docx': 'word/huaian-city-gov-2024.docx' }, importFirst: true });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => session?.close());

describe('区域汇总表', () => {
  it('sums every 2024 report in the official layout and shows who adds what', async () => {
    await page.goto(`${session.host.url}#/area?year=2024`);
    const total = page.locator('[data-cell="t3|new|total"]');
    await expect.poll(() => total.innerText()).toBe(String(3119 + 95));
    await total.click();
    const parts = page.getByRole('complementary', { name: '各单位的数字' });
    expect(await parts.locator('tr').allInnerTexts()).toEqual(['淮安市洪泽区人民政府\t95', '淮安市人民政府\t3119']); // pinyin order: hóng before rén
    await page.screenshot({ path: join(out, 'area-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(out, 'area-1920.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('sets the government’s own report against the sum of its units', async () => {
    // The directory's governments are offered as the clerk types.
    await expect.poll(() => page.locator('#region-governments option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual(['洪泽区人民政府', '淮安市洪泽区人民政府', '淮安市人民政府']);
    await page.getByLabel('区域').fill('淮安市');
    await page.getByRole('button', { name: '汇总' }).click();
    await expect.poll(() => page.url()).toContain('region=');
    const own = page.locator('.area-own');
    await own.waitFor();
    expect(await own.innerText()).toMatch(/^本级“淮安市人民政府”报告有 \d+ 个格子与各单位之和不同/);
    await own.locator('summary').click();
    expect(await own.innerText()).toContain('表三“一、本年新收政府信息公开申请数量”总计：本级报告 3119，各单位之和 95');
    await expect.poll(() => page.locator('[data-cell="t3|new|total"]').innerText()).toBe('95'); // own report left out
    expect(await page.locator('.area > p.muted').first().innerText()).toContain('2024年度：单位目录中上级为“淮安市”的 1 个单位的报告（不含本级“淮安市人民政府”）');
    await page.screenshot({ path: join(out, 'area-region-1366.png') });
    await page.getByLabel('含本级政府报告').click();
    await expect.poll(() => page.locator('[data-cell="t3|new|total"]').innerText()).toBe(String(3119 + 95));
    await page.getByLabel('含本级政府报告').click();
    await expect.poll(() => page.locator('[data-cell="t3|new|total"]').innerText()).toBe('95');
  });

  it('shows the differences on the government’s own report as 体检 findings that lead to the area’s tables', async () => {
    const id = session.host.runtime.archive.listReports({ year: 2024 }).find((r) => r.agency === '淮安市人民政府')!.id;
    await page.goto(`${session.host.url}#/report/${id}`);
    const line = page.locator('.finding', { hasText: '与所属单位报告之和不一致' }).filter({ hasText: '表三' });
    await line.waitFor();
    expect(await page.getByRole('region', { name: '文件与版本' }).innerText()).toContain('同一份报告的其他文件（统计时只算一份）');
    expect(await line.locator('.sev').innerText()).toBe('体检');
    await line.locator('.finding-line').first().click();
    expect(await line.innerText()).toContain('表三“一、本年新收政府信息公开申请数量”总计：本报告 3119，所属 1 个单位的报告之和 95');
    // Its cells are marked in the report's tables.
    await expect.poll(() => page.locator('[data-cell="t3|new|total"]').getAttribute('class')).toMatch(/focus|active|marked|warn/);
    await page.screenshot({ path: join(out, 'report-area-findings-1366.png') });
    await line.getByRole('link', { name: '查看区域汇总表' }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('#/area?year=2024&region=淮安市人民政府');
    await expect.poll(() => page.locator('[data-cell="t3|new|total"]').innerText()).toBe('95');
  });

  it('exports Word in the official layout and Excel with each unit’s numbers', async () => {
    await page.goto(`${session.host.url}#/area?year=2024`);
    await expect.poll(() => page.locator('[data-cell="t3|new|total"]').innerText()).toBe('3214');
    await page.getByRole('button', { name: '导出Word' }).click();
    await page.getByText(/^已保存：.*汇总表\.docx$/).waitFor();
    const docx = session.host.saved.find((p) => p.endsWith('.docx'))!;
    const html = (await mammoth.convertToHtml({ path: docx })).value;
    expect(html).toContain('<p>2024年度政府信息公开工作情况汇总（2个单位）</p>');
    // The merged headers of 表三 and 表四, as in the national form.
    expect(html).toContain('<th rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></th><th colspan="7"><p>申请人情况</p></th>');
    expect(html).toContain('<th rowspan="2"><p>自然人</p></th><th colspan="5"><p>法人或其他组织</p></th><th rowspan="2"><p>总计</p></th>');
    expect(html).toContain('<th colspan="5" rowspan="2"><p>行政复议</p></th><th colspan="10"><p>行政诉讼</p></th>');
    expect(html).toMatch(/<td><p>一、本年新收政府信息公开申请数量<\/p><\/td>(?:<td><p>\d+<\/p><\/td>){6}<td><p>3214<\/p><\/td>/);
    // For looking at the .docx rendered, where LibreOffice is installed (CI does not install it; the assertions above are the test).
    if (hasSoffice()) execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'ignore' });

    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByText(/^已保存：.*汇总表\.xlsx$/).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(session.host.saved.find((p) => p.endsWith('.xlsx'))!);
    const ws = wb.getWorksheet('2024年度汇总表')!;
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(2).value === '一、本年新收政府信息公开申请数量' && r.getCell(3).value === '总计')!;
    expect([row.getCell(4).value, row.getCell(5).value, row.getCell(8).value]).toEqual([3214, 2, '淮安市洪泽区人民政府 95；淮安市人民政府 3119']);
  });

  it('prints the area’s tables as a PDF in the official layout', async () => {
    await page.goto(`${session.host.url}#/area?year=2024`);
    await expect.poll(() => page.locator('[data-cell="t3|new|total"]').innerText()).toBe('3214');
    await page.getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存：.*汇总表\.pdf$/).waitFor({ timeout: 60000 });
    const pdf = session.host.saved.find((p) => p.endsWith('汇总表.pdf'))!;
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('2024年度政府信息公开工作情况汇总表');
    expect(text).toMatch(/一、本年新收政府信息公开申请数量\s+3096\s+53\s+0\s+0\s+61\s+4\s+3214/);
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', pdf, join(out, 'area-sheet')]);
  });
});
