// Causes of the misses on the national corpus's fourth batch (issue 21): made-up reports in the
// shapes the real pages had, each rule tried apart from any one page.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/shared/report/parse/index.ts';

const parse = (lines: string[]) => parseReport([{ type: 'p', text: lines.join('\n') }]);
const cell = (r: ReturnType<typeof parse>, table: string, row: string, col: string) =>
  r.cells.find((c) => c.table === table && c.row === row && c.col === col)?.value;

describe('an opening that says what the report 涵盖', () => {
  it('names the body whose year of work it covers', () => {
    const r = parse([
      '根据《中华人民共和国政府信息公开条例》和区政府办公室的相关要求，特向社会公布2022年度我局政府信息公开工作年度报告。',
      '本报告由总体情况、主动公开政府信息情况等六部分组成，涵盖了2022年某某区自然资源局政府信息公开工作，报告中所列数据统计起止时间为2022年1月1日至2022年12月31日。',
      '一、总体情况',
      '我局党组高度重视政府信息公开工作。',
    ]);
    expect([r.agency, r.year]).toEqual(['某某区自然资源局', 2022]);
  });

  it('names the body before the period it covers', () => {
    const r = parse([
      '本报告由总体情况等六部分组成，内容涵盖某某市农业农村局在2021年1月1日至2021年12月31日期间的政府信息公开工作情况。',
      '一、总体情况',
      '我局认真贯彻落实条例。',
    ]);
    expect(r.agency).toBe('某某市农业农村局');
  });

  it('names nobody where it covers a whole area or only a period', () => {
    expect(parse(['本报告涵盖2023年1月1日至2023年12月31日期间的信息公开工作情况。', '一、总体情况', '我镇认真贯彻落实条例。']).agency).toBeNull();
    expect(parse(['本报告涵盖2020年全县各乡镇政府信息公开工作情况。', '一、总体情况', '我办认真贯彻落实条例。']).agency).toBeNull();
  });
});

describe('a body named only inside the text, where it says 我镇', () => {
  it('is not hidden by a clause that runs into the name', () => {
    const r = parse([
      '本年度报告结合我镇实际编制而成。报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。',
      '一、总体情况',
      '我镇积极公开政府信息36条。某某镇政府信息公开工作依托两种渠道开展。',
      '进一步健全完善某某镇人民政府信息公开工作机制。修订完善主动公开的《某某市某某区某某镇人民政府信息公开指南》和《某某市某某区某某镇人民政府信息公开目录》。',
    ]);
    expect(r.agency).toBe('某某市某某区某某镇人民政府');
  });
});

describe('a contact line naming the body’s own openness group', () => {
  it('gives the town or the bureau whose group it is', () => {
    const town = parse([
      '现编制并公布本单位2019年政府信息公开工作年度报告。如对本报告有任何疑问，请联系：某某县某某乡信息公开领导小组办公室，邮编：324403，联系电话：0570-7077500。',
      '一、政府信息公开工作的基本概况',
      '乡政府按照县政府的统一部署开展政府信息公开工作。',
    ]);
    expect(town.agency).toBe('某某县某某乡');
    const bureau = parse([
      '现公布本单位2010年政府信息公开工作年度报告。如对本报告有任何疑问，请与某某市某某局政府信息公开领导小组办公室联系（地址：某某路1号）。',
      '一、概述',
      '我局认真贯彻落实条例。',
    ]);
    expect(bureau.agency).toBe('某某市某某局');
  });

  it('gives no body when the group is a government’s, which answers for its departments too', () => {
    const r = parse([
      '现公布本单位2010年政府信息公开工作年度报告。如对本报告有任何疑问，请与某某市人民政府政务公开领导小组办公室联系（地址：某某路1号）。',
      '一、概述',
      '我局认真贯彻落实条例。',
    ]);
    expect(r.agency).toBeNull();
  });
});

describe('a metadata block whose keys end in a colon before the pipe', () => {
  it('reads the publisher cell, where the report names nobody else', () => {
    const r = parse([
      '索 引 号: | 1234567/2022-000051 | 发布时间: | 2022年01月24日 08:47 |',
      '来 源: | 某某市自然资源局 | 发布机构: | 某某市自然资源局 |',
      '一、总体情况',
      '2021年我局认真贯彻落实新《条例》等文件要求，扎实做好政府信息公开工作。',
    ]);
    expect([r.agency, r.year]).toEqual(['某某市自然资源局', 2021]);
  });
});

describe('the year of part 一’s sentence whose subject is the body', () => {
  it('is the report’s year where nothing else gives one', () => {
    const r = parse([
      '一、总体情况',
      '某某区住建局高度重视政府信息公开工作，及时调整充实政府信息公开工作领导小组成员。2019年，某某区住建局共主动公开政府信息227条，其中工作动态85条。',
      '二、主动公开政府信息情况',
    ]);
    expect([r.agency, r.year]).toEqual(['某某区住建局', 2019]);
  });

  it('is none where such sentences name two years', () => {
    const r = parse([
      '一、总体情况',
      '某某区住建局高度重视政府信息公开工作。2018年，某某区住建局共主动公开政府信息200条。2019年，某某区住建局共主动公开政府信息227条。',
      '二、主动公开政府信息情况',
    ]);
    expect(r.year).toBeNull();
  });
});

describe('table 三 cut off inside a row', () => {
  const head = [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)  | 申请人情况  | ||||||||',
    '自然人  | 法人或其他组织  | 总计  | |||||||',
    '商业企业  | 科研机构  | 社会公益组织  | 法律服务机构  | 其他  | |||||',
  ];
  it('keeps the whole rows before the cut, not the cut one', () => {
    const r = parse(['某某区某某局2019年政府信息公开工作年度报告', ...head, '一、本年新收政府信息公开申请数量  | 2  | 0 | 0 | 0 | 0 | 0 | 2  | ||', '二、上年结转政府信息公开申请数量  | 0 | 0 |']);
    expect([cell(r, 't3', 'new', 'natural'), cell(r, 't3', 'new', 'total')].map((v) => v && 'num' in v && v.num)).toEqual([2, 2]);
    expect(cell(r, 't3', 'carry', 'natural')).toBeUndefined();
  });

  it('is no table when the short row is not the last thing on the page', () => {
    const r = parse([
      '某某区某某局2019年政府信息公开工作年度报告',
      ...head,
      '一、本年新收政府信息公开申请数量  | 2  | 0 | 0 | 0 | 0 | 0 | 2  | ||',
      '二、上年结转政府信息公开申请数量  | 0 | 0 |',
      '四、政府信息公开行政复议、行政诉讼情况',
      '本年度未发生行政复议和行政诉讼。',
    ]);
    expect(cell(r, 't3', 'new', 'natural')).toBeUndefined();
  });
});
