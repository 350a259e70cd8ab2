// The findings panel in real Chromium: errors first, one line per rule and table where a rule
// fires three times or more, expanded to each finding, its cells highlighted; the panel folds.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  // seed 002 (a real pre-2019 report) misses five of the six parts: five C1 findings, one line.
  session = await openSession({ fixtures: { 'reports/utf8/seed-002.txt': 'seed-002.txt', 'reports/t2021/t2021-errors-2024.txt': 'errors.txt' }, importFirst: true });
  page = session.page;
});

afterAll(async () => session?.close());

it('lists the erroneous 2021-format report’s errors first', async () => {
  const id = session.host.runtime.archive.listReports({}).find((r) => r.fileName === 'errors.txt')!.id;
  const detail = session.host.runtime.archive.getReport(id)!;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${session.host.url}#/report/${id}`);
  const lines = page.locator('.findings .finding-list > li');
  await lines.first().waitFor();
  const sev = await page.locator('.findings .finding-list > li > .finding-line .sev').allInnerTexts();
  // Errors before 提醒, and no 提醒 between two errors.
  expect(sev.join('')).toMatch(/^(错误)*(提醒)*(说明)*$/);
  const count = (s: string) => detail.findings.filter((f) => f.severity === s).length;
  expect((await page.locator('.findings h2 .tally').innerText()).split('\n')).toEqual([`错误 ${count('error')} 条`, `提醒 ${count('warning')} 条`]);
  await page.screenshot({ path: join(out, 'findings-errors-1366.png') });
});

it('folds five missing parts into one line, expanded on click', async () => {
  const id = session.host.runtime.archive.listReports({}).find((r) => r.fileName === 'seed-002.txt')!.id;
  await page.goto(`${session.host.url}#/report/${id}`);
  const lines = page.locator('.findings .finding-list > li');
  await lines.first().waitFor();
  const group = page.locator('.findings .finding-line[aria-expanded]');
  await expect.poll(() => group.count()).toBe(1);
  expect(await group.innerText()).toBe('提醒\n▸\n缺少 5 个部分，或这些部分的标题未能识别');
  await group.click();
  expect(await group.getAttribute('aria-expanded')).toBe('true');
  expect(await page.locator('.findings .finding-list li li').count()).toBe(5);
  await page.screenshot({ path: join(out, 'findings-grouped-1366.png') });
  await page.getByRole('button', { name: '收起' }).click();
  expect(await lines.count()).toBe(0);
  await page.getByRole('button', { name: '展开' }).click();
  expect(await lines.count()).toBeGreaterThan(0);
});
