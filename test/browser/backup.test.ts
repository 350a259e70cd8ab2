// 备份与恢复 in real Chromium: a backup now and to a chosen folder, the list, and a restore
// (with its confirmation) that brings removed reports back while the app runs.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/utf8': 'utf8' }, importFirst: true });
  page = session.page;
});

afterAll(async () => session?.close());

const today = () => {
  const d = new Date();
  return { iso: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`, label: `${d.getMonth() + 1}月${d.getDate()}日`, long: `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` };
};

describe('备份与恢复', () => {
  it('backs up now into 备份/ beside the archive and lists it', async () => {
    await page.goto(session.host.url);
    const link = page.locator('a.topbar-backup');
    expect(await link.innerText()).toBe('尚未备份');
    await link.click();
    await page.getByRole('heading', { name: '备份与恢复' }).waitFor();
    expect(await page.locator('.archive-file').innerText()).toContain('5 份报告');
    expect(await page.getByText('还没有备份。').count()).toBe(1);
    await page.getByRole('button', { name: '立即备份' }).click();
    const status = page.getByRole('status');
    await status.filter({ hasText: '已备份 5 份报告' }).waitFor();
    const file = join(session.dir, '备份', `archive-${today().iso}.sqlite.gz`);
    expect(await status.innerText()).toContain(file);
    expect(existsSync(file)).toBe(true);
    const row = page.locator('table.backups tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(new RegExp(`${today().long}\\s+5\\s+[\\d.]+ KB\\s+恢复到这一天`));
    await expect.poll(() => link.innerText()).toBe(`最近备份 ${today().label}`);
    await page.screenshot({ path: join(out, 'backup-page.png') });
  });

  it('backs up to a folder the user picks', async () => {
    await page.getByRole('button', { name: '备份到U盘或其他文件夹…' }).click();
    const status = page.getByRole('status').filter({ hasText: '已备份 5 份报告到：' });
    await status.waitFor();
    const path = (await status.innerText()).replace(/^已备份 5 份报告到：/, '');
    expect(path).toMatch(/backup-\d+\/年报档案备份-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite$/);
    expect(existsSync(path)).toBe(true);
  });

  it('restores the day’s backup after asking, and the removed reports are back', async () => {
    const archive = session.host.runtime.archive;
    for (const r of archive.listReports({}).slice(0, 2)) archive.removeReport(r.id);
    await page.reload();
    await page.getByRole('heading', { name: '备份与恢复' }).waitFor();
    expect(await page.locator('.archive-file').innerText()).toContain('3 份报告');
    await page.getByRole('button', { name: '恢复到这一天' }).click();
    const dialog = page.getByRole('dialog', { name: '确认恢复' });
    expect(await dialog.innerText()).toContain(`用${today().long}的备份（5 份报告）替换当前档案？`);
    expect(await dialog.innerText()).toContain('当前档案有 3 份报告');
    await page.screenshot({ path: join(out, 'backup-confirm.png') });
    await page.keyboard.press('Escape'); // Esc is 取消
    await expect.poll(() => dialog.count()).toBe(0);
    expect(archive.count()).toBe(3);
    await page.getByRole('button', { name: '恢复到这一天' }).click();
    await page.keyboard.press('Enter'); // the focused button is 恢复
    await page.getByRole('status').filter({ hasText: '恢复档案（5 份报告）' }).waitFor();
    expect(await page.locator('.archive-file').innerText()).toContain('5 份报告');
    expect(archive.count()).toBe(5);
    expect(readdirSync(session.dir).some((f) => f.startsWith('archive.sqlite.恢复前-'))).toBe(true);
    await page.getByRole('link', { name: '报告', exact: true }).click();
    await expect.poll(() => page.locator('table.reports tbody tr').count()).toBe(5);
  });

  it('fits the office screen', async () => {
    await page.goto(`${session.host.url}#/backup`);
    await page.getByRole('heading', { name: '备份与恢复' }).waitFor();
    for (const [w, h] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      // No button wraps onto a second line, and nothing runs off the right edge.
      for (const b of await page.locator('.backup-page button').all()) expect((await b.boundingBox())!.height).toBeLessThan(40);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      await page.screenshot({ path: join(out, `backup-page-${w}.png`) });
    }
  });
});
