import { describe, expect, it } from 'vitest';
import { cleanTerm, compactSearch, normSearch, spaced } from '../../src/shared/search/normalize.ts';
import { findRanges, parseQuery, snippet } from '../../src/shared/search/query.ts';

describe('query syntax', () => {
  it('ANDs words, keeps quoted phrases, excludes -words', () => {
    expect(parseQuery('信息公开 "行政 复议" -诉讼').clauses).toEqual([
      { any: ['信息公开'], negated: false },
      { any: ['行政复议'], negated: false },
      { any: ['诉讼'], negated: true },
    ]);
  });

  it('makes alternatives with 或, OR and |', () => {
    expect(parseQuery('科技局 或 北仑 申请').clauses).toEqual([
      { any: ['科技局', '北仑'], negated: false },
      { any: ['申请'], negated: false },
    ]);
    expect(parseQuery('a OR b or c').clauses).toEqual([{ any: ['a', 'b', 'c'], negated: false }]);
    expect(parseQuery('复议 | 诉讼').clauses).toEqual([{ any: ['复议', '诉讼'], negated: false }]);
  });

  it('ignores punctuation and width, folds traditional characters', () => {
    expect(parseQuery('“信息处理费”。').highlight).toEqual(['信息处理费']);
    expect(parseQuery('ＡＢＣ１２３').highlight).toEqual(['abc123']);
    expect(parseQuery('資訊公開 處理費').highlight).toEqual(['资讯公开', '处理费']);
    expect(parseQuery('  ，。 ').clauses).toEqual([]);
    expect(parseQuery('或 公开').clauses).toEqual([{ any: ['公开'], negated: false }]);
  });
});

describe('normalisation', () => {
  it('keeps the length, unit for unit', () => {
    const s = '政府資訊公開（ＡＢ）𠀀年报';
    expect(normSearch(s)).toBe('政府资讯公开(ab)𠀀年报');
    expect(normSearch(s).length).toBe(s.length);
  });

  it('has a well-formed traditional-to-simplified table', () => {
    // Every traditional character maps to a different, simplified one.
    for (const ch of '開資訊報務處費複議訴訟請審結計總機關縣區鎮國門會規範條網單與應對內況組織') expect(normSearch(ch)).not.toBe(ch);
    for (const ch of '开资讯报务处费复议诉讼请审结计总机关县区镇国门会规范条网单与应对政府信息') expect(normSearch(ch)).toBe(ch);
  });

  it('keeps letters and digits with their offsets, for the trigram index and for hits', () => {
    const { flat, at } = compactSearch('四、行政複議，\n行政诉讼（２０２４）');
    expect(flat).toBe('四行政复议行政诉讼2024');
    expect([...at]).toEqual([0, 2, 3, 4, 5, 8, 9, 10, 11, 13, 14, 15, 16]);
    expect(cleanTerm('行政复议、行政诉讼')).toBe('行政复议行政诉讼');
  });

  it('spaces characters for the single-character index', () => {
    expect(spaced('信息公开，2019年')).toBe('信 息 公 开 2 0 1 9 年');
    expect(cleanTerm('“不予公开”')).toBe('不予公开');
  });
});

describe('snippets', () => {
  it('finds every hit and never cuts one in half', () => {
    const text = '甲'.repeat(100) + '信息公开' + '乙'.repeat(30) + '公开' + '丙'.repeat(100);
    const s = snippet(text, ['信息公开', '公开'], 10)!;
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    for (const [a, b] of s.highlights) expect(['信息公开', '公开']).toContain(s.text.slice(a, b));
    // Touching and overlapping hits merge into one mark.
    expect(findRanges('公开公开信息公开', ['公开', '信息公开'])).toEqual([[0, 8]]);
    expect(findRanges('公开，公开', ['公开'])).toEqual([
      [0, 2],
      [3, 5],
    ]);
  });

  it('finds a term across punctuation and line breaks, and marks all of it', () => {
    const text = '四、政府信息公开行政复议、\n行政诉讼情况';
    expect(findRanges(text, ['行政复议行政诉讼'])).toEqual([[8, 18]]);
    expect(text.slice(8, 18)).toBe('行政复议、\n行政诉讼');
    const s = snippet(text, ['复议行政'], 48)!;
    expect(s.text).toBe('四、政府信息公开行政复议、 行政诉讼情况');
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['复议、 行政']);
  });

  it('shows a short term where a sentence says it, not in a table heading', () => {
    const text = '四、政府信息公开行政复议、行政诉讼情况\n行政复议 结果维持 结果纠正 其他结果 尚未审结 总计\n本年度发生政府信息公开行政复议1起，结果维持。';
    const s = snippet(text, ['复议'], 10)!;
    expect(s.text).toBe('…发生政府信息公开行政复议1起，结果维持。');
    expect(s.at).toBe(text.lastIndexOf('复议'));
    // With no sentence anywhere, the first hit.
    expect(snippet('行政复议 结果维持\n行政复议 结果纠正', ['复议'], 4)!.at).toBe(2);
  });
});
