// The full cell map an expectation describes, keyed "table|row|col".
import { TEMPLATES, T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../../src/shared/report/templates/index.ts';
import { fullT3, t3RowIds, type Expected } from '../fixtures/expected.ts';

export function expectedCells(e: Expected): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (e.template !== 'T2019' && e.template !== 'T2021') return out;
  const blocks = TEMPLATES[e.template].t2;
  for (const [row, vals] of Object.entries(e.t2 ?? {})) {
    const cols = blocks.find((b) => b.rows.some((r) => r.id === row))!.columns;
    if (vals.length !== cols.length) throw new Error(`expected.ts: t2 ${row} has ${vals.length} values, the template ${cols.length}`);
    cols.forEach((c, i) => (out[`t2|${row}|${c.id}`] = vals[i]));
  }
  if (e.t3) {
    for (const [row, vals] of Object.entries(fullT3(t3RowIds(e), e.t3))) T3_COLUMNS.forEach((c, i) => (out[`t3|${row}|${c.id}`] = vals[i]));
  }
  e.t4?.forEach((v, i) => (out[`t4|${T4_ROWS[Math.floor(i / 5)].id}|${T4_COLUMNS[i % 5].id}`] = v));
  return out;
}

