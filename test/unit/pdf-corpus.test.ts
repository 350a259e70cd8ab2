// The PDF corpus (test/fixtures/pdf): PDFs made the ways offices make them (LibreOffice at
// portrait and landscape, narrow columns with wrapped cells, 表三 wider than the page, page breaks
// inside 表三, Chromium's 打印本页, published PDFs), each read through the real reader and parser.
// The hard rule: no wrong value (a value that differs from what the PDF shows; blank is not
// wrong; any value in a cell cut by the page edge is wrong). Files the current reader still gets
// wrong are listed in KNOWN_WRONG with the exact wrong cells, and the 错误 it finds on reports
// whose tables are consistent in KNOWN_READING_ERRORS: a fix of the reader makes its file's
// entry fail here, and the entry is then shortened or removed. The floors are what the reader
// achieves today (raise them as it improves).
import { describe, expect, it } from 'vitest';
import { judgePdf, listPdfCorpus, PRODUCERS, type PdfCase, type PdfOutcome, type Producer } from '../helpers/pdf-corpus.ts';

/** Wrong values the current reader gives, per file, exactly: "key: got（应为 want）". */
const KNOWN_WRONG: Record<string, string[]> = {};

/** 错误 findings (count) the current reader produces on reports whose tables are consistent as printed. */
const KNOWN_READING_ERRORS: Record<string, number> = {};

/** Key cells right per producer, at least (measured on the current reader). */
const FLOORS: Record<Producer, number> = {
  'lo-portrait': 74, // of 74
  'lo-landscape': 74, // of 74
  'lo-narrow': 149, // of 149
  'lo-wide': 119, // of 147 (the rest are cut by the page edge: blank, as they must be)
  'lo-pagebreak': 148, // of 148
  chromium: 135, // of 135
  published: 15, // of 15
};

/** Files whose agency, year or template the current reader does not get right. */
const KNOWN_META: Record<string, string> = {
  'chromium/x-seed-ningbo-bl-2020-report': '宁波市北仑区人⺠政府 / 2020 / T2019',
};

const cases = listPdfCorpus();
const outcomes = new Map<string, Promise<PdfOutcome>>();
const judged = (c: PdfCase) => outcomes.get(c.id) ?? outcomes.set(c.id, judgePdf(c)).get(c.id)!;

describe('PDF corpus', () => {
  it('holds every producer, derived from at least 20 reports, with published PDFs of several provinces', () => {
    const by = (p: Producer) => cases.filter((c) => c.producer === p).length;
    for (const p of PRODUCERS) expect(by(p), p).toBeGreaterThanOrEqual(p === 'lo-portrait' || p === 'lo-landscape' ? 5 : p === 'published' ? 1 : 5);
    expect(new Set(cases.filter((c) => c.reference).map((c) => c.reference)).size).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    it(c.id, async () => {
      const o = await judged(c);
      expect(o.read, o.message).toBe(true);
      if (KNOWN_META[c.id]) expect(o.meta, 'agency, year and template are now right: remove the file from KNOWN_META').toBe(false);
      else expect({ agency: o.meta ? c.expected.agency : o.agency, year: o.year, template: o.template }).toEqual({ agency: c.expected.agency, year: c.expected.year, template: c.expected.template });
      // The hard rule, with the reader's known failures listed exactly (a fix shortens the list).
      expect(o.wrong).toEqual(KNOWN_WRONG[c.id] ?? []);
      expect(o.readingErrors.length, o.readingErrors.join('\n')).toBe(KNOWN_READING_ERRORS[c.id] ?? 0);
    });
  }

  for (const p of PRODUCERS) {
    it(`${p}: key cells right at least ${FLOORS[p]}`, async () => {
      let right = 0;
      for (const c of cases.filter((x) => x.producer === p)) right += (await judged(c)).key.right;
      expect(right).toBeGreaterThanOrEqual(FLOORS[p]);
    });
  }
});
