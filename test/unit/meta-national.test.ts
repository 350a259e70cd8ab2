// Agency, year and format as reports of other provinces state them (issue 21): made-up reports in
// the forms the national corpus showed, so each rule is tried apart from any one real page.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/shared/report/parse/index.ts';
import { simplifiedBlocks } from '../../src/shared/doc/traditional.ts';

const PART1 = ['一、总体情况', '我单位认真贯彻落实条例，做好政府信息公开工作。'];
const parse = (lines: string[]) => parseReport([{ type: 'p', text: lines.join('\n') }]);
const meta = (lines: string[]) => {
  const r = parse(lines);
  return { agency: r.agency, year: r.year, template: r.template };
};

describe('title', () => {
  it('is the line that reads as a title alone, not the chrome above it joined to it', () => {
    expect(meta(['开启无障碍 开启长者助手', '首页 > 信息公开 > 公开年报', '广东省信访局2020年政府信息公开工作年度报告', ...PART1]).agency).toBe('广东省信访局');
    expect(meta(['政府信息公开', '贵阳市人民政府2018年政府信息公开年度报告', ...PART1]).agency).toBe('贵阳市人民政府');
  });

  it('is found past a long menu', () => {
    const menu = Array.from({ length: 30 }, (_, i) => `栏目${'一二三四五六七八九十'[i % 10]}`);
    expect(meta([...menu, '四川省经济合作局2019年政府信息公开工作年度报告', ...PART1])).toEqual({ agency: '四川省经济合作局', year: 2019, template: 'T2019' });
  });

  it('is not ended by a year-only line', () => {
    expect(meta(['2020年高新区(新市区)政府信息公开工作年度报告', '高新区(新市区)政府2020年信息公开工作年度报告', ...PART1]).agency).toBe('高新区(新市区)政府');
  });

  it('keeps a name ending in a bracket that names a body, and drops (以下简称…)', () => {
    expect(meta(['遵义市播州区人民政府(区政府办公室)2021年政府信息公开工作年度报告', ...PART1]).agency).toBe('遵义市播州区人民政府(区政府办公室)');
    expect(meta(['根据《条例》规定，现公布阳山县人民政府办公室(以下简称县政府办公室)2016年政府信息公开工作年度报告。', ...PART1]).agency).toBe('阳山县人民政府办公室');
  });

  it('completes a place named alone to its government, with a note, where no other body is named', () => {
    const r = parse(['四川省2019年政府信息公开工作年度报告', ...PART1]);
    expect(r.agency).toBe('四川省人民政府');
    expect(r.notes.some((n) => n.code === 'agency-completed')).toBe(true);
    // A zone is no government.
    expect(meta(['南昌经济技术开发区2019年政府信息公开工作年度报告', ...PART1]).agency).toBe('南昌经济技术开发区');
  });
});

describe('opening sentence', () => {
  it('names the body in its several forms', () => {
    const open = (s: string) => meta([s, ...PART1]).agency;
    expect(open('本报告是依据《条例》要求，由巴州人民政府编制的2017年度政府信息公开工作年度报告。')).toBe('巴州人民政府');
    expect(open('根据《条例》，海口市人民政府编制了2015年政府信息公开工作年度报告。')).toBe('海口市人民政府');
    expect(open('根据《条例》，现就疏勒县人民政府2020年度政府信息公开情况报告如下：')).toBe('疏勒县人民政府');
    // "编写" as 编制, a place named alone completed to its government.
    expect(open('根据《条例》有关规定和要求，编写某山县2017年度政府信息公开工作年度报告。')).toBe('某山县人民政府');
    // A 发布 inside a cited title does not hide the 现公布 after it.
    expect(open('根据《关于发布政务公开工作要点的通知》要求，现公布平塘县大塘镇人民政府2020年政府信息公开工作年度报告。')).toBe('平塘县大塘镇人民政府');
  });

  it('takes no placeless compiler ("由区政府办公室编制") and no contact office of the government', () => {
    expect(meta(['本年度报告由区政府办公室编制。如有疑问，请与区政府信息公开办公室联系。', ...PART1]).agency).toBeNull();
  });

  it('falls back to the contact sentence, cut to the body', () => {
    expect(meta(['根据《条例》编制本报告。如对本年报有疑问，请与广元市人民政府重点建设项目领导小组办公室综合科联系。', ...PART1]).agency).toBe('广元市人民政府重点建设项目领导小组办公室');
    // "请联系X,地址:…" without a colon; a government's own office of a subject stays that office, its 党政办公室 is the government's.
    expect(meta(['根据《条例》编制本报告。如有疑问,请联系某某市人民政府外事办公室综合处,地址:某某路11号。', ...PART1]).agency).toBe('某某市人民政府外事办公室');
    expect(meta(['根据《条例》编制本报告。如有疑问，请与某某县人民政府党政综合办公室联系。', ...PART1]).agency).toBe('某某县人民政府');
  });

  it('reads an opening whose words a document-sharing site spaced apart', () => {
    expect(meta(['根据中华人民共和国政府信息公开条例规定,现公布苏州市 2017 年政府信息公开工作年度报告。', ...PART1]).agency).toBe('苏州市人民政府');
  });

  it('is outweighed by the title; the publisher line only counts where the report names no body', () => {
    expect(meta(['时间:2021-02-20   来源:忻州市忻府区人民政府', '根据《条例》编制本年度报告。本报告中所列数据的统计期限自2020年1月1日起至12月31日止。', ...PART1]).agency).toBe('忻州市忻府区人民政府');
    expect(meta(['来源:某市政务服务管理局', '巴州人民政府2017年政府信息公开工作年度报告', ...PART1]).agency).toBe('巴州人民政府');
  });
});

