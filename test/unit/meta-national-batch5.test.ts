// Causes of the misses on the national corpus's fifth batch (issue 21): made-up reports in the
// shapes the real pages had, each rule tried apart from any one page.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/shared/report/parse/index.ts';

const parse = (lines: string[]) => parseReport([{ type: 'p', text: lines.join('\n') }]);

describe('a contact line naming an office inside a street or town', () => {
  it('gives the street office, not its 综合保障办公室', () => {
    const r = parse([
      '本报告中所列数据的统计期限自2018年1月1日起，至2018年12月31日止。如对报告有任何疑问，请与某某市某某区人民政府某某街道办事处综合保障办公室联系（地址：某某路17号）。',
      '一、概述',
      '2018年，某某街道根据《条例》要求开展政府信息公开工作。',
    ]);
    expect(r.agency).toBe('某某市某某区人民政府某某街道办事处');
  });

  it('gives the street office whose own 信息公开办公室 answers', () => {
    const r = parse([
      '本报告中所列数据的统计期限自2009年1月1日起，至2009年12月31日止。如对报告有任何疑问，请与某某区政府某某街道办事处信息公开办公室联系（地址：某某街26号）',
      '一、概述',
      '街道办事处办公室为地区政府信息公开工作主管部门。',
    ]);
    expect(r.agency).toBe('某某区政府某某街道办事处');
  });

  it('still names nobody for a government’s openness office', () => {
    const r = parse([
      '本报告中所列数据的统计期限自2009年1月1日起至2009年12月31日止。如对报告有任何疑问，请与某某市人民政府信息公开办公室联系（地址：某某路1号）。',
      '一、概述',
      '全市政府信息公开工作运行正常。',
    ]);
    expect(r.agency).toBeNull();
  });
});

describe('an opening that names the body beside the year of the work it builds on', () => {
  it('gives the body of “在X2017年度政府信息公开工作的基础上编制”', () => {
    const r = parse([
      '本报告根据《条例》要求，在某某市某某区人民政府某某街道办事处2017年度政府信息公开工作的基础上编制。',
      '本报告中所列数据的统计期限自2018年1月1日起，至2018年12月31日止。',
      '一、概述',
      '2018年，某某街道根据《条例》要求开展政府信息公开工作。',
    ]);
    expect([r.agency, r.year]).toEqual(['某某市某某区人民政府某某街道办事处', 2018]);
  });
});

describe('a metadata key with spaces before the title', () => {
  it('is no part of the name', () => {
    const r = parse([
      '索引号 bgs01/2023-00011 发文字号',
      '标   题 县政府办2022年度政府信息公开工作年度报告',
      '发布机构 县政府办公室 公文时效 有效',
      '一、总体情况',
      '2022年，某某县人民政府办公室严格贯彻落实条例。',
    ]);
    expect(r.agency).not.toMatch(/标题|名称/);
    expect(r.year).toBe(2022);
  });

  it('reads the title after 名  称 as after 名称：', () => {
    const r = parse(['名  称 某某县农业农村局2021年政府信息公开工作年度报告', '一、总体情况', '我局认真贯彻落实条例。']);
    expect([r.agency, r.year]).toEqual(['某某县农业农村局', 2021]);
  });
});

describe('a contact line with the address in brackets after the name', () => {
  it('gives the body of “请联系X(地址:…)”', () => {
    const r = parse([
      '本年度报告是根据《条例》要求，结合我局的政府信息公开工作编制而成。本年报中所列数据的统计期限自2009年1月1日起至2009年12月31日止。如对本报告有任何疑问，请联系某某市水利局(地址:某某路288号,邮编:314400)。',
      '一、概述',
      '我局成立了政府信息公开工作领导小组。',
    ]);
    expect(r.agency).toBe('某某市水利局');
  });
});

describe('a state farm or forest farm', () => {
  it('is a body that can report', () => {
    const r = parse(['园艺场2020年政府信息公开工作年度报告', '一、总体情况', '2020年园艺场根据条例要求开展工作。']);
    expect([r.agency, r.year]).toEqual(['园艺场', 2020]);
    expect(parse(['某某国有林场2019年政府信息公开工作年度报告', '一、总体情况', '我场认真贯彻落实条例。']).agency).toBe('某某国有林场');
  });

  it('but a market or a square is not', () => {
    expect(parse(['农贸市场2020年政府信息公开工作年度报告', '一、总体情况', '全年公开信息20条。']).agency).toBeNull();
  });
});

