// Year summary and agency series over the 2021-format fixtures and samples.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';

let rt: Runtime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-'));
  cpSync(new URL('../fixtures/reports/samples', import.meta.url).pathname, join(dir, 'in/samples'), { recursive: true });
  for (const f of ['t2021-jiaoyu-2023.txt', 't2021-jiaoyu-2024.txt']) cpSync(new URL(`../fixtures/reports/t2021/${f}`, import.meta.url).pathname, join(dir, 'in', f));
  rt = openRuntime(join(dir, 'a.sqlite'));
  await rt.importer.wait(rt.importer.start([join(dir, 'in')]));
});
afterAll(async () => rt?.close());

describe('year summary', () => {
  it('has one row per agency with key figures, totals and the agencies missing', () => {
    const s = rt.archive.yearSummary(2024);
    const by = Object.fromEntries(s.rows.map((r) => [r.agency, r.figures]));
    expect(Object.keys(by).sort()).toEqual(['某市教育局', '淮安市人民政府', '淮安市洪泽区人民政府']);
    expect(by['淮安市人民政府']).toMatchObject({ applications: 3119, opened: 1362, handled: 3050, review: 351, suits: 46, normative: 8 });
    expect(by['某市教育局']).toMatchObject({ applications: 15, opened: 9, review: 3, suits: 2 }); // 未经复议直接起诉 1 + 复议后起诉 1
    expect(s.totals.applications).toBe(3119 + 95 + 15);
    // 洪泽区人民政府 reported 2023 under that name and nothing in 2024 under it.
    expect(s.missing.map((m) => m.agency)).toEqual(['洪泽区人民政府']);
  });

  it('stops listing an agency as missing once its names are merged', () => {
    rt.archive.mergeAgencies('洪泽区人民政府', '淮安市洪泽区人民政府');
    expect(rt.archive.yearSummary(2024).missing).toEqual([]);
    const series = rt.archive.agencySeries('淮安市洪泽区人民政府');
    expect(series.names.sort()).toEqual(['洪泽区人民政府', '淮安市洪泽区人民政府']);
    expect(series.rows.map((r) => [r.year, r.figures.applications])).toEqual([
      [2023, 21],
      [2024, 95],
    ]);
    expect(series.rows[0].figures.openRate).toBeCloseTo(4 / 21, 6);
  });
});