describe('year', () => {
  const year = (lines: string[]) => meta([...lines, ...PART1]).year;
  it('from a garbled 统计期限 and from the year it ends in', () => {
    expect(year(['本报告中所列数据的统计期限为2022年11日至1231日。'])).toBe(2022);
    expect(year(['本报告中所列数据的统计期限为20191月1日起到2019年12月31日止。'])).toBe(2019);
    expect(year(['本报告中所列数据的统计期限自2008年5月1日起，至2018年12月31日止。'])).toBe(2018);
  });
  it('from a book title or the first words of the opening', () => {
    expect(year(['根据《条例》规定，现发布《重庆市2021年政府信息公开工作年度报告》。'])).toBe(2021);
    expect(meta(['2009年年报根据《条例》编制，由概述等四部分组成。', '一、概述', '略。']).year).toBe(2009);
  });
  it('is not read off a month printed under the title', () => {
    const r = parse(['2016年广州市政府信息公开工作年度报告', '广州市人民政府', '2017年3月', ...PART1]);
    expect([r.year, r.date]).toEqual([2016, null]);
  });
});

describe('format without tables', () => {
  it('follows the year', () => {
    expect(meta(['某县人民政府2022年政府信息公开工作年度报告', ...PART1]).template).toBe('T2021');
    expect(meta(['某县人民政府2020年政府信息公开工作年度报告', ...PART1]).template).toBe('T2019');
    const r = parse(['某县人民政府2020年政府信息公开工作年度报告', ...PART1]);
    expect(r.notes.find((n) => n.code === 'template-basis')?.message).toContain('按年度（2020年）');
  });
  it('takes the cited notice where no year is found, and a notice other than the year implies is a 提醒', () => {
    expect(meta(['根据《格式》（国办公开函〔2021〕30号）要求编制。', ...PART1]).template).toBe('T2021');
    const r = parse(['某县人民政府2022年政府信息公开工作年度报告', '根据（国办公开办函〔2019〕60号）要求编制。', ...PART1]);
    expect(r.template).toBe('T2021');
    expect(r.notes.some((n) => n.code === 'meta-disagree' && n.message.includes('〔2019〕60号'))).toBe(true);
  });
});

it('keeps a cut-off report that says it is the report, not refusing it', () => {
  const r = parse(['根据《条例》规定，现发布《重庆市2021年政府信息公开工作年度报告》。', '2021年，重庆市持续深化政务公开。']);
  expect(r.isReport).toBe(true);
  expect(r.complete).toBe(false);
});

it('reads 規範性檔案 (a portal’s Taiwan wording) as 规范性文件', () => {
  const { blocks } = simplifiedBlocks([{ type: 'p', text: '二、主動公開政府信息情況\n規範性檔案 | 4 | 4 | 130 |\n我們認真貫徹落實《條例》，積極推進政務公開，進一步規範政府信息公開工作。' }]);
  expect(blocks[0].type === 'p' && blocks[0].text).toContain('规范性文件');
});

it('reads the body and year from the first sentence of part 一 where nothing else names them', () => {
  const r = parse(['依据《条例》第五十条规定，编制本报告。', '一、总体情况', '2020年，武汉市坚持以公开为常态，不断深化政务公开。']);
  expect([r.agency, r.year, r.template]).toEqual(['武汉市人民政府', 2020, 'T2019']);
  // "2021年，在区委领导下…" names no body.
  expect(parse(['依据《条例》规定，编制本报告。', '一、总体情况', '2021年，在区委、区政府的正确领导下，我局认真贯彻条例。']).agency).toBeNull();
});

it('takes the year before a publication month under the title only where nothing else gives a year', () => {
  const r = parse(['广州市政府信息公开工作年度报告', '广州市人民政府', '2017年3月', ...PART1]);
  expect(r.year).toBe(2016);
  expect(r.evidence.find((e) => e.field === 'year')?.inferred).toBe(true);
  expect(parse(['本报告中所列数据的统计期限为20231日至20231231日。', ...PART1]).year).toBe(2023);
});

it('reads 特编制2013年X…报告, 现将我局2019年…报告如下, and a name on the line under a year-only title', () => {
  expect(meta(['根据《条例》的有关规定，特编制2013年安康市汉滨区人民政府信息公开年度报告。', ...PART1]).agency).toBe('安康市汉滨区人民政府');
  expect(meta(['根据省政府办公厅的具体要求，现将我局2019年政府信息公开工作报告如下：', ...PART1]).year).toBe(2019);
  expect(meta(['2025年政府信息公开工作年度报告', '区数据局', ...PART1]).agency).toBe('区数据局');
  // "编制了2018年政府信息公开…": 政府 alone names nobody.
  expect(meta(['根据《条例》，编制了2018年政府信息公开工作年度报告。', ...PART1]).agency).toBeNull();
});
