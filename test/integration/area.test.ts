// The area's summary from the archive: units under a government by name, its own report set
// against them, 缺报 from the 单位目录 and 迟报 from the signing dates.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { areaSummary, withAreaFindings } from '../../src/main/node/archive/area.ts';
import { buildNotice } from '../../src/shared/report/notice.ts';
import { groupFindings } from '../../src/shared/report/checks/groups.ts';
import { statusOf } from '../../src/shared/report/status.ts';
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

it('takes the units from the directory tree, not from their names, once the directory has units under the government', () => {
  // Before: 某市教育局 carries no 淮安市 in its name and is not counted.
  expect(areaSummary(rt.archive, 2024, { region: '淮安市' }).selection).toBe('directory');
  rt.archive.saveUnits([{ name: '某市教育局', parent: '淮安市人民政府', kind: '部门', required: true, aliases: [] }]);
  const a = areaSummary(rt.archive, 2024, { region: '淮安市人民政府' });
  expect(a.units.map((u) => u.agency).sort()).toEqual(['某市教育局', '淮安市洪泽区人民政府'].sort());
  expect(a.own?.agency).toBe('淮安市人民政府');
  // A unit the office moves elsewhere leaves the sum, whatever its name says.
  rt.archive.saveUnits([{ name: '淮安市洪泽区人民政府', parent: '江苏省人民政府', kind: '本级政府', required: true, aliases: [] }]);
  expect(areaSummary(rt.archive, 2024, { region: '淮安市' }).units.map((u) => u.agency)).toEqual(['某市教育局']);
  // No unit under 洪泽区 in the directory: the name decides, and its own report is found as the government's.
  const h = areaSummary(rt.archive, 2024, { region: '洪泽区' });
  expect(h.selection).toBe('name');
  expect(h.own?.agency).toBe('淮安市洪泽区人民政府');
  expect(h.missing).toEqual([]);
});

it('makes a directory alias the same agency: its reports join the unit, and taking the alias away parts them again', () => {
  rt.archive.saveUnits([{ name: '淮安市教育局', parent: '淮安市人民政府', kind: '部门', required: true, aliases: ['某市教育局'] }]);
  const unit = rt.archive.directory().find((u) => u.name === '淮安市教育局')!;
  expect(unit).toMatchObject({ aliases: ['某市教育局'], reports: 1, years: [2024] });
  expect(rt.archive.directory().some((u) => u.name === '某市教育局')).toBe(false);
  expect(rt.archive.listReports({ year: 2024 }).find((r) => r.agency === '某市教育局')!.agencyGroup).toBe('淮安市教育局');
  // Reported under its alias: no longer 缺报.
  expect(areaSummary(rt.archive, 2024, { region: '淮安市' }).missing).toEqual([]);
  rt.archive.saveUnits([{ ...unit, aliases: [] }]);
  expect(rt.archive.listReports({ year: 2024 }).find((r) => r.agency === '某市教育局')!.agencyGroup).toBe('某市教育局');
  expect(areaSummary(rt.archive, 2024, { region: '淮安市' }).missing).toEqual(['淮安市教育局']);
});

it('shows a name merged on the 单位 page as an alias of its unit in the directory', () => {
  rt.archive.mergeAgencies('某市教育局', '淮安市教育局');
  expect(rt.archive.directory().find((u) => u.name === '淮安市教育局')!.aliases).toEqual(['某市教育局']);
  rt.archive.unmergeAgency('某市教育局');
  expect(rt.archive.directory().find((u) => u.name === '淮安市教育局')!.aliases).toEqual([]);
});

