// Search that stops early, on the fixture archive (10 reports): a text query ranks and counts
// every match while they fit the budget (the page is the full ranking's), and past it ranks the
// newest matches only and marks its total as an estimate; filters alone are read from the
// records' own index in the listing's order, never by sorting every match.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_BUDGET } from '../../src/main/node/archive/search.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import type { SearchQuery } from '../../src/shared/contract/types.ts';

let rt: Runtime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-search-stop-'));
  for (const sub of ['utf8', 'samples', 't2021']) cpSync(new URL(`../fixtures/reports/${sub}`, import.meta.url).pathname, join(dir, 'in', sub), { recursive: true });
  rt = openRuntime(join(dir, 'a.sqlite'));
  await rt.importer.wait(rt.importer.start([join(dir, 'in')]));
  expect(rt.archive.count()).toBe(10);
}, 120_000);
afterAll(async () => rt?.close());
afterEach(() => (rt.archive.matchBudget = MATCH_BUDGET));

/** The full ranking, from FTS5's own bm25() over every match (no code of search.ts): ids, best first. */
const fullRanking = (term: string) =>
  (rt.archive.db.prepare('SELECT rowid AS id, bm25(search_tri) AS score FROM search_tri WHERE search_tri MATCH ? ORDER BY score').all(`"${term}"`) as { id: number; score: number }[]);
const ids = (q: SearchQuery) => rt.archive.search(q).hits.map((h) => h.reportId);

