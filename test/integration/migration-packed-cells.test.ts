// 0015-packed-cells on an archive of the version before it holding real reports (the seed
// reports, the samples, the 2021-format reports in several files and versions) with corrections
// made to their cells (a value changed, a cell the table lacked added): it upgrades in place,
// every cell reads back with its origin and its correction, every search (text, indicator
// filters with the values they show) finds the same reports, and the old table is gone.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { SCHEMA_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import type { SearchQuery } from '../../src/shared/contract/types.ts';
import { archiveState, fixtureArchive } from '../helpers/fixture-archive.ts';
import { olderArchive } from '../helpers/older-archive.ts';
import { ZERO_BLOCK } from '../../src/main/node/archive/cells.ts';

const QUERIES: SearchQuery[] = [
  { text: '政府信息公开' },
  { text: '复议' },
  { indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 }] },
  { indicators: [{ table: 't3', row: 'new', col: 'total', op: '>=', value: 100 }], yearFrom: 2020 },
  { indicators: [{ table: 't3', row: 'new', col: 'total', op: '<=', value: 10 }] },
  { indicators: [{ table: 't3', row: 'new', col: 'natural', op: '<', value: 5 }, { table: 't4', row: 'review', col: 'total', op: '>=', value: 0 }] },
  { text: '信息公开', indicators: [{ table: 't3', row: 'new', col: 'total', op: '!=', value: 7 }] },
];

describe('0015-packed-cells', () => {
  it('upgrades an archive of the version before in place: every cell with its origin and correction, the same search results and values', async () => {
    const { dir, path: now, archive, ids } = await fixtureArchive('nianbao-mig15-');
    expect(ids.length).toBeGreaterThan(20);
    // A cell's value corrected, and a cell the report's table lacked added (its original: none).
    const withCells = ids.filter((id) => archive.fileCellsOf(id).some((c) => c.table === 't3' && c.row === 'new' && c.col === 'total'));
    archive.correct(withCells[0], 'cell:t3|new|total', { kind: 'number', num: 123, raw: '123' }, '测试');
    // A table/row/column other reports have and this one lacks.
    const keys = (id: number) => archive.fileCellsOf(id).map((c) => `${c.table}|${c.row}|${c.col}`);
    const all = new Set(ids.flatMap(keys));
    const records = new Set(archive.listReports({}).map((r) => r.id));
    const lacking = ids.find((id) => records.has(id) && keys(id).length > 0 && keys(id).length < all.size)!;
    const added = [...all].find((k) => !keys(lacking).includes(k))!;
    const [table, row, col] = added.split('|') as ['t2' | 't3' | 't4', string, string];
    archive.correct(lacking, `cell:${added}`, { kind: 'number', num: 2, raw: '2' }, '测试');
    QUERIES.push({ indicators: [{ table, row, col, op: '>', value: 1 }] });
    const before = archiveState(archive, ids, QUERIES);
    // Cells with where they stand, corrected ones with their originals, and searches that find something.
    expect(before.files.flat().some((c) => c.at)).toBe(true);
    expect(before.files.flat().filter((c) => c.original).length).toBe(2);
    expect(before.searches.map((s) => s.total).map((n) => n > 0)).toEqual(QUERIES.map(() => true));
    expect(before.searches.at(-1)!.hits.some((h) => h.reportId === lacking && h.values?.[0].value === '2')).toBe(true);
    const cellCount = before.files.flat().length;
    archive.close();

    const file = join(dir, 'older.sqlite');
    olderArchive(file, 14, now);
    const older = new Database(file, { readonly: true });
    expect(older.pragma('user_version', { simple: true })).toBe(14);
    expect(older.prepare('SELECT COUNT(*) FROM cells').pluck().get()).toBe(cellCount);
    older.close();

    const upgraded = new Archive(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(archiveState(upgraded, ids, QUERIES)).toEqual(before);
    // The rows are gone, their numbers kept once each (zeros as lists: schema 16), and the freed pages given back (VACUUM).
    expect(upgraded.db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cells'").pluck().get()).toBe(0);
    expect(upgraded.db.prepare('SELECT (SELECT COUNT(*) FROM cell_numbers) + (SELECT sum(json_array_length(ids)) FROM cell_zeros)').pluck().get()).toBe(
      before.files.flat().filter((c) => c.value.kind === 'number' && c.value.num !== null).length,
    );
    expect(upgraded.db.pragma('freelist_count', { simple: true })).toBe(0);
    // Corrections go on after the upgrade: reverting the added cell removes it, its number too.
    upgraded.revert(lacking, `cell:${added}`);
    expect(upgraded.fileCellsOf(lacking).some((c) => `${c.table}|${c.row}|${c.col}` === added)).toBe(false);
    expect(upgraded.search({ limit: 100, ...QUERIES.at(-1)! }).hits.some((h) => h.reportId === lacking)).toBe(false);
    // A report removed takes its numbers with it.
    upgraded.removeReport(withCells[0]);
    expect(upgraded.db.prepare('SELECT COUNT(*) FROM cell_numbers WHERE report_id = ?').pluck().get(withCells[0])).toBe(0);
    expect(upgraded.db.prepare(`SELECT COUNT(*) FROM cell_zeros z, json_each(z.ids) j WHERE z.block * ${ZERO_BLOCK} + j.value = ?`).pluck().get(withCells[0])).toBe(0);
    upgraded.close();
  }, 180_000);
});
