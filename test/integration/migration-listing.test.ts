// 0014-search-listing on an archive of the version before it holding real reports (the seed
// reports, the samples, the 2021-format reports in several files and versions): it upgrades in
// place, every report reads back as it was, every search (text, filters alone, exclusions alone)
// finds the same reports in the same order, and filters alone are read from the new index.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { SCHEMA_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import type { SearchQuery } from '../../src/shared/contract/types.ts';
import { fixtureArchive } from '../helpers/fixture-archive.ts';
import { olderArchive } from '../helpers/older-archive.ts';

const QUERIES: SearchQuery[] = [
  { text: '政府信息公开' },
  { text: '复议' },
  { text: '教育局 2023' },
  { text: '信息公开 -教育局' },
  { text: '-教育局' },
  { indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 }] },
  { indicators: [{ table: 't3', row: 'new', col: 'total', op: '>=', value: 100 }], yearFrom: 2023 },
  { status: 'problems' },
  { agency: '教育局' },
  {},
];

describe('0014-search-listing', () => {
  it('upgrades an archive of the version before in place: the same reports, the same search results, and the new index holds every record', async () => {
    const { dir, path: now, archive, ids } = await fixtureArchive('nianbao-mig14-');
    expect(ids.length).toBeGreaterThan(20);
    const before = {
      reports: ids.map((id) => archive.getReport(id)),
      searches: QUERIES.map((q) => archive.search({ limit: 100, ...q })),
      list: archive.listReports({}),
    };
    expect(before.searches.every((s) => s.total > 0)).toBe(true);
    archive.close();

    const file = join(dir, 'older.sqlite');
    olderArchive(file, 13, now);
    const older = new Database(file, { readonly: true });
    expect(older.pragma('user_version', { simple: true })).toBe(13);
    expect(older.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'reports_listed'").pluck().get()).toBe(0);
    older.close();

    const upgraded = new Archive(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ids.map((id) => upgraded.getReport(id))).toEqual(before.reports);
    expect(QUERIES.map((q) => upgraded.search({ limit: 100, ...q }))).toEqual(before.searches);
    expect(upgraded.listReports({})).toEqual(before.list);
    // The records only, all of them.
    const listed = upgraded.db.prepare('SELECT count(*) FROM reports INDEXED BY reports_listed WHERE is_record = 1').pluck().get();
    expect(listed).toBe(upgraded.db.prepare('SELECT count(*) FROM reports WHERE is_record = 1').pluck().get());
    upgraded.close();
  }, 180_000);
});
