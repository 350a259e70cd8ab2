// The import dialog on a nearly full disk: the warning is said once, in the dialog, before the
// files are read, and the import goes on.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/utf8': 'utf8' }, answerDialog: true, freeBytes: 20 * 1048576 });
});

afterAll(async () => session?.close());

it('warns that the disk may not hold the import, and imports', async () => {
  const { page } = session;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(session.host.url);
  await page.getByRole('button', { name: '导入文件夹' }).first().click();
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  const warning = dialog.locator('.warning-text');
  await warning.waitFor();
  expect(await warning.innerText()).toMatch(/^档案所在磁盘只剩约 20 MB，这些文件导入后约需 \d+ MB，空间可能不够。导入会继续；空间用完时会停止，已导入的报告不受影响。$/);
  await dialog.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 60000 });
  expect(await dialog.locator('.summary').innerText()).toContain('导入 5');
  await page.screenshot({ path: join(out, 'import-space-warning-1366.png') });
});
