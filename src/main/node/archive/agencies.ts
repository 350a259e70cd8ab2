// Agency groups: the names one body goes by (merged on the 单位 page or as directory aliases),
// its reports over the years, and the names offered as the clerk types.
import type { Archive } from './archive.ts';
import type { AgencyInfo, AgencySeries, ReportStatus } from '../../../shared/contract/types.ts';
import type { TemplateId } from '../../../shared/report/model.ts';
import { figuresOf } from '../../../shared/compare/figures.ts';
import { placeCore } from '../../../shared/places/gazetteer.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { agencyMatch } from '../../../shared/search/agency-match.ts';
import { cellsOf } from './reports.ts';
import { refreshGroup } from './checks.ts';
import { regroupGroup } from './versions.ts';

/** The agency group a report belongs to: its name, or the name it was merged into. */
export const GROUP = `COALESCE((SELECT a.canonical FROM agency_aliases a WHERE a.alias = r.agency_norm), r.agency_norm)`;

export const byPinyin = new Intl.Collator('zh-Hans-CN').compare;

/** Every name in an agency group: the group's own and the names merged into it. */
export function membersOf(a: Archive, group: string): string[] {
  return [group, ...(a.stmt('SELECT alias FROM agency_aliases WHERE canonical = ?').all(group) as { alias: string }[]).map((a) => a.alias)];
}

/** The group key of an agency name (aliases resolved). */
export function groupOf(a: Archive, agencyNorm: string): string {
  const r = a.stmt('SELECT canonical FROM agency_aliases WHERE alias = ?').get(agencyNorm) as { canonical: string } | undefined;
  return r?.canonical ?? agencyNorm;
}

/**
 * Every report of one agency group that has a year (the file of record of each year; with
 * `files`, every file), by year and then import order. Read by member names, so the
 * (agency_norm, year) index serves it; never a scan of the archive.
 */
export function reportsOfGroup(a: Archive, group: string, files = false): GroupReport[] {
  const sql = `SELECT id, year, template, agency, status FROM reports WHERE agency_norm = ? AND year IS NOT NULL${files ? '' : ' AND is_record = 1'}`;
  return membersOf(a, group)
    .flatMap((n) => a.stmt(sql).all(n) as GroupReport[])
    .sort((a, b) => a.year - b.year || a.id - b.id);
}

export function listAgencies(a: Archive): AgencyInfo[] {
  const rows = a.stmt(
      `SELECT r.agency_norm AS name, ${GROUP} AS grp, COUNT(*) AS reports, MIN(r.year) AS first, MAX(r.year) AS last,
         (SELECT x.agency FROM reports x WHERE x.agency_norm = r.agency_norm ORDER BY x.year DESC, x.id DESC LIMIT 1) AS display
       FROM reports r WHERE r.agency_norm IS NOT NULL AND r.is_record = 1 GROUP BY r.agency_norm ORDER BY grp, name`,
    )
    .all() as { name: string; grp: string; reports: number; first: number | null; last: number | null; display: string }[];
  const out: AgencyInfo[] = rows.map((r) => ({ name: r.name, display: r.display, group: r.grp, reports: r.reports, firstYear: r.first, lastYear: r.last }));
  // Names of one body that differ only by the places above it: proposed for merging, never merged unasked.
  const groups = out.filter((a) => a.group === a.name);
  const byCore = new Map<string, AgencyInfo[]>();
  for (const a of groups) byCore.set(placeCore(a.name), [...(byCore.get(placeCore(a.name)) ?? []), a]);
  for (const same of byCore.values()) {
    if (same.length < 2) continue;
    const into = [...same].sort((a, b) => b.reports - a.reports || b.name.length - a.name.length)[0];
    for (const a of same)
      if (a !== into) {
        const longer = a.name.length > into.name.length ? a.name : into.name;
        const prefix = longer.slice(0, longer.length - placeCore(longer).length);
        a.suggestion = { into: into.name, display: into.display, why: `两个名称只差地名前缀“${prefix}”` };
      }
  }
  return out;
}

