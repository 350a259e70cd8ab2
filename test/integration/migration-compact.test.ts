// 0012-compact on an archive of the version before it holding real reports (the seed reports in
// every encoding, Word files, the 2021 samples): it upgrades in place, every report reads back
// as it was, search finds the same reports with the same snippets, originals open byte for byte,
// and the file is smaller.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { COMPACT_VERSION, SCHEMA_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import { fixtureArchive } from '../helpers/fixture-archive.ts';
import { olderArchive } from '../helpers/older-archive.ts';

const QUERIES = ['政府信息公开', '依申请', '复议', '费', '教育局 2023', '"行政诉讼"', '信息公开 -教育局'];

describe('0012-compact', () => {
  it('upgrades an archive of the version before in place, losing nothing search or the reports show, and shrinks it', async () => {
    const { dir, path: now, archive, ids } = await fixtureArchive('nianbao-mig12-');
    expect(ids.length).toBeGreaterThan(20);
    const before = {
      reports: ids.map((id) => archive.getReport(id)),
      originals: ids.map((id) => archive.original(id)),
      searches: QUERIES.map((text) => archive.search({ text, limit: 100 })),
      list: archive.listReports({}),
    };
    expect(before.reports.some((r) => r!.findings.length > 0)).toBe(true);
    expect(before.searches.every((s) => s.total > 0)).toBe(true);
    archive.close();

    const file = join(dir, 'older.sqlite');
    olderArchive(file, COMPACT_VERSION - 1, now);
    const older = new Database(file, { readonly: true });
    expect(older.pragma('user_version', { simple: true })).toBe(COMPACT_VERSION - 1);
    expect(older.prepare('SELECT COUNT(*) FROM findings').pluck().get()).toBeGreaterThan(0);
    older.close();
    const olderBytes = statSync(file).size;

    const upgraded = new Archive(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ids.map((id) => upgraded.getReport(id))).toEqual(before.reports);
    expect(ids.map((id) => upgraded.original(id))).toEqual(before.originals);
    expect(QUERIES.map((text) => upgraded.search({ text, limit: 100 }))).toEqual(before.searches);
    expect(upgraded.listReports({})).toEqual(before.list);
    // Text, parts and findings compressed; the freed pages given back (VACUUM).
    const columns = (upgraded.db.prepare('PRAGMA table_info(reports)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('body');
    expect(columns).not.toContain('text');
    expect(upgraded.db.pragma('freelist_count', { simple: true })).toBe(0);
    upgraded.close();
    expect(statSync(file).size).toBeLessThan(olderBytes * 0.7);
  }, 120_000);
});