it('gives a government’s own report an A1 提醒 for each cell that differs from its units, and none to a unit', () => {
  // (The alias test above left 某市教育局 a unit of its own again, unconfirmed.)
  rt.archive.saveUnits([{ name: '某市教育局', parent: '淮安市人民政府', kind: '部门', required: true, aliases: [] }]);
  const reports = rt.archive.listReports({ year: 2024 });
  const own = rt.archive.getReport(reports.find((r) => r.agency === '淮安市人民政府')!.id)!;
  const shown = withAreaFindings(rt.archive, own);
  const a1 = shown.findings.filter((f) => f.rule === 'A1');
  const a = areaSummary(rt.archive, 2024, { region: '淮安市' });
  expect(a.units.map((u) => u.agency)).toEqual(['某市教育局']);
  const sum = a.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')!.sum;
  expect(a1).toHaveLength(a.differences.length);
  expect(a1).toContainEqual({
    rule: 'A1',
    severity: 'warning',
    message: `表三“一、本年新收政府信息公开申请数量”总计：本报告 3119，所属 1 个单位的报告之和 ${sum}`,
    cells: [{ table: 't3', row: 'new', col: 'total' }],
  });
  // Shown one line per table, as other checks that fire many times.
  const t3 = a1.filter((f) => f.cells[0].table === 't3').length;
  expect(groupFindings(a1).map((g) => g.title)).toContain(`表三有 ${t3} 个格子与所属单位报告之和不一致（各单位之和见“区域汇总表”）`);
  // A 体检 finding: the report's status is what its own checks say.
  expect(statusOf(true, shown.findings)).toBe(statusOf(true, own.findings));
  // In the notice to the government's office, with what to do about it.
  const notice = buildNotice(shown, { officeName: '淮安市政务公开办', deadline: null, disabledRules: [], today: '2025-03-01' });
  expect(JSON.stringify(notice)).toContain('核对统计表是否汇总了全部所属单位的数据');
  // A unit's report, and a government with no unit under it in the directory, get none.
  const unit = rt.archive.getReport(reports.find((r) => r.agency === '某市教育局')!.id)!;
  expect(withAreaFindings(rt.archive, unit)).toBe(unit);
  const hongze = rt.archive.getReport(reports.find((r) => r.agency === '淮安市洪泽区人民政府')!.id)!;
  expect(withAreaFindings(rt.archive, hongze)).toBe(hongze);
});

it('takes a unit that reported under a name with more of its places as reported, not 缺报, and counts it', () => {
  // The office's directory names the district 洪泽区人民政府; its 2024 report calls itself 淮安市洪泽区人民政府.
  rt.archive.saveUnits([{ name: '洪泽区人民政府', parent: '淮安市人民政府', kind: '本级政府', required: true, aliases: [] }]);
  const a = areaSummary(rt.archive, 2024, { region: '淮安市' });
  expect(a.missing).not.toContain('洪泽区人民政府');
  expect(a.variants).toEqual([{ unit: '洪泽区人民政府', agency: '淮安市洪泽区人民政府', reportId: expect.any(Number) }]);
  expect(a.units.filter((u) => u.agency === '淮安市洪泽区人民政府')).toHaveLength(1);
});

it('sums the governments’ own reports apart from their units’ in 汇总', () => {
  const s = rt.archive.yearSummary(2024);
  // 某市教育局 is a unit; 淮安市人民政府 and 淮安市洪泽区人民政府 are governments whose reports speak for their areas.
  expect(s.totals.applications).toBe(s.rows.find((r) => r.agency === '某市教育局')!.figures.applications);
  expect(s.ownTotals!.applications).toBe(3119 + 95);
});

it('counts a government’s report held as two files once, and still gives its record the A1 提醒', async () => {
  const before = areaSummary(rt.archive, 2024, { region: '淮安市' });
  // The same 淮安市人民政府 report as the .docx the office holds beside the text copy.
  await rt.importer.wait(rt.importer.start([new URL('../fixtures/reports/word/huaian-city-gov-2024.docx', import.meta.url).pathname]));
  const after = areaSummary(rt.archive, 2024, { region: '淮安市' });
  expect(after.units).toEqual(before.units);
  expect(after.differences).toEqual(before.differences);
  const own = rt.archive.getReport(after.own!.reportId)!;
  expect(own.otherFiles).toBe(1);
  expect(withAreaFindings(rt.archive, own).findings.filter((f) => f.rule === 'A1').length).toBeGreaterThan(0);
});