/** Declares `from` the same body as `into`: their years become one series. */
export function mergeAgencies(a: Archive, from: string, into: string): void {
  a.db.transaction(() => {
    const target = groupOf(a, into);
    if (target === from) throw new Error('不能把单位合并到它自己');
    // A name already merged into another group leaves that group: its years are recomputed too.
    const before = groupOf(a, from);
    const now = new Date().toISOString();
    a.stmt('UPDATE agency_aliases SET canonical = ? WHERE canonical = ?').run(target, from);
    a.stmt('INSERT INTO agency_aliases (alias, canonical, created_at) VALUES (?, ?, ?) ON CONFLICT (alias) DO UPDATE SET canonical = excluded.canonical').run(from, target, now);
    regroupGroup(a, target);
    refreshGroup(a, target);
    if (before !== target && before !== from) {
      regroupGroup(a, before);
      refreshGroup(a, before);
    }
  })();
}

export function unmergeAgency(a: Archive, alias: string): void {
  a.db.transaction(() => {
    const r = a.stmt('SELECT canonical FROM agency_aliases WHERE alias = ?').get(alias) as { canonical: string } | undefined;
    if (!r) return;
    a.stmt('DELETE FROM agency_aliases WHERE alias = ?').run(alias);
    regroupGroup(a, r.canonical);
    regroupGroup(a, alias);
    refreshGroup(a, r.canonical);
    refreshGroup(a, alias);
  })();
}

/**
 * Agency names in the archive matching what is typed (part of the name or its pinyin), best
 * first; the name exactly as typed leads, so the dialog can tell a known name from a new one.
 */
export function suggestAgencies(a: Archive, typed: string, limit = 12): { name: string; reports: number }[] {
  const rows = a.stmt('SELECT agency AS name, COUNT(*) AS reports FROM reports WHERE agency IS NOT NULL AND is_record = 1 GROUP BY agency').all() as { name: string; reports: number }[];
  const exact = (name: string) => (name === typed.trim() ? 0 : 1);
  return rows
    .map((r) => ({ ...r, at: agencyMatch(r.name, typed) }))
    .filter((r) => r.at !== null)
    .sort((a, b) => exact(a.name) - exact(b.name) || a.at! - b.at! || b.reports - a.reports || byPinyin(a.name, b.name))
    .slice(0, limit)
    .map(({ name, reports }) => ({ name, reports }));
}

export function agencySeries(a: Archive, agency: string): AgencySeries {
  const group = groupOf(a, normalizeAgency(agency));
  const names = membersOf(a, group);
  const rows = [...latestByYear(reportsOfGroup(a, group)).values()].map((r) => ({ reportId: r.id, agency: r.agency, group, year: r.year, status: r.status, figures: figuresOf(cellsOf(a, r.id)) }));
  return { group, names, rows };
}

/** The same agency group's report of the previous year (the latest imported, if several). */
export function previousReport(a: Archive, id: number): number | null {
  const r = a.stmt('SELECT agency_norm, year FROM reports WHERE id = ?').get(id) as { agency_norm: string | null; year: number | null } | undefined;
  if (!r?.agency_norm || !r.year) return null;
  return latestByYear(reportsOfGroup(a, groupOf(a, r.agency_norm))).get(r.year - 1)?.id ?? null;
}

export interface GroupReport {
  id: number;
  year: number;
  template: TemplateId;
  agency: string | null;
  status: ReportStatus;
}

/** Of several reports for one year (possible duplicates) the latest imported stands for it;
 *  reports come by year and import order, so the map runs by year. */
export function latestByYear(reports: GroupReport[]): Map<number, GroupReport> {
  const byYear = new Map<number, GroupReport>();
  for (const r of reports) byYear.set(r.year, r);
  return byYear;
}
