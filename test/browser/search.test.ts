// Search in real Chromium: a two-character query as you type, highlighted hits, a condition
// on a table cell, opening a report at the hit, a phrase with punctuation in it.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_BUDGET } from '../../src/main/node/archive/search.ts';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'reports/utf8': 'utf8', 'reports/samples': 'samples', 'reports/t2021': 't2021' }, importFirst: true });
  page = session.page;
});

afterAll(async () => session?.close());

describe('search view', () => {
  it('finds and highlights a two-character term as it is typed', async () => {
    await page.goto(`${session.host.url}#/search`);
    await page.getByLabel('检索词').pressSequentially('复议', { delay: 40 });
    await expect.poll(() => page.locator('.result-count').innerText()).toBe('共找到 10 份报告'); // 15 files, 10 reports (a 2021-format fixture in several files is one report); seed 002, cut off in part 一, names 行政复议 in its opening paragraph
    // '复' alone finds the same 15 reports: wait for the snippets of '复议' itself.
    const marks = () => page.locator('.hit .snippet mark').allInnerTexts();
    await expect.poll(async () => [...new Set(await marks())]).toEqual(['复议']);
    expect((await marks()).length).toBeGreaterThan(5);
    await page.screenshot({ path: join(out, 'search.png') });
  });

  it('narrows by a condition on a table cell', async () => {
    await page.getByRole('button', { name: '添加数值条件' }).click();
    // The default condition is 行政复议 结果纠正 > 0.
    await expect.poll(() => page.locator('.result-count').innerText()).toBe('共找到 5 份报告'); // as in the integration test: the five reports (nine files) with 结果纠正 > 0
    await page.locator('[data-indicator="0"]').getByLabel('数值').fill('10');
    await expect.poll(() => page.locator('.result-count').innerText()).toBe('共找到 1 份报告');
    expect(await page.locator('.hit-head a').allInnerTexts()).toEqual(['淮安市人民政府']);
  });

  it('opens a report at the hit, highlighted', async () => {
    await page.getByLabel('检索词').fill('信息处理费');
    await page.locator('[data-indicator="0"]').getByRole('button', { name: '删除条件' }).click();
    await expect.poll(() => page.locator('.result-count').innerText()).toBe('共找到 4 份报告'); // the three samples and 某市教育局 2023 (某市教育局 2024's record, the revised version, does not mention it)
    await page.locator('.hit', { hasText: '淮安市人民政府' }).click();
    await page.getByRole('heading', { name: /淮安市人民政府/ }).waitFor();
    const mark = page.locator('[data-part="6"] mark').first();
    expect(await mark.innerText()).toBe('信息处理费');
    await expect.poll(() => mark.evaluate((el) => el.getBoundingClientRect().top > 0 && el.getBoundingClientRect().bottom < window.innerHeight)).toBe(true);
    await page.screenshot({ path: join(out, 'search-open.png') });
  });

  it('matches a phrase across its punctuation and marks the whole of it, in the list and in the report', async () => {
    await page.goto(`${session.host.url}#/search`);
    await page.getByLabel('检索词').fill('行政复议、行政诉讼');
    // The reports whose own text says it; the template's title of 表四 (行政复议、行政诉讼) is not searched (schema 16).
    await expect.poll(() => page.locator('.result-count').innerText()).toBe('共找到 6 份报告');
    expect(new Set(await page.locator('.hit .snippet mark').allInnerTexts())).toEqual(new Set(['行政复议、行政诉讼']));
    await page.locator('.hit', { hasText: '淮安市人民政府' }).click();
    await page.getByRole('heading', { name: /淮安市人民政府/ }).waitFor();
    expect(await page.locator('[data-part="4"] mark').first().innerText()).toBe('行政复议、行政诉讼');
  });

  it('says 约 when the total is an estimate (more matches than search ranks and counts)', async () => {
    const archive = session.host.runtime.archive;
    archive.matchBudget = 2;
    try {
      await page.goto(`${session.host.url}#/search`);
      await page.getByLabel('检索词').fill('复议');
      await expect.poll(() => page.locator('.result-count').innerText()).toMatch(/^共找到 约 \d+ 份报告$/);
      // Every match is still listed: the best of the newest two first, then the others newest first.
      expect(await page.locator('.hit').count()).toBe(10);
    } finally {
      archive.matchBudget = MATCH_BUDGET;
    }
    await page.getByLabel('检索词').fill('复议 ');
    await expect.poll(() => page.locator('.result-count').innerText()).toBe('共找到 10 份报告');
  });

  it('says 超过 when a condition alone passes more reports than search counts, and still lists them all', async () => {
    const archive = session.host.runtime.archive;
    archive.matchBudget = 2;
    try {
      await page.goto(`${session.host.url}#/search`);
      await page.getByLabel('检索词').fill(''); // the page keeps the last query
      await page.getByRole('button', { name: '添加数值条件' }).click();
      // 行政复议 结果纠正 > 0: five reports, counted no further than two.
      await expect.poll(() => page.locator('.result-count').innerText()).toBe('共找到 超过 2 份报告');
      expect(await page.locator('.hit').count()).toBe(5);
      for (const width of [1366, 1920]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(out, `search-over-${width}.png`) });
      }
    } finally {
      archive.matchBudget = MATCH_BUDGET;
      await page.setViewportSize({ width: 1360, height: 900 });
    }
  });

  it('picks reports found by different queries and compares them', async () => {
    await page.goto(`${session.host.url}#/search`);
    await page.getByLabel('检索词').fill('洪泽区人民政府');
    await page.getByLabel('选择 洪泽区人民政府 2023 进行比较').check();
    await page.getByLabel('检索词').fill('淮安市洪泽区');
    // The 2023 report names 淮安市洪泽区 in its opening paragraph: found too, and still picked.
    await expect.poll(() => page.locator('.hit-head a').allInnerTexts()).toEqual(['淮安市洪泽区人民政府', '洪泽区人民政府']);
    expect(await page.getByLabel('选择 洪泽区人民政府 2023 进行比较').isChecked()).toBe(true);
    await page.getByLabel('选择 淮安市洪泽区人民政府 2024 进行比较').check();
    await page.getByRole('button', { name: '比较所选（2）' }).click();
    await page.getByRole('heading', { name: '报告比较' }).waitFor();
    expect(await page.locator('[data-line="t3|new|total"] td').allInnerTexts()).toEqual(['一、本年新收政府信息公开申请数量', '总计', '21', '95', '+74', '+352.38%']);
  });
});
