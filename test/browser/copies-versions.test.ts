// One unit's report of a year held as several files and revised, as the clerk sees it: the library
// lists it once (另有 N 份文件, 第2稿), the report page says which file its tables come from and why
// the others are copies, lists the versions, and what the revision fixed. Screenshots at 1366×768.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileId, openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  // 平潭 财政金融局 2020 (a real report) as the unit's Word file, the portal's PDF and the crawler's text.
  session = await openSession({ fixtures: { 'real/pt-czj-2020/report.docx': 'czj/report.docx', 'real/pt-czj-2020/report.pdf': 'czj/report.pdf', 'real/pt-czj-2020/page.txt': 'czj/page.txt' }, importFirst: true });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => session?.close());

describe('copies and versions', () => {
  it('lists the report once with its other files, and its page names them with the reason', async () => {
    await page.goto(`${session.host.url}#/`);
    const rows = page.locator('table tbody tr[data-id]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('另有 2 份文件');
    await page.screenshot({ path: join(out, 'library-copies-1366.png') });
    await rows.first().locator('a').first().click();
    const panel = page.getByRole('region', { name: '文件与版本' });
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('同一份报告的其他文件（统计时只算一份）');
    expect(text).toMatch(/report\.pdf\s*（PDF）\s*正文相同/);
    expect(text).toMatch(/page\.txt\s*（文本）\s*正文相同/);
    await page.screenshot({ path: join(out, 'report-copies-1366.png') });
  });

  it('makes a copy the file the tables come from when the clerk says so', async () => {
    await page.goto(`${session.host.url}#/report/${fileId(session, 'report.pdf')}`);
    await page.getByRole('region', { name: '文件与版本' }).waitFor();
    expect(await page.getByRole('region', { name: '文件与版本' }).innerText()).toContain('这份文件是另一文件的副本');
    await page.getByRole('button', { name: '以此文件为准' }).click();
    await page.getByRole('region', { name: '文件与版本' }).getByText('表格取自此文件').waitFor({ state: 'detached' }).catch(() => {});
    const listed = session.host.runtime.archive.listReports({});
    expect(listed.map((r) => r.fileName)).toEqual(['report.pdf']);
    // And back to the Word file.
    session.host.runtime.archive.chooseFile(fileId(session, 'report.docx'));
  });

  it('shows a revised version as 第2稿 with what it fixed, and the first draft a click away', async () => {
    const revised = readFileSync(new URL('../fixtures/real/pt-czj-2020/tabs.txt', import.meta.url), 'utf8')
      .replace('一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2')
      .replace('2021年1月27日', '2021年2月3日');
    const file = join(session.dir, '第二稿.txt');
    writeFileSync(file, revised);
    await session.host.runtime.importer.wait(session.host.runtime.importer.start([file]));
    await page.goto(`${session.host.url}#/`);
    const row = page.locator('table tbody tr[data-id]').first();
    await row.waitFor();
    expect(await page.locator('table tbody tr[data-id]').count()).toBe(1);
    expect(await row.innerText()).toContain('第2稿（共2稿）');
    await row.locator('a').first().click();
    const panel = page.getByRole('region', { name: '文件与版本' });
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('本单位本年度报告共 2 稿');
    expect(text).toMatch(/第1稿\s*落款 2021-01-27，report\.docx（共 3 份文件）/);
    expect(text).toMatch(/第2稿\s*落款 2021-02-03，第二稿\.txt\s*记录稿/);
    // The revision left 表三 inconsistent (新收 2, 总计 0): that error is new in 第2稿.
    expect(text).toMatch(/与第1稿相比\s*已整改 \d+ 项，未整改 \d+ 项，\s*新问题 [1-9]\d* 项/);
    await page.screenshot({ path: join(out, 'report-versions-1366.png') });
    await panel.getByRole('link', { name: '与上一稿比较' }).click();
    await page.waitForURL(/#\/compare\?ids=/);
    expect(page.url()).toContain(`ids=${fileId(session, 'report.docx')},${fileId(session, '第二稿.txt')}`);
  });
});
