// Causes of the misses on the national corpus's third batch (issue 21): made-up reports in the
// shapes the real pages had, each rule tried apart from any one page.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/shared/report/parse/index.ts';
import { simplifiedBlocks } from '../../src/shared/doc/traditional.ts';

const PART1 = ['一、总体情况', '我单位认真贯彻落实条例，做好政府信息公开工作。'];
const parse = (lines: string[]) => parseReport([{ type: 'p', text: lines.join('\n') }]);

describe('a title worded 关于…的年度报告', () => {
  it('gives its year, and the name on the line above', () => {
    const r = parse(['某某县某某镇人民政府', '关于2021年度政府信息公开工作的年度报告', ...PART1]);
    expect([r.agency, r.year]).toEqual(['某某县某某镇人民政府', 2021]);
  });
});

describe('a title with no year', () => {
  it('names the body; the year comes from the text', () => {
    const r = parse(['某某路街道办事处政府信息公开工作年度报告', '一、总体情况', '2020年度我街办未接到政府信息公开申请。']);
    expect(r.agency).toBe('某某路街道办事处');
  });

  it('is no name when it is a menu word or a place word', () => {
    expect(parse(['乡镇政府信息公开年度报告', ...PART1]).agency).toBeNull();
    expect(parse(['部门政府信息公开工作年度报告', ...PART1]).agency).toBeNull();
  });
});

describe('an opening 本年报…由X编制的2012年…年度报告', () => {
  it('is a report, of that body and year', () => {
    const r = parse([
      '本年报是根据《中华人民共和国政府信息公开条例》要求，由某某县人民政府编制的2012年政府信息公开年度报告。全文由概述，主动公开政府信息以及公开平台建设情况等部分组成。',
      '推进政府信息公开工作是建设法治政府的一项重要工作。',
    ]);
    expect([r.isReport, r.agency, r.year, r.template]).toEqual([true, '某某县人民政府', 2012, 'pre2019']);
  });
});

it('reads 政府資訊公開 (a Big5 gateway’s Taiwan wording) as 政府信息公开', () => {
  const { blocks } = simplifiedBlocks([{ type: 'p', text: '特向社會公佈某某海事局2020年政府資訊公開工作年度報告。\n資訊內容 | 本年新 製作數量 |\n我們認真貫徹落實《條例》,積極推進政務公開,進一步規範工作。' }]);
  const text = blocks[0].type === 'p' ? blocks[0].text : '';
  expect(text).toContain('政府信息公开工作年度报告');
  expect(text).toContain('信息内容');
});

it('takes the publisher of a piped metadata block (发布单位 | X |)', () => {
  const r = parse(['索引号 | 430S00017/2011-71623 | 文号 | |', '发布单位 | 某某省交通运输厅 | 来源 | |', '特向社会公布2010年度本单位信息公开年度报告。', ...PART1]);
  expect(r.agency).toBe('某某省交通运输厅');
});

describe('a body that calls itself 我局/我乡 and is named once in full', () => {
  it('is that body where nothing else names one', () => {
    const lines = ['一、总体情况', '（一）主动公开情况。2022年,某某市农业农村局在市政府信息公开网上主动公开信息513条。', '（二）依申请公开情况。2022年度,某某市农业农村局受理依申请公开0件。', '我局严格执行保密审查。'];
    expect(parse(lines).agency).toBe('某某市农业农村局');
    const town = ['根据《条例》的规定，编制2019年度我乡信息公开工作年度报告。', '一、总体情况', '2019年我乡高度重视政府信息公开工作。', '二、主动公开政府信息情况', '截至2019年12月31日，某某乡人民政府通过信息平台主动公开政府信息3条。'];
    expect(parse(town).agency).toBe('某某乡人民政府');
  });

  it('is nobody where two bodies of that kind are named, or only another kind', () => {
    const two = ['一、总体情况', '（一）主动公开。2022年,某某市农业农村局在网站公开信息；某某市财政局在网站公开预算。', '我局严格执行保密审查。'];
    expect(parse(two).agency).toBeNull();
    const other = ['一、总体情况', '2019年,我局按照某某市人民政府办公室有关要求做好公开工作。'];
    expect(parse(other).agency).toBeNull();
  });
});

it('reads the year from a sub-heading line of part 一 ("（一）主动公开情况。2022年,…")', () => {
  const r = parse(['一、总体情况', '（一）主动公开情况。2022年,我局在网站上主动公开信息513条。', '（二）依申请公开情况。我局受理依申请公开0件。']);
  expect([r.year, r.template]).toEqual([2022, 'T2021']);
});

it('reads table 三 after a paragraph that tells its numbers in words (予以公开2件…)', () => {
  const cell = (s: string) => [s, '|'].join(' ');
  const r = parse([
    '某某区2022年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    '2022年，我办共收到5份政府信息公开申请，均为自然人申请。其中，予以公开2件，部分公开1件，本办不掌握相关政府信息2件。',
    '|',
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和) |',
    '申请人情况 | |||||',
    '自然人 |', '法人或其他组织 |', '总计 | ||||',
    '商业企业 |', '科研机构 |', '社会公益组织 |', '法律服务机构 |', '其他 | |||',
    '一、本年新收政府信息公开申请数量 |', ...['5', '0', '0', '0', '0', '0', '5'].map(cell),
    '二、上年结转政府信息公开申请数量 |', ...['1', '0', '0', '0', '0', '0', '1'].map(cell),
    '三、本年度办理结果 |',
  ]);
  const got = Object.fromEntries(r.cells.filter((c) => c.table === 't3').map((c) => [`${c.row}.${c.col}`, c.value.kind === 'number' ? c.value.num : null]));
  expect([got['new.natural'], got['new.total'], got['carry.natural'], got['carry.total']]).toEqual([5, 5, 1, 1]);
  // The sentence's numbers are not cells of rows (一)予以公开 and (二)部分公开.
  expect(got['r1.natural']).toBeUndefined();
});

it('reads a name with its own office bracketed after it: "青龙镇政府(机关)信息公开年度报告"', () => {
  expect(parse(['根据《条例》，特向社会公布2019年度某某镇政府(机关)信息公开年度报告。', ...PART1]).agency).toBe('某某镇政府');
});

describe('the year of a part 一 sentence whose subject is the body itself ("2019年,我局按照…")', () => {
  it('is the report’s where nothing else gives a year', () => {
    const r = parse(['一、总体情况', '（一）建立健全工作机制', '一是强化组织领导，落实工作机制。', '（二）扎实开展公开工作', '2019年,我局按照《条例》规定认真做好公开工作。']);
    expect([r.year, r.template]).toEqual([2019, 'T2019']);
    expect(parse(['某某街道办事处政府信息公开工作年度报告', '一、总体情况', '（一）主动公开情况', '公开领导职责。', '（二）依申请公开情况', '2020年度我街办未接到政府信息公开申请。']).year).toBe(2020);
  });

  it('is nobody’s where two such sentences give two years', () => {
    expect(parse(['一、总体情况', '（一）工作机制', '一是强化组织领导。', '（二）工作情况', '2019年,我局按照要求做好公开工作。', '2020年,我局将进一步做好公开工作。']).year).toBeNull();
  });
});