describe('search that stops early', () => {
  it('ranks every match of a term matching few reports: the first page is the full ranking’s, counted exactly', () => {
    const full = fullRanking('保密审查');
    expect(full.length).toBe(4);
    // Distinct scores at the page's end, so the page's set is not a matter of ties.
    expect(full[1].score).not.toBe(full[2].score);
    const r = rt.archive.search({ text: '保密审查', limit: 2 });
    expect(r.hits.map((h) => h.reportId)).toEqual(full.slice(0, 2).map((x) => x.id));
    expect(r).toMatchObject({ total: 4, approximate: false });
    // A budget just large enough ranks them all the same.
    rt.archive.matchBudget = 4;
    expect(rt.archive.search({ text: '保密审查', limit: 2 })).toMatchObject({ total: 4, approximate: false });
    expect(ids({ text: '保密审查', limit: 2 })).toEqual(full.slice(0, 2).map((x) => x.id));
    // A term in every report: its whole ranking, which import order (the order matches are walked in) does not decide.
    rt.archive.matchBudget = MATCH_BUDGET;
    const every = fullRanking('信息公开');
    expect(new Set(every.map((x) => x.score)).size).toBe(10);
    expect(ids({ text: '信息公开', limit: 10 })).toEqual(every.map((x) => x.id));
    expect(ids({ text: '信息公开', limit: 3 })).toEqual(every.slice(0, 3).map((x) => x.id));
  });

  it('past the budget, ranks the newest matches, marks the total as an estimate, and pages through every match once', () => {
    const full = fullRanking('保密审查');
    rt.archive.matchBudget = 2;
    const r = rt.archive.search({ text: '保密审查', limit: 2 });
    expect(r.approximate).toBe(true);
    expect(r.total).toBeGreaterThan(2);
    expect(r.total).toBeLessThanOrEqual(10);
    // The best of the two newest matches, in the full ranking's order.
    const newest = new Set(full.map((x) => x.id).sort((a, b) => b - a).slice(0, 2));
    expect(r.hits.map((h) => h.reportId)).toEqual(full.filter((x) => newest.has(x.id)).map((x) => x.id));
    // An export reads page after page: the ranked ones, then the other matches newest first, none twice.
    const paged = [0, 1, 2, 3].flatMap((p) => ids({ text: '保密审查', offset: p, limit: 1 }));
    expect(paged.slice(0, 2)).toEqual(r.hits.map((h) => h.reportId));
    expect(paged.slice(2)).toEqual(full.map((x) => x.id).filter((id) => !newest.has(id)).sort((a, b) => b - a));
    expect(ids({ text: '保密审查', offset: 4, limit: 5 })).toEqual([]);
    // Filters and excluded terms narrow what is walked: the same matches, found as before.
    expect(rt.archive.search({ text: '保密审查', yearFrom: 2030 })).toMatchObject({ total: 0, approximate: false, hits: [] });
  });

  it('counts a phrase for its weight (IDF) no further than the budget, as search walks it', () => {
    rt.archive.matchBudget = 2;
    rt.archive.ranking.forget();
    const limits: number[] = [];
    const stmt = rt.archive.stmt.bind(rt.archive);
    // The ranking's count of a phrase's reports: the most rows it reads is its last argument.
    rt.archive.stmt = (sql: string) => {
      const s = stmt(sql);
      if (!/^SELECT count\(\*\) AS n.* FROM \(SELECT .* MATCH \?.* LIMIT \?\)$/.test(sql)) return s;
      return { get: (...a: unknown[]) => (limits.push(a[a.length - 1] as number), s.get(...a)) } as typeof s;
    };
    let r;
    try {
      r = rt.archive.search({ text: '信息公开 依申请' });
    } finally {
      rt.archive.stmt = stmt;
    }
    // The extension ranks (it is built for the platforms tests run on); bm25() would count in FTS5 itself.
    expect(rt.archive.rankFallback).toBeNull();
    expect(limits.length).toBe(2);
    expect(Math.max(...limits)).toBeLessThanOrEqual(3);
    expect(r.approximate).toBe(true);
  });

  it('estimates a total past the budget from the newest records alone, not by reading every record', () => {
    rt.archive.matchBudget = 2;
    const seen: string[] = [];
    const stmt = rt.archive.stmt.bind(rt.archive);
    rt.archive.stmt = (sql: string) => (seen.push(sql), stmt(sql));
    let r;
    try {
      r = rt.archive.search({ text: '信息公开' });
    } finally {
      rt.archive.stmt = stmt;
    }
    // Every record holds the term: the two newest walked are two of ten, so the estimate is all ten.
    expect(r).toMatchObject({ total: 10, approximate: true });
    // The records walked counted from the index by id (a few entries), never the listing's index whole.
    expect(seen.some((sql) => sql.includes('reports_record_ids'))).toBe(true);
    expect(seen.filter((sql) => sql.includes('reports_listed'))).toEqual([]);
  });

  it('lists by filters alone from the records’ index, newest year first, without sorting every match', () => {
    const seen: string[] = [];
    const stmt = rt.archive.stmt.bind(rt.archive);
    rt.archive.stmt = (sql: string) => (seen.push(sql), stmt(sql));
    const q: SearchQuery = { indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 }], limit: 100 };
    let r;
    try {
      r = rt.archive.search(q);
    } finally {
      rt.archive.stmt = stmt;
    }
    // What the reports table says, read without search.ts's queries: the records with the cell, in the listing's order.
    const expected = (rt.archive.db.prepare('SELECT r.id FROM reports r WHERE r.is_record = 1 ORDER BY r.year DESC, r.agency_norm, r.id DESC').pluck().all() as number[]).filter((id) =>
      rt.archive.fileCellsOf(id).some((c) => c.table === 't4' && c.row === 'review' && c.col === 'corrected' && c.value.kind === 'number' && c.value.num! > 0),
    );
    expect(expected.length).toBe(5);
    expect(r.hits.map((h) => h.reportId)).toEqual(expected);
    expect(r).toMatchObject({ total: 5, approximate: false });
    const listing = seen.filter((s) => /FROM reports r/.test(s) && /ORDER BY r\.year DESC/.test(s));
    expect(listing.length).toBe(1);
    const plan = (rt.archive.db.prepare(`EXPLAIN QUERY PLAN ${listing[0]}`).all('t4', 'review', 'corrected', 0, MATCH_BUDGET + 1) as { detail: string }[]).map((p) => p.detail);
    expect(plan.join('\n')).toMatch(/COVERING INDEX reports_listed/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
