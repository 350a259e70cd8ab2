// Causes of the misses on the national corpus's sixth batch (issue 21): made-up reports in the
// shapes the real pages had, each rule tried apart from any one page.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/shared/report/parse/index.ts';

const parse = (lines: string[]) => parseReport([{ type: 'p', text: lines.join('\n') }]);

describe('the year of the report the opening says it compiled', () => {
  it('is read from “认真编制了2016年度政府信息公开年度报告”', () => {
    const r = parse([
      '信息来源：某某镇人民政府',
      '根据《中华人民共和国政府信息公开条例》第三十二条规定，某某镇政府结合实际工作，认真编制了2016年度政府信息公开年度报告。报告由政府信息主动公开情况等组成。',
      '一、政府信息主动公开情况',
      '全年发布各类信息247条。',
    ]);
    expect(r.year).toBe(2016);
  });

  it('is read from “编制本局2018年度政府信息公开报告”, and such a text is a report', () => {
    const r = parse([
      '根据《中华人民共和国政府信息公开条例》及上级有关文件要求，编制本局2018年度政府信息公开报告，并向社会公开。如有疑问请与某某县农业农村局办公室联系（地址：某某路120号）。',
      '一、政务公开情况',
      '（一）主动公开政府信息情况。2018年，我局在县人民政府门户网站主动公开政府信息267条。',
      '二、主要工作措施',
      '（一）加强组织领导。',
      '三、存在的问题及改进措施',
      '下步，我局将严格按照《条例》的总体要求做好公开工作。',
      '某某县农业农村局',
      '2019年3月7日',
    ]);
    expect(r.isReport).toBe(true);
    expect(r.year).toBe(2018);
    expect(r.agency).toBe('某某县农业农村局');
  });

  it('is read from “汇报我镇2023年政府信息公开工作”', () => {
    const r = parse([
      '一、总体情况',
      '本报告是根据《中华人民共和国政府信息公开条例》要求，现结合我镇实际，从总体情况等六个方面汇报我镇2023年政府信息公开工作。',
      '二、主动公开政府信息情况',
    ]);
    expect(r.year).toBe(2023);
    expect(r.agency).toBeNull();
  });

  it('but not from a notice’s title that names the year’s reports', () => {
    const r = parse([
      '根据《关于编制2019年度政府信息公开工作年度报告的通知》要求，我局编写了本报告。',
      '一、总体情况',
      '我局积极落实政府信息公开工作要求。',
    ]);
    expect(r.year).toBeNull();
  });
});

describe('a contact sentence that lacks its verb', () => {
  it('gives the bureau of “如有疑问请与X(地址:…)” in a report that says 我局', () => {
    const r = parse([
      '编制我单位2021年政府信息公开工作年度报告。本年报中所列数据的统计期限从2021年1月1日起至2021年12月31日止。如有疑问请与某某县政务服务和大数据管理局(地址:某某中心501室,联系电话:0718-6277499)。',
      '一、总体情况',
      '2021年，我局收到政府信息依申请公开办理事项1件。',
    ]);
    expect(r.agency).toBe('某某县政务服务和大数据管理局');
  });

  it('names nobody where a county’s report gives that bureau as its contact', () => {
    const r = parse([
      '本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问，请与某某县政务服务和大数据管理局联系（电话：1234567）。',
      '一、总体情况',
      '2021年，我县深入推进政务公开。',
    ]);
    expect(r.agency).toBeNull();
  });
});

describe('a department named only as the owner of its own openness group', () => {
  it('gives the 局 of “…为成员的X政府信息公开工作领导小组” in a report that says 我局', () => {
    const r = parse([
      '一、总体情况',
      '根据《中华人民共和国政府信息公开条例》要求，现将我局2021年政府信息公开年度报告编制和公布工作有关情况报告如下：',
      '（一）加强组织领导。我局成立了由局长任组长，相关股室负责人为成员的某某县农业农村局政府信息公开工作领导小组，下设办公室。',
      '（二）加强制度建设。修改完善了《某某县农业农村局政府信息与政务公开工作制度》。',
    ]);
    expect(r.agency).toBe('某某县农业农村局');
  });

  it('names nobody where another bureau is the one named', () => {
    const r = parse([
      '一、总体情况',
      '现将我局2021年政府信息公开年度报告如下：',
      '（一）加强组织领导。我局配合某某县财政局开展政府信息公开工作，成立了领导小组。',
    ]);
    expect(r.agency).toBeNull();
  });
});

describe('a town named without its county as the subject of a dated sentence', () => {
  it('gives the town of “2014年，某某乡未收取…” in a report that says 我乡', () => {
    const r = parse([
      '根据《中华人民共和国政府信息公开条例》，现将我乡2014年政府信息公开工作报告公开如下。本报告中所列数据的统计期限自2014年1月1日起至2014年12月31日止。',
      '一、概述',
      '我乡成立了政府信息公开工作领导小组。',
      '六、政府信息公开支出与收费',
      '2014年，某某乡未收取任何政府信息公开费用。',
    ]);
    expect(r.agency).toBe('某某乡');
  });

  it('but not 城乡 or 乡镇', () => {
    const r = parse([
      '现将我乡2014年政府信息公开工作报告公开如下。',
      '一、概述',
      '2014年，城乡居民医疗保险信息全部公开。2014年，乡镇政务公开栏更新12次。',
    ]);
    expect(r.agency).toBeNull();
  });
});

describe('a street office whose place a mirror’s spam replaced', () => {
  it('gives the street office after “…官网区人民政府”', () => {
    const r = parse([
      '一、总体情况',
      '2020年，在区委、区政府的正确领导下，某某博彩官网区人民政府某某街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》等有关法规和文件要求。',
      '二、主动公开政府信息情况',
    ]);
    expect(r.agency).toBe('某某街道办事处');
  });
});

describe('a township’s party committee and government named together', () => {
  it('is no body: “2015年某某乡党委政府高度重视…” names nobody', () => {
    const r = parse([
      '本年度报告根据《中华人民共和国政府信息公开条例》要求编制。本年度报告中所列数据的统计期限自2015年1月1日起至12月31日止。',
      '一、信息公开工作基本情况',
      '2015年某某乡党委政府高度重视政府信息公开工作，将其作为推动政府依法行政的重要形式。',
    ]);
    expect(r.agency).toBeNull();
    expect(r.year).toBe(2015);
  });

  it('nor 某某镇党委、政府', () => {
    const r = parse([
      '一、总体情况',
      '2020年，某某县某某镇党委、政府认真贯彻《条例》。',
    ]);
    expect(r.agency).toBeNull();
  });
});

describe('a title with the year’s word typed twice', () => {
  it('reads “某某市某某乡人民政府2015年年度政府信息公开工作年度报告” as a title', () => {
    const r = parse([
      '某某乡人民政府',
      '您现在所在的位置: 网站首页 > 政府信息公开 > 某某乡人民政府 > 政府信息公开年报',
      '某某市某某乡人民政府2015年年度政府信息公开工作年度报告',
      '一、信息公开工作基本情况',
      '2015年某某乡党委政府高度重视政府信息公开工作。',
    ]);
    expect(r.agency).toBe('某某市某某乡人民政府');
    expect(r.year).toBe(2015);
  });
});
