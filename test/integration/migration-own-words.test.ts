// 0016-own-words on an archive of the version before it holding real reports (the seed reports,
// the samples, the 2021-format reports in several files and versions) with a correction: it
// upgrades in place, every report, cell and correction reads back as before, the searches that
// must still match find the same reports as a fresh import (filters that a cell of 0 satisfies
// among them: the zeros become lists), and a word only the template's table labels say (结果纠正
// in 某市教育局's reports) no longer finds those reports.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { SCHEMA_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import type { SearchQuery } from '../../src/shared/contract/types.ts';
import { archiveState, fixtureArchive } from '../helpers/fixture-archive.ts';
import { olderArchive } from '../helpers/older-archive.ts';

const QUERIES: SearchQuery[] = [
  { text: '政府信息公开' },
  { text: '复议' },
  { text: '信息处理费' },
  { text: '行政复议、行政诉讼' },
  { text: '宁波', indicators: [{ table: 't3', row: 'new', col: 'total', op: '>=', value: 100 }] },
  { text: '信息公开 -宁波', yearFrom: 2023 },
  { indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 }] },
  { indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '=', value: 0 }] },
  { indicators: [{ table: 't3', row: 'new', col: 'total', op: '<=', value: 10 }] },
  { text: '政府', indicators: [{ table: 't3', row: 'new', col: 'natural', op: '<', value: 5 }] },
  { text: '结果纠正' },
];

/** What the two full-text indexes take, in bytes (SQLite's dbstat). */
const indexBytes = (db: Database.Database) => db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_tri%' OR name LIKE 'search_uni%'").pluck().get() as number;

describe('0016-own-words', () => {
  it('upgrades an archive of the version before in place: reports, cells and corrections kept, searches as a fresh import, template labels no longer indexed', async () => {
    const { dir, path: now, archive, ids } = await fixtureArchive('nianbao-mig16-');
    const withCells = ids.filter((id) => archive.fileCellsOf(id).some((c) => c.table === 't3' && c.row === 'new' && c.col === 'total'));
    archive.correct(withCells[0], 'cell:t3|new|total', { kind: 'number', num: 123, raw: '123' }, '测试');
    const before = archiveState(archive, ids, QUERIES);
    expect(before.searches.slice(0, -1).map((s) => s.total > 0)).toEqual(QUERIES.slice(0, -1).map(() => true));
    expect(before.files.flat().filter((c) => c.original).length).toBe(1);
    const jiaoyu = archive.search({ agency: '某市教育局', limit: 100 }).hits.map((h) => h.reportId);
    expect(jiaoyu.length).toBeGreaterThan(0);
    archive.close();

    const file = join(dir, 'older.sqlite');
    olderArchive(file, 15, now);
    // Version 15 indexed the table labels: 结果纠正 found 某市教育局's reports through them.
    const older = new Database(file);
    expect(older.pragma('user_version', { simple: true })).toBe(15);
    const olderHits = older.prepare(`SELECT rowid FROM search_tri WHERE search_tri MATCH '"结果纠正"'`).pluck().all() as number[];
    expect(jiaoyu.every((id) => olderHits.includes(id))).toBe(true);
    const olderIndex = indexBytes(older);
    // Version 15 kept a row per zero.
    const zeros = older.prepare('SELECT COUNT(*) FROM cell_numbers WHERE num = 0').pluck().get() as number;
    expect(zeros).toBeGreaterThan(100);
    older.close();

    const upgraded = new Archive(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // As the archive the reports were imported into now: the same reports, cells, ranks and snippets.
    expect(archiveState(upgraded, ids, QUERIES)).toEqual(before);
    expect(upgraded.search({ text: '结果纠正', limit: 100 }).hits.some((h) => jiaoyu.includes(h.reportId))).toBe(false);
    // The zeros are lists now, every one of them.
    expect(upgraded.db.prepare('SELECT COUNT(*) FROM cell_numbers WHERE num = 0').pluck().get()).toBe(0);
    expect(upgraded.db.prepare('SELECT sum(json_array_length(ids)) FROM cell_zeros').pluck().get()).toBe(zeros);
    // Smaller indexes, and the freed pages given back (VACUUM).
    expect(indexBytes(upgraded.db)).toBeLessThan(olderIndex);
    expect(upgraded.db.pragma('freelist_count', { simple: true })).toBe(0);
    // Reverting the correction after the upgrade still works.
    upgraded.revert(withCells[0], 'cell:t3|new|total');
    expect(upgraded.fileCellsOf(withCells[0]).find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')!.original).toBeUndefined();
    upgraded.close();
  }, 180_000);
});
