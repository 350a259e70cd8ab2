// Property tests: a generated consistent report, rendered in each layout real files use,
// parses back to the same cells and passes every check; one broken cell fires exactly the
// rules that cell takes part in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../src/main/node/import/readers/html-blocks.ts';
import { checkConsistency } from '../../src/shared/report/checks/consistency.ts';
import type { DocBlock } from '../../src/shared/doc/blocks.ts';
import { parseReport } from '../../src/shared/report/parse/index.ts';
import { TEMPLATES, T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../../src/shared/report/templates/index.ts';
import { actualCells, findingKeys } from '../helpers/expect-report.ts';
import { renderHtml, renderText, t3RowIds, type Layout, type ReportSpec } from '../helpers/render-report.ts';

const APPLICANTS = T3_COLUMNS.slice(0, 6).map((c) => c.id);
const RESULT_ROWS = (t: 'T2019' | 'T2021') => t3RowIds(t).filter((r) => !['new', 'carry', 'next', 'r7'].includes(r));
const count = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(40) });

const specArb: fc.Arbitrary<ReportSpec> = fc.constantFrom<'T2019' | 'T2021'>('T2019', 'T2021').chain((template) => {
  const results = RESULT_ROWS(template);
  return fc
    .record({
      t3: fc.array(fc.record({ results: fc.array(count, { minLength: results.length, maxLength: results.length }), carry: fc.nat(5), next: fc.nat(5) }), {
        minLength: 6,
        maxLength: 6,
      }),
      t4: fc.array(fc.array(fc.nat(9), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      t2: fc.array(fc.nat(100000), { minLength: 30, maxLength: 30 }),
    })
    .map(({ t3, t4, t2 }) => {
      const values: Record<string, number> = {};
      const add = (k: string, n: number) => (values[k] = (values[k] ?? 0) + n);
      t3.forEach((c, i) => {
        const col = APPLICANTS[i];
        const total = c.results.reduce((s, n) => s + n, 0);
        const carry = Math.min(c.carry, total + c.next);
        results.forEach((r, j) => add(`t3|${r}|${col}`, c.results[j]));
        add(`t3|r7|${col}`, total);
        add(`t3|carry|${col}`, carry);
        add(`t3|next|${col}`, c.next);
        add(`t3|new|${col}`, total + c.next - carry);
      });
      for (const r of t3RowIds(template)) values[`t3|${r}|total`] = APPLICANTS.reduce((s, c) => s + (values[`t3|${r}|${c}`] ?? 0), 0);
      t4.forEach((g, i) => {
        T4_COLUMNS.slice(0, 4).forEach((c, j) => (values[`t4|${T4_ROWS[i].id}|${c.id}`] = g[j]));
        values[`t4|${T4_ROWS[i].id}|total`] = g.reduce((s, n) => s + n, 0);
      });
      let k = 0;
      for (const b of TEMPLATES[template].t2) for (const r of b.rows) for (const c of b.columns) values[`t2|${r.id}|${c.id}`] = c.money ? t2[k++] / 100 : t2[k++];
      return {
        template,
        agency: '某市某某局',
        year: template === 'T2021' ? 2023 : 2020,
        date: template === 'T2021' ? '2024年1月22日' : '2021年1月25日',
        values,
        prose: { 1: ['本年度工作总体情况。'], 3: ['本年度依申请公开工作情况。'], 6: ['本年度未收取信息处理费。'] },
      };
    });
});

function blocks(spec: ReportSpec, layout: Layout): DocBlock[] {
  if (layout === 'html') return htmlToBlocks(renderHtml(spec)).blocks;
  return renderText(spec, layout)
    .split('\n')
    .map((text) => ({ type: 'p' as const, text }));
}

/** The parsed cells of money columns are in 万元 and the rendering wrote them as such. */
function expectedCells(spec: ReportSpec): Record<string, number> {
  return Object.fromEntries(Object.entries(spec.values));
}

describe.each<Layout>(['pipe', 'pipe-cell', 'tab', 'tab-row', 'spaced', 'pdf', 'pdf-wrapped', 'html'])('round trip through the %s layout', (layout) => {
  it('parses every cell back and finds no inconsistency', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const r = parseReport(blocks(spec, layout));
        expect(r.template).toBe(spec.template);
        expect(r.agency).toBe(spec.agency);
        expect(r.year).toBe(spec.year);
        expect(actualCells(r)).toEqual(expectedCells(spec));
        expect(checkConsistency(r.template, r.cells)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('breaking one cell fires exactly the rules that cell takes part in', () => {
    const cellArb = specArb.chain((spec) =>
      fc.record({ spec: fc.constant(spec), row: fc.constantFrom(...t3RowIds(spec.template)), col: fc.constantFrom(...APPLICANTS), delta: fc.integer({ min: 1, max: 7 }) }),
    );
    fc.assert(
      fc.property(cellArb, ({ spec, row, col, delta }) => {
        const broken = { ...spec, values: { ...spec.values, [`t3|${row}|${col}`]: (spec.values[`t3|${row}|${col}`] ?? 0) + delta } };
        const r = parseReport(blocks(broken, layout));
        const expected = [`R2:${row}`];
        if (row === 'new' || row === 'carry' || row === 'next') expected.push(`R1:${col}`);
        else if (row === 'r7') expected.push(`R1:${col}`, `R3:${col}`);
        else expected.push(`R3:${col}`);
        expect(findingKeys(checkConsistency(r.template, r.cells)).sort()).toEqual(expected.sort());
      }),
      { numRuns: 100 },
    );
  });
});
