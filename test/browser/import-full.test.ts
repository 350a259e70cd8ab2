// The import dialog when the disk fills up: the import stops, the heading says so (not 导入完成
// or 导入已取消), and the dialog says how many of the files were never imported.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/utf8': 'utf8' }, answerDialog: true });
});

afterAll(async () => session?.close());

it('says the import stopped on a full disk, and how many files it left', async () => {
  const { page, host } = session;
  // Room for about one report: SQLite's own page limit stands for the disk.
  const db = host.runtime.archive.db;
  db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 40}`);
  await page.goto(host.url);
  await page.getByRole('button', { name: '导入文件夹' }).first().click();
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  await dialog.getByRole('heading', { name: '导入已停止' }).waitFor({ timeout: 60000 });
  const stored = host.runtime.archive.count();
  expect(stored).toBeGreaterThan(0);
  expect(await dialog.getByRole('alert').innerText()).toBe(`磁盘空间不足，导入已停止：${5 - stored} 个文件未导入。`);
  await page.screenshot({ path: join(out, 'import-full-1360.png') });
  db.pragma('max_page_count = 1073741823');
});
