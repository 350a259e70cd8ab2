// The findings panel in real Chromium: errors first, one line per rule and table where a rule
// fires three times or more, expanded to each finding, its cells highlighted; the panel folds.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSession, OUT as out, type Session, fileId } from './session.ts';
import { isReviewRule } from '../../src/shared/report/status.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  // seed 002 (a real pre-2019 report) misses five of the six parts: five C1 findings, one line.
  session = await openSession({ fixtures: { 'reports/utf8/seed-002.txt': 'seed-002.txt', 'reports/t2021/t2021-errors-2024.txt': 'errors.txt' }, importFirst: true });
  page = session.page;
});

afterAll(async () => session?.close());

it('lists the erroneous 2021-format report’s errors first', async () => {
  const id = fileId(session, 'errors.txt');
  const detail = session.host.runtime.archive.getReport(id)!;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${session.host.url}#/report/${id}`);
  const lines = page.locator('.findings .finding-list > li');
  await lines.first().waitFor();
  const sev = await page.locator('.findings .finding-list > li > .finding-line .sev').allInnerTexts();
  // Errors before 提醒, and no 提醒 between two errors.
  expect(sev.join('')).toMatch(/^(错误)*(提醒|体检)*(说明)*$/);
  const count = (s: string) => detail.findings.filter((f) => f.severity === s && !isReviewRule(f.rule)).length;
  const advice = detail.findings.filter((f) => isReviewRule(f.rule)).length;
  expect((await page.locator('.findings h2 .tally').innerText()).split('\n')).toEqual([`错误 ${count('error')} 条`, `提醒 ${count('warning')} 条`, ...(advice ? [`体检 ${advice} 条`] : [])]);
  await page.screenshot({ path: join(out, 'findings-errors-1366.png') });
});

it('folds five missing parts into one line, expanded on click', async () => {
  const id = fileId(session, 'seed-002.txt');
  await page.goto(`${session.host.url}#/report/${id}`);
  const lines = page.locator('.findings .finding-list > li');
  await lines.first().waitFor();
  const group = page.locator('.findings .finding-line[aria-expanded]', { hasText: '缺少 5 个部分' });
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

it('prints the check sheet with 表四 inside the portrait page, one unit in 表二’s header, and a legend for corrected cells', async () => {
  const rt = session.host.runtime;
  const id = rt.archive.listReports({}).find((r) => r.fileName === 'errors.txt')!.id;
  rt.archive.correct(id, 'cell:t3|new|natural', { kind: 'number', num: 2, raw: '2' }, '测试');
  // The printable width of A4 portrait with the sheet's margins: (8.27 − 0.4 − 0.4) in × 96.
  await page.setViewportSize({ width: 717, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${session.host.url}#/print/report?id=${id}`);
  await page.locator('table.form.t4').waitFor();
  const t4 = (await page.locator('table.form.t4').boundingBox())!;
  expect(t4.x + t4.width).toBeLessThanOrEqual(717);
  expect(await page.locator('table.form.t2').innerText()).not.toContain('（万元）（万元）');
  expect(await page.locator('.print-note').innerText()).toContain('右上角带三角标记的数值经人工更正');
  expect(await page.locator('.print-section', { hasText: '人工更正记录' }).innerText()).toMatch(/表三“一、本年新收政府信息公开申请数量”行“自然人”列：\d+ → 2（测试，\d{4}-\d{2}-\d{2}）/);
  await page.emulateMedia({ media: 'screen' });
});

it('shows where a 体检 finding is: the words marked in the report’s text', async () => {
  // A real report with one slip put in: 三是 where its part 五 has 二是.
  const text = readFileSync(new URL('../fixtures/real/pt-lyy-2024/tabs.txt', import.meta.url), 'utf8').replace('。二是进一步丰富政策解读形式', '。三是进一步丰富政策解读形式');
  writeFileSync(join(session.dir, 'lyy-2024.txt'), text);
  const rt = session.host.runtime;
  await rt.importer.wait(rt.importer.start([join(session.dir, 'lyy-2024.txt')]));
  const id = rt.archive.listReports({}).find((r) => r.fileName === 'lyy-2024.txt')!.id;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${session.host.url}#/report/${id}`);
  const o2 = page.locator('.findings .finding-line', { hasText: '的序号不连续' });
  await o2.click();
  const mark = page.locator('.parts [data-part="5"] mark.finding-quote');
  await expect.poll(() => mark.count()).toBe(1);
  expect(await mark.innerText()).toMatch(/^三是进一步丰富/);
  await page.screenshot({ path: join(out, 'review-finding-quote-1366.png') });
});

it('shows the words of a finding outside the six parts (a slip in the signature) in the line they stand in', async () => {
  const rt = session.host.runtime;
  writeFileSync(join(session.dir, 'czj-2021.txt'), readFileSync(new URL('../fixtures/real/pt-czj-2021/page.txt', import.meta.url)));
  await rt.importer.wait(rt.importer.start([join(session.dir, 'czj-2021.txt')]));
  const id = rt.archive.listReports({}).find((r) => r.fileName === 'czj-2021.txt')!.id;
  await page.goto(`${session.host.url}#/report/${id}`);
  await page.locator('.findings .finding-line', { hasText: '单位名称写作“平潭综合实验区财政全融局”' }).click();
  const note = page.getByRole('note');
  await note.waitFor();
  expect(await note.locator('mark.finding-quote').innerText()).toBe('平潭综合实验区财政全融局');
  expect(await note.innerText()).toMatch(/^六个部分以外的文字（开头或落款）：.*平潭综合实验区财政全融局/);
  await page.screenshot({ path: join(out, 'review-finding-outside-1366.png') });
});
