// An agency's years drawn as a chart in real Chromium: a line broken where years are missing
// (a real series: 2019, 2020, then 2022, 2023), as wide as a large screen allows; a bad comparison
// address says what to do.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  const fixtures: Record<string, string> = {};
  for (const y of [2019, 2020, 2022, 2023]) fixtures[`real/pt-czj-${y}/page.txt`] = `czj-${y}.txt`;
  session = await openSession({ fixtures, importFirst: true });
  page = session.page;
});

afterAll(async () => session?.close());

it('breaks the line across missing years and uses the width of a large screen', async () => {
  const agency = session.host.runtime.archive.listReports({}).find((r) => r.year === 2022)!.agencyGroup!;
  const series = session.host.runtime.archive.agencySeries(agency);
  expect(series.rows.map((r) => r.year)).toEqual([2019, 2020, 2022, 2023]);
  // Each figure drawn in each run of consecutive years: 2019–2020 and 2022–2023, never 2020–2022.
  const drawn = (f: string) => series.rows.filter((r) => r.figures[f] !== null).length === 4;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${session.host.url}#/agency?name=${encodeURIComponent(agency)}`);
  const chart = page.locator('svg.chart');
  await chart.waitFor();
  const lines = chart.locator('polyline');
  const full = ['applications', 'opened', 'review', 'suits'].filter(drawn).length;
  expect(await lines.count()).toBe(2 * full);
  expect(full).toBeGreaterThan(0);
  for (const l of await lines.all()) expect((await l.getAttribute('points'))!.split(' ')).toHaveLength(2);
  expect(await chart.locator('circle').count()).toBeGreaterThan(0);
  expect((await chart.boundingBox())!.width).toBeGreaterThan(1000);
  // Tick labels are distinct whole numbers.
  const ticks = await chart.locator('text[text-anchor="end"]').evaluateAll((els) => els.map((e) => e.textContent));
  expect(new Set(ticks).size).toBe(3);
  await page.screenshot({ path: join(out, 'series-gaps-1920.png') });
});

it('says what to do with a comparison address of fewer than two reports', async () => {
  await page.goto(`${session.host.url}#/compare?ids=1`);
  await page.getByText('比较需要2至6份不同的报告').waitFor();
  expect(await page.locator('main').innerText()).not.toContain('请求参数不正确');
});