describe('a mirror’s spam words with a colon in front of the name', () => {
  it('are cut from the opening’s name', () => {
    const r = parse([
      '按照上级要求，结合我单位政府信息公开工作实际，现编制形成了《uedbet体育_uedbet官网@:某某镇人民政府2023年政府信息公开工作年度报告》。本报告中所列数据的统计期限从2023年1月1日至12月31止。',
      '一、总体情况',
      '某某镇人民政府利用公告栏主动对外更新政府信息27次。',
    ]);
    expect(r.agency).toBe('某某镇人民政府');
  });
});

describe('the year of the body’s own work up to 31 December', () => {
  it('is read from “截止2023年12月31日我局…” where nothing else gives a year', () => {
    const r = parse([
      '一、总体情况',
      '（一）主动公开信息情况。本年度我局门户网站不断充实政务公开内容。截止2023年12月31日我局通过官方网站发布政务类信息34条。',
      '（二）依申请公开工作情况。本年度共受理政府信息公开申请2件。',
    ]);
    expect(r.year).toBe(2023);
  });
});

describe('an opening that publishes a department’s report under its short name', () => {
  it('gives the short name where nothing names the place', () => {
    const r = parse([
      '根据《条例》和上级要求，现将2020年度市人力资源社会保障局信息公开工作总结报告如下。',
      '一、总体情况',
      '2020年，市人力资源社会保障局围绕重点工作积极推进政务公开。',
    ]);
    expect([r.agency, r.year]).toEqual(['市人力资源社会保障局', 2020]);
    const s = parse(['根据《条例》有关规定，现发布省市场监管局2023年政府信息公开情况报告。', '一、总体情况', '2023年，省市场监管局认真贯彻落实条例。']);
    expect(s.agency).toBe('省市场监管局');
  });

  it('but not a government or its office named without a place, nor a body the opening only cites', () => {
    expect(parse(['根据《条例》规定，现公布区人民政府2020年政府信息公开工作年度报告。', '一、总体情况', '全区政府信息公开工作运行正常。']).agency).toBeNull();
    expect(parse(['按照县政府办公室《关于做好2018年政务公开工作的通知》要求，特向社会公布2018年度本局信息公开工作年度报告。', '一、概述', '我局认真实施条例。']).agency).toBeNull();
  });
});

describe('an opening sentence on the first line, read as a title', () => {
  it('leaves its verb out of the name', () => {
    const r = parse(['现公布某某县人民政府2020年政府信息公开工作年度报告。', '一、总体情况', '2020年，全县政府信息公开工作运行正常。']);
    expect([r.agency, r.year]).toEqual(['某某县人民政府', 2020]);
    expect(parse(['特编制某某市地方志办公室2021年政府信息公开工作年度报告。', '一、总体情况', '我办认真贯彻落实条例。']).agency).toBe('某某市地方志办公室');
  });
});

describe('a department that calls itself 我局 and names itself only by its short name', () => {
  it('is that short name, said twice or as the subject after a date', () => {
    const twice = parse([
      '根据条例要求，现将2021年度政府信息公开工作情况报告如下：',
      '一、总体情况',
      '（一）主动公开情况。2021年通过政府网站主动公开信息73条，公开了我局2022年度财政预算。',
      '（四）平台建设情况。2021年，县统计局积极加强政府网站建设。2021年县统计局积极部署政府信息公开工作。',
    ]);
    expect(twice.agency).toBe('县统计局');
    const subject = parse([
      '特向社会公布2018年度本局信息公开工作年度报告。',
      '一、政府信息公开工作情况概述',
      '我局认真实施条例。截至2018年底，县商务局依托政府信息公开平台主动公开政府信息。',
    ]);
    expect(subject.agency).toBe('县商务局');
  });

  it('names nobody where the short name is another body’s or a government’s', () => {
    expect(parse(['现将2021年度政府信息公开工作情况报告如下：', '一、总体情况', '我局认真落实条例，按照县财政局要求公开预算，按照县财政局规定公开决算。']).agency).toBeNull();
    expect(parse(['现将2021年度政府信息公开工作情况报告如下：', '一、总体情况', '我局认真落实条例。2021年，县政府积极推进政务公开。2021年县政府积极部署。']).agency).toBeNull();
  });
});

describe('a short name where a mirror’s spam stands for the place', () => {
  it('names nobody', () => {
    const r = parse([
      '| 发布机构 | 沙巴体育_大发体育娱乐在线¥投注官网市市场监管局 |',
      '现将2023年度政府信息公开工作情况报告如下。如对本报告有疑问，请与沙巴体育_大发体育娱乐在线¥投注官网市市场监管局办公室联系。',
      '一、总体情况',
      '我局认真落实条例。2023年，投注官网市市场监管局积极推进政务公开。',
    ]);
    expect(r.agency).toBeNull();
  });
});
