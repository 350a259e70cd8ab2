// Text from files never widens a page: a 209-character file name in the search results and on
// the printed comparison sheet, a line of 20,000 characters without a break in the comparison's
// text panel. Each page's (and the panel's) scrollWidth stays within its clientWidth.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session.ts';

let session: Session;
let page: Page;
const SLACK = 2;
const sample = (name: string) => readFileSync(new URL(`../fixtures/reports/samples/${name}`, import.meta.url), 'utf8');
// 209 characters, as the campaign's file: a name with a long run of letters and digits that offers no place to break.
const LONG_NAME = `淮安市人民政府${'2024ndbgArt8462'.repeat(14)}`.slice(0, 205) + '.txt';
const LINE = '0123456789ABCDEFGHIJ'.repeat(1000);
let ids: { older: number; newer: number; named: number };

/** How far the page (or an element) scrolls sideways beyond what it shows. */
const overflow = (selector?: string) =>
  page.evaluate((sel) => {
    const el = sel ? document.querySelector(sel)! : document.scrollingElement!;
    return el.scrollWidth - el.clientWidth;
  }, selector);

beforeAll(async () => {
  session = await openSession({ fixtures: {} });
  page = session.page;
  const dir = join(session.dir, 'wide');
  mkdirSync(dir, { recursive: true });
  expect(LONG_NAME).toHaveLength(209);
  writeFileSync(join(dir, 'hongze-2023.txt'), sample('hongze-district-gov-2023.txt'));
  // The newer report with a line that never breaks in 一、总体情况.
  writeFileSync(join(dir, 'hongze-2024.txt'), sample('hongze-district-gov-2024.txt').replace('  一、总体情况\n', `  一、总体情况\n  ${LINE}\n`));
  writeFileSync(join(dir, LONG_NAME), sample('huaian-city-gov-2024.txt'));
  const rt = session.host.runtime;
  await rt.importer.wait(rt.importer.start([dir]));
  const byFile = new Map(rt.archive.listReports({}).map((r) => [r.fileName, r.id]));
  ids = { older: byFile.get('hongze-2023.txt')!, newer: byFile.get('hongze-2024.txt')!, named: byFile.get(LONG_NAME)! };
  expect(Object.values(ids).every((id) => id > 0)).toBe(true);
});

afterAll(async () => session?.close());

describe('text from files wraps', () => {
  it('in the search results, a 209-character file name', async () => {
    // The window's smallest width (minWidth in src/main/electron/index.ts).
    await page.setViewportSize({ width: 960, height: 700 });
    await page.goto(`${session.host.url}#/search`);
    await page.getByLabel('检索词').fill('淮安市人民政府');
    await page.locator('.hit', { hasText: LONG_NAME.slice(0, 20) }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(SLACK);
    expect(await overflow('main')).toBeLessThanOrEqual(SLACK);
  });

  it('in the comparison, a line of 20,000 characters without a break', async () => {
    await page.setViewportSize({ width: 960, height: 700 });
    await page.goto(`${session.host.url}#/compare?ids=${ids.older},${ids.newer}`);
    await page.locator('.pairs .ins', { hasText: LINE.slice(0, 40) }).first().waitFor();
    expect(await overflow('.pairs')).toBeLessThanOrEqual(SLACK);
    expect(await overflow()).toBeLessThanOrEqual(SLACK);
  });

  it('on the printed sheets: comparison (landscape) and the report sheet (portrait, which names the file)', async () => {
    // Each at the width of its paper less the margins at 96 dpi: A4 landscape about 1,050 px, portrait about 720.
    const sheets = [
      [1050, `/print/compare?ids=${ids.named},${ids.newer}`],
      [1050, `/print/compare?ids=${ids.older},${ids.newer}`],
      [720, `/print/report?id=${ids.named}`],
    ] as const;
    for (const [width, route] of sheets) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${session.host.url}#${route}`);
      await page.waitForFunction(() => document.body.dataset.ready === '1');
      expect(await overflow(), route).toBeLessThanOrEqual(SLACK);
    }
  });
});
