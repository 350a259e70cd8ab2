// The area's summary from the archive: units under a government by name, its own report set
// against them, 缺报 from the 单位目录 and 迟报 from the signing dates.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { areaSummary } from '../../src/main/node/archive/area.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';

let rt: Runtime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-area-'));
  cpSync(new URL('../fixtures/reports/samples', import.meta.url).pathname, join(dir, 'samples'), { recursive: true });
  cpSync(new URL('../fixtures/reports/t2021/t2021-errors-2024.txt', import.meta.url).pathname, join(dir, 'errors-2024.txt'));
  rt = openRuntime(join(dir, 'a.sqlite'));
  await rt.importer.wait(rt.importer.start([dir]));
});
afterAll(async () => rt?.close());

it('sums every report of the year, and says which were signed late', () => {
  const a = areaSummary(rt.archive, 2024);
  expect(a.units.map((u) => u.agency).sort()).toEqual(['某市教育局', '淮安市人民政府', '淮安市洪泽区人民政府'].sort());
  expect(a.own).toBeNull();
  // 某市教育局 (a department) signed on 2025-02-05, after 31 January.
  expect(a.late).toEqual([{ agency: '某市教育局', date: '2025-02-05' }]);
});

it('takes the units under a government by name, sets its own report against them, and lists 缺报 from the directory', () => {
  rt.archive.saveUnits([{ name: '淮安市教育局', parent: '淮安市人民政府', kind: '部门', required: true, aliases: [] }, { name: '淮安市档案馆', parent: '淮安市人民政府', kind: '其他', required: false, aliases: [] }]);
  const a = areaSummary(rt.archive, 2024, { region: '淮安市' });
  expect(a.own).toEqual({ reportId: expect.any(Number), agency: '淮安市人民政府', included: false });
  expect(a.units.map((u) => u.agency)).toEqual(['淮安市洪泽区人民政府']);
  expect(a.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')!.sum).toBe(95);
  expect(a.differences).toContainEqual({ table: 't3', row: 'new', col: 'total', own: 3119, sum: 95 });
  // 应报 only: the 档案馆 need not report.
  expect(a.missing).toEqual(['淮安市教育局']);
  const withOwn = areaSummary(rt.archive, 2024, { region: '淮安市', own: 'include' });
  expect(withOwn.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')!.sum).toBe(3119 + 95);
  // The check against the units is the same whether the own report is shown in the sum or not.
  expect(withOwn.differences).toEqual(a.differences);
});
