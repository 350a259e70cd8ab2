// What the parser worked out, as a reviewer sees it: where agency and year were read, which
// cells were inferred from a table whose separators were lost, and the names proposed for
// merging on the 单位 page. Screenshots at the common office screen size go to test-output/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session, fileId } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  // A crawled page (its table's digits run together) and the two 洪泽 reports of two years.
  session = await openSession({ fixtures: { 'real/pt-czj-2022/page.txt': 'pt-czj-2022.txt', 'reports/samples': 'samples', 'scan/洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf': 'scan/洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf', 'real/x-huaian-szf-2024/original.pdf': 'huaian.pdf' }, importFirst: true, ocr: false });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => session?.close());

describe('evidence in the report view', () => {
  it('says where agency, year and date were read and marks the inferred cells', async () => {
    const id = fileId(session, 'pt-czj-2022.txt');
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.getByRole('heading', { name: /平潭综合实验区财政金融局/ }).waitFor();
    const meta = await page.locator('dl.meta').innerText();
    expect(meta).toMatch(/单位依据\s*网页信息/);
    expect(meta).toMatch(/年度依据\s*网页信息/);
    expect(meta).toMatch(/落款日期依据\s*落款/);
    expect(await page.locator('.inferred-legend').innerText()).toContain('带虚线的数字是推断的');
    const inferred = page.locator('table.form td.inferred');
    expect(await inferred.count()).toBeGreaterThan(100);
    expect(await inferred.first().getAttribute('title')).toContain('推断：原文表格的分隔丢失');
    await page.screenshot({ path: join(out, 'report-evidence-1366.png') });
    await page.locator('table.form').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'report-inferred-cells-1366.png') });
  });

  it('shows a scanned PDF as a report that still needs its data, with why and where its name came from', async () => {
    const id = session.host.runtime.archive.listReports({}).find((r) => r.format === 'pdf' && r.status === 'incomplete')!.id;
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.getByRole('heading', { name: /洪泽区人民政府/ }).waitFor();
    expect(await page.locator('.findings').innerText()).toContain('扫描件，没有可识别的文字（需要文字版或人工录入）');
    expect(await page.locator('dl.meta').innerText()).toMatch(/单位依据\s*文件名/);
    expect(await page.locator('.status').first().innerText()).toBe('解析不完整');
    await page.screenshot({ path: join(out, 'report-scan-1366.png') });
  });

  it('shows a published PDF with its tables, read as PDF', async () => {
    const id = fileId(session, 'huaian.pdf');
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.getByRole('heading', { name: /淮安市人民政府/ }).waitFor();
    expect(await page.locator('dl.meta').innerText()).toContain('PDF');
    expect(await page.locator('table.form').count()).toBe(3);
    await page.screenshot({ path: join(out, 'report-pdf-1366.png') });
  });

  it('wraps a 300,000-character line instead of widening the page', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { join: j } = await import('node:path');
    mkdirSync(j(session.dir, 'long'));
    const body = ['某县教育局2023年政府信息公开工作年度报告', '一、总体情况', `本年度${'政务公开'.repeat(75_000)}。`, '二、主动公开政府信息情况', '略。', '六、其他需要报告的事项', '无。'];
    writeFileSync(j(session.dir, 'long', '长行.txt'), body.join('\n'));
    const rt = session.host.runtime;
    await rt.importer.wait(rt.importer.start([j(session.dir, 'long')]));
    const id = rt.archive.listReports({}).find((r) => r.fileName === '长行.txt')!.id;
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.locator('.part p').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  });

  it('proposes, and does not apply, merging names that differ only by the place above', async () => {
    await page.goto(`${session.host.url}#/agencies`);
    // 洪泽区人民政府 has two reports here (2023, and the 2024 scan), 淮安市洪泽区人民政府 one: the fewer goes into the more.
    const row = page.locator('tr[data-agency="淮安市洪泽区人民政府"]');
    await expect.poll(() => row.locator('.suggestion').innerText()).toContain('可能与“洪泽区人民政府”是同一单位（两个名称只差地名前缀“淮安市”）');
    expect(await row.locator('td').nth(3).innerText()).toContain('本名');
    await page.screenshot({ path: join(out, 'agencies-suggestion-1366.png') });
    await row.getByRole('button', { name: '合并到该单位' }).click();
    await expect.poll(() => row.locator('td').nth(3).innerText()).toBe('洪泽区人民政府');
  });
});
