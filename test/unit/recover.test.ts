// The search that picks one reading per run-together row: a reading is taken only when the
// relations leave no other, and never from a search cut off before it saw every solution.
import { describe, expect, it } from 'vitest';
import { resolveRows } from '../../src/shared/report/parse/recover.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, raw: '123', n: 2 })); // 1|23 or 12|3

describe('resolveRows', () => {
  it('reads a number with its unit word as a whole cell, and a unit word as the end of its cell (表二 政府集中采购 as web pages flatten it)', () => {
    const out = resolveRows({ rows: [{ id: 'a', raw: '2 984361元', n: 2 }, { id: 'b', raw: '3笔1200.5万元', n: 2 }, { id: 'c', raw: '12元', n: 2 }], maxDigits: 9 });
    expect(out.get('a')).toEqual({ kind: 'read', cells: ['2', '984361元'] });
    expect(out.get('b')).toEqual({ kind: 'read', cells: ['3笔', '1200.5万元'] });
    // One cell's worth is never cut in two to fill a row.
    expect(out.get('c')).toEqual({ kind: 'unreadable' });
  });

  it('takes the reading a relation and a stated number leave alone', () => {
    const out = resolveRows({
      rows: rows(2),
      rowCheck: () => true,
      linears: [{ lhs: ['r0'], rhs: ['r1'], at: 0 }],
      stated: [{ id: 'r0', at: 0, value: 12 }],
      maxDigits: 9,
    });
    expect(out.get('r0')).toEqual({ kind: 'inferred', cells: ['12', '3'] });
    expect(out.get('r1')).toEqual({ kind: 'inferred', cells: ['12', '3'] }); // through r0 = r1
  });

  it('leaves rows blank when the relations allow more than one reading', () => {
    const out = resolveRows({ rows: rows(2), rowCheck: () => true, linears: [{ lhs: ['r0'], rhs: ['r1'], at: 0 }], maxDigits: 9 });
    expect(out.get('r0')).toEqual({ kind: 'ambiguous', candidates: [['1', '23'], ['12', '3']] });
  });

  it('infers nothing from a search stopped at its solution limit, though the solutions it found agree on a row', () => {
    // 2^8 = 256 assignments and no relation: the first 64 found all read r0 as 1|23.
    const out = resolveRows({ rows: rows(8), rowCheck: () => true, maxDigits: 9 });
    for (const [, r] of out) expect(r).toEqual({ kind: 'ambiguous', candidates: [['1', '23'], ['12', '3']] });
  });
});
