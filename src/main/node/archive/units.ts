// The 单位目录: units with their 上级, 类别, 应报 and aliases, confirmed by the office or proposed
// from the names in the archive.
import type { Archive } from './archive.ts';
import type { DirectoryUnit } from '../../../shared/contract/types.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { proposeDirectory, type UnitKind } from '../../../shared/area/directory.ts';
import { GROUP, byPinyin, groupOf, mergeAgencies, unmergeAgency } from './agencies.ts';

/**
 * The 单位目录: the units the office confirmed, and every other agency of the archive with a
 * proposal from its name; with the reports and years each has. The names one agency goes by
 * (the directory's aliases, and the names merged on the 单位 page) are one unit: merged names
 * show as its aliases, not as units of their own.
 */
export function directory(a: Archive): DirectoryUnit[] {
  const stored = a.stmt('SELECT name, parent, kind, required, aliases_json FROM units').all() as { name: string; parent: string | null; kind: UnitKind; required: number; aliases_json: string }[];
  const counts = a.stmt(`SELECT r.agency AS name, ${GROUP} AS grp, COUNT(*) AS n, group_concat(DISTINCT r.year) AS years FROM reports r WHERE r.agency IS NOT NULL AND r.is_record = 1 GROUP BY r.agency`).all() as { name: string; grp: string; n: number; years: string | null }[];
  const byName = new Map(counts.map((c) => [c.name, c]));
  const confirmed = new Map(stored.map((u) => [u.name, u]));
  const storedAliases = new Map(stored.map((u) => [u.name, JSON.parse(u.aliases_json) as string[]]));
  const aliasOf = new Map(stored.flatMap((u) => storedAliases.get(u.name)!.map((a) => [a, u.name] as const)));
  const names = [...new Set([...stored.map((u) => u.name), ...counts.map((c) => c.name)])].filter((n) => !aliasOf.has(n) || confirmed.has(n));
  // One unit per agency group: a confirmed name, else the group's own name, else the one with most reports.
  const groupKey = (n: string) => byName.get(n)?.grp ?? groupOf(a, normalizeAgency(n));
  const rank = (n: string) => (confirmed.has(n) ? 2 : normalizeAgency(n) === groupKey(n) ? 1 : 0) * 1e6 + (byName.get(n)?.n ?? 0);
  const lead = new Map<string, string>();
  for (const n of [...names].sort((a, b) => rank(b) - rank(a))) if (!lead.has(groupKey(n))) lead.set(groupKey(n), n);
  const merged = new Map<string, string[]>();
  const shown = names.filter((n) => {
    const into = lead.get(groupKey(n))!;
    if (into === n || confirmed.has(n)) return true;
    merged.set(into, [...(merged.get(into) ?? []), n]);
    return false;
  });
  const proposals = new Map(proposeDirectory(shown).map((p) => [p.name, p]));
  return shown
    .map((name) => {
      const u = confirmed.get(name);
      const aliases = [...new Set([...(storedAliases.get(name) ?? []), ...(merged.get(name) ?? [])])];
      const own = [name, ...aliases].map((n) => byName.get(n)).filter((c): c is NonNullable<typeof c> => !!c);
      const years = [...new Set(own.flatMap((c) => (c.years ?? '').split(',').filter(Boolean).map(Number)))].sort();
      const p = proposals.get(name)!;
      return {
        name,
        parent: u ? u.parent : p.parent,
        kind: u ? u.kind : p.kind,
        required: u ? u.required === 1 : true,
        aliases,
        proposed: !u,
        reports: own.reduce((s, c) => s + c.n, 0),
        years,
      };
    })
    .sort((a, b) => byPinyin(a.parent ?? a.name, b.parent ?? b.name) || (a.kind === '本级政府' ? -1 : b.kind === '本级政府' ? 1 : 0) || byPinyin(a.name, b.name));
}

/**
 * Confirms (stores) units as given: the office's own word replaces a proposal. An alias is
 * the same agency, so its reports join the unit's years (as a merge on the 单位 page); an
 * alias taken away is unmerged again.
 */
export function saveUnits(a: Archive, units: { name: string; parent: string | null; kind: UnitKind; required: boolean; aliases: string[] }[]): void {
  const put = a.stmt(
    `INSERT INTO units (name, parent, kind, required, aliases_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET parent = excluded.parent, kind = excluded.kind, required = excluded.required, aliases_json = excluded.aliases_json`,
  );
  a.db.transaction(() => {
    const before = new Map(directory(a).map((u) => [u.name, u.aliases]));
    for (const u of units) {
      const name = u.name.trim();
      const aliases = [...new Set(u.aliases.map((x) => x.trim()).filter((x) => x && x !== name))];
      put.run(name, u.parent?.trim() || null, u.kind, u.required ? 1 : 0, JSON.stringify(aliases));
      // A name confirmed as a unit before and now given as an alias is no longer a unit of its own.
      for (const alias of aliases) a.stmt('DELETE FROM units WHERE name = ?').run(alias);
      const into = normalizeAgency(name);
      for (const alias of aliases) if (groupOf(a, normalizeAgency(alias)) !== groupOf(a, into)) mergeAgencies(a, normalizeAgency(alias), into);
      for (const alias of before.get(name) ?? [])
        if (!aliases.includes(alias) && a.stmt('SELECT 1 FROM agency_aliases WHERE alias = ? AND canonical = ?').get(normalizeAgency(alias), groupOf(a, into))) unmergeAgency(a, normalizeAgency(alias));
    }
  })();
}
