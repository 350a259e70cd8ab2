// 设置 and 审核意见 in real Chromium: the office's name, a 体检 check switched off (gone from
// the report, said on the notice), the notice saved as Word and as PDF and read back.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'real/pt-czj-2021/page.txt': 'czj-2021.txt' }, importFirst: true });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => session?.close());

describe('审核意见', () => {
  it('asks before a year’s notices are written from 汇总 without an office name', async () => {
    await page.goto(`${session.host.url}#/summary?year=2021`);
    await page.getByRole('button', { name: '生成审核意见' }).click();
    const dialog = page.getByRole('dialog', { name: '生成审核意见' });
    await dialog.getByRole('note').filter({ hasText: '尚未设置机构名称，落款将为空' }).waitFor();
    expect(await dialog.getByRole('button', { name: '仍然生成' }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(out, 'summary-notices-no-office.png') });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('says before writing that no office name is set, with the way to 设置, and still lets the clerk go on', async () => {
    const id = session.host.runtime.archive.listReports({})[0].id;
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.getByRole('button', { name: '审核意见…' }).click();
    const dialog = page.getByRole('dialog', { name: '审核意见' });
    const line = dialog.getByRole('note').filter({ hasText: '尚未设置机构名称，落款将为空' });
    await line.waitFor();
    expect(await dialog.getByRole('button', { name: '保存为Word' }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(out, 'notice-no-office.png') });
    await line.getByRole('link', { name: '去设置' }).click();
    await page.getByRole('heading', { name: '设置' }).waitFor();
    expect(await dialog.count()).toBe(0);
  });

  it('keeps the office’s name and switches a 体检 check off', async () => {
    await page.goto(`${session.host.url}#/settings`);
    await page.getByRole('heading', { name: '设置' }).waitFor();
    await page.getByLabel('机构名称').fill('平潭综合实验区管委会办公室');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '已保存单位名称' }).waitFor();
    await page.getByLabel('启用“标点符号使用不规范”').uncheck();
    await page.getByRole('status').filter({ hasText: '已关闭：标点符号使用不规范' }).waitFor();
    expect(session.host.runtime.archive.settings()).toMatchObject({ officeName: '平潭综合实验区管委会办公室', disabledRules: ['W2'] });
    await page.screenshot({ path: join(out, 'settings-1366.png'), fullPage: true });
  });

  it('no longer shows the switched-off check on the report', async () => {
    const id = session.host.runtime.archive.listReports({})[0].id;
    await page.goto(`${session.host.url}#/report/${id}`);
    await page.locator('.findings .finding-line').first().waitFor();
    const text = await page.locator('.findings').innerText();
    expect(text).toContain('单位名称写作“平潭综合实验区财政全融局”');
    expect(text).not.toContain('半角标点');
  });

  it('saves the notice as Word and as PDF, with the deadline, the office and what was not checked', async () => {
    await page.getByRole('button', { name: '审核意见…' }).click();
    const dialog = page.getByRole('dialog', { name: '审核意见' });
    await dialog.getByLabel('整改期限').fill('2025-02-20');
    expect(await dialog.getByText('尚未设置机构名称').count()).toBe(0); // set by now
    await page.screenshot({ path: join(out, 'notice-dialog-1366.png') });
    await dialog.getByRole('button', { name: '保存为Word' }).click();
    await page.getByText(/^已保存审核意见：.*\.docx$/).waitFor();
    const docx = session.host.saved.find((p) => p.endsWith('.docx'))!;
    expect(docx).toMatch(/审核意见_平潭综合实验区财政金融局_2021年度\.docx$/);
    const text = (await mammoth.extractRawText({ path: docx })).value;
    expect(text).toContain('关于平潭综合实验区财政金融局2021年度政府信息公开工作年度报告的审核意见');
    expect(text).toContain('请于2025年2月20日前修改完善后重新报送。');
    expect(text).toContain('本次审核未进行以下检查：标点符号使用不规范。');
    expect(text).not.toContain('半角标点');

    await page.getByRole('button', { name: '审核意见…' }).click();
    await dialog.getByLabel('整改期限').fill('2025-02-20');
    await dialog.getByRole('button', { name: '保存为PDF' }).click();
    await page.getByText(/^已保存审核意见：.*\.pdf$/).waitFor({ timeout: 60000 });
    const pdf = session.host.saved.find((p) => p.endsWith('.pdf'))!;
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(printed.replace(/\s+/g, '')).toContain('关于平潭综合实验区财政金融局2021年度政府信息公开工作年度报告的审核意见');
    expect(printed).toContain('平潭综合实验区管委会办公室');
    expect(printed.replace(/\s+/g, '')).toContain('请于2025年2月20日前修改完善后重新报送。');
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '70', '-png', pdf, join(out, 'notice-sheet')]);
  });
});
