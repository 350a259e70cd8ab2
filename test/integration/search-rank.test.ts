// Ranking with the SQLite extension (native/nianbao_rank.c): it loads on the platforms it is
// built for, scores every row as FTS5's bm25() does, and what it keeps (phrase counts, report
// lengths) follows every change to the archive, made through this connection or another one.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { rankExtensionPath } from '../../src/main/node/archive/rank-extension.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import type { SearchQuery } from '../../src/shared/contract/types.ts';

const BUILT = ['linux-x64', 'linux-arm64', 'win32-x64'];
let dir: string;
let rt: Runtime;
let plain: Archive; // the same file, ranked by FTS5's bm25()

async function importFolder(sub: string): Promise<void> {
  cpSync(new URL(`../fixtures/reports/${sub}`, import.meta.url).pathname, join(dir, 'in', sub), { recursive: true });
  await rt.importer.wait(rt.importer.start([join(dir, 'in', sub)]));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-rank-'));
  rt = openRuntime(join(dir, 'a.sqlite'));
  await importFolder('utf8');
  plain = new Archive(join(dir, 'a.sqlite'), { nativeRank: false });
});
afterAll(async () => {
  plain?.close();
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every matching row's score under both functions; the IDFs are the ones search would pass. */
function scores(a: Archive, match: string, phrases: string[]): { native: Map<number, number>; bm25: Map<number, number> } {
  const fn = a.ranking.rankFunction(a, 'search_tri', phrases, phrases.length)!;
  const native = a.db.prepare('SELECT rowid AS id, rank AS s FROM search_tri WHERE search_tri MATCH ? AND rank MATCH ?').all(match, fn) as { id: number; s: number }[];
  const bm25 = a.db.prepare('SELECT rowid AS id, bm25(search_tri) AS s FROM search_tri WHERE search_tri MATCH ?').all(match) as { id: number; s: number }[];
  return { native: new Map(native.map((r) => [r.id, r.s])), bm25: new Map(bm25.map((r) => [r.id, r.s])) };
}

function expectSameScores(a: Archive, match: string, phrases: string[]): void {
  const { native, bm25 } = scores(a, match, phrases);
  expect(native.size).toBeGreaterThan(1);
  expect([...native.keys()]).toEqual([...bm25.keys()]);
  for (const [id, s] of bm25) expect(native.get(id)).toBeCloseTo(s, 12);
}

const RARE_OR_PHRASES = ['"信息公开"', '"北仑区"', '"科学技术局"'];
const RARE_OR = RARE_OR_PHRASES.join(' OR ');

const QUERIES: SearchQuery[] = [
  { text: '政府' },
  { text: '信息处理费' },
  { text: '信息公开 依申请' },
  { text: '信息公开 依申请 保密审查' },
  { text: '高新区 管委会' },
  { text: '管委会 -内江' },
  { text: '北仑 或 内江 公开' },
  { text: '复议 诉讼' },
  { text: '政府信息 或 复议 -宁波' },
  { text: '公开 复议', yearFrom: 2019 },
];

/** A query's hits, in order, with the total. */
const ranked = (a: Archive, q: SearchQuery) => {
  const r = a.search({ limit: 100, ...q });
  return { total: r.total, ids: r.hits.map((h) => h.reportId) };
};

describe('ranking with the extension', () => {
  it('loads on the platforms it is built for', () => {
    const here = `${process.platform}-${process.arch}`;
    if (!BUILT.includes(here)) return; // elsewhere search falls back to bm25(), tested below
    expect(rankExtensionPath()).toMatch(/resources[/\\]sqlite/);
    expect(rt.archive.rankFallback).toBeNull();
    expect(rt.archive.ranking.native).toBe(true);
    expect(plain.rankFallback).toBe('已关闭');
  });

  it('scores every row as bm25() does', () => {
    expectSameScores(rt.archive, '"信息公开" AND "依申请"', ['"信息公开"', '"依申请"']);
    // Phrases in every report (IDF at bm25()'s floor) and in one (a real IDF), weighed apart.
    expectSameScores(rt.archive, RARE_OR, RARE_OR_PHRASES);
    expectSameScores(rt.archive, '("政府信息" OR "复议决定") AND "行政诉讼"', ['"政府信息"', '"复议决定"', '"行政诉讼"']);
  });

  it('ranks every kind of query as bm25() does', () => {
    for (const q of QUERIES) expect(ranked(rt.archive, q), q.text).toEqual(ranked(plain, q));
  });

  it('counts phrases again after an import through its own connection and through another', async () => {
    // Another connection that has kept counts: the import below is not its own.
    const other = new Archive(join(dir, 'a.sqlite'));
    try {
      expect(ranked(other, QUERIES[3])).toEqual(ranked(plain, QUERIES[3]));
      expectSameScores(other, RARE_OR, RARE_OR_PHRASES);
      const before = scores(rt.archive, RARE_OR, RARE_OR_PHRASES).bm25;
      await importFolder('samples');
      // More reports, so other IDFs: the kept counts would now give other scores than bm25().
      expect(scores(rt.archive, RARE_OR, RARE_OR_PHRASES).bm25).not.toEqual(before);
      expectSameScores(rt.archive, RARE_OR, RARE_OR_PHRASES);
      expectSameScores(other, RARE_OR, RARE_OR_PHRASES);
      for (const q of QUERIES) expect(ranked(other, q), q.text).toEqual(ranked(plain, q));
    } finally {
      other.close();
    }
  });

  it("reads a report's length again when the report is indexed anew under its number", () => {
    // Correcting the agency re-indexes the report: same rowid, a longer text.
    const hit = rt.archive.search({ text: RARE_OR_PHRASES[1].replace(/"/g, '') }).hits[0];
    scores(rt.archive, RARE_OR, RARE_OR_PHRASES); // lengths kept as they are now
    rt.archive.correct(hit.reportId, 'meta:agency', `${hit.agency}（机构改革后名称为宁波市北仑区人民政府办公室）`, 'test');
    expectSameScores(rt.archive, RARE_OR, RARE_OR_PHRASES);
  });

  it('counts a removed report out', () => {
    const q = QUERIES[2];
    ranked(rt.archive, q);
    const [first] = ranked(rt.archive, q).ids;
    expect(rt.archive.removeReport(first)).toBe(true);
    expectSameScores(rt.archive, RARE_OR, RARE_OR_PHRASES);
    expect(ranked(rt.archive, q)).toEqual(ranked(plain, q));
  });
});
