// Agency, year and date from the forms real reports give them, each with where it was read.
import { describe, expect, it } from 'vitest';
import { isShortFor, readTitle } from '../../src/shared/report/parse/meta.ts';
import { parseReport } from '../../src/shared/report/parse/index.ts';

const BODY = ['一、总体情况', '本年度共受理申请0件。', '二、主动公开政府信息情况', '略。', '三、收到和处理政府信息公开申请情况', '略。', '四、政府信息公开行政复议、行政诉讼情况', '未发生行政复议、行政诉讼案件。', '五、存在的主要问题及改进情况', '略。', '六、其他需要报告的事项', '本年度未收取信息处理费。'];
const parse = (lines: string[], ctx = {}) => parseReport([{ type: 'p', text: lines.join('\n') }], ctx);
const source = (r: ReturnType<typeof parse>, field: string) => r.evidence.find((e) => e.field === field)?.source;

describe('titles', () => {
  it('reads the agency and year whichever comes first, with stray spaces and markdown', () => {
    expect(readTitle('2019年南京市人民政府办公厅政府信息公开工作年度报告')).toMatchObject({ agency: '南京市人民政府办公厅', year: 2019 });
    expect(readTitle('南京市教育局2023年政府信息公开工作年度报告')).toMatchObject({ agency: '南京市教育局', year: 2023 });
    expect(readTitle('南京市教育局政府信息公开工作年度报告（2023年度）')).toMatchObject({ agency: '南京市教育局', year: 2023 });
    expect(readTitle('# 2022 年 南京市教育局政府信息公开工作年度报告')).toMatchObject({ agency: '南京市教育局', year: 2022 });
    expect(readTitle('南京市人民政府2024年度政府信息公开工作年度报告')).toMatchObject({ agency: '南京市人民政府', year: 2024 });
    // "人民政府信息公开": the title's 政府 is the name's.
    expect(readTitle('2023年南京市人民政府信息公开工作年度报告')).toMatchObject({ agency: '南京市人民政府', year: 2023 });
    expect(readTitle('平潭县人防办2011年度政府信息工作公开年度报告')).toMatchObject({ agency: '平潭县人防办', year: 2011 });
    expect(readTitle('平潭综合实验区财政金融局关于2014年度政府信息公开工作年度报告')).toMatchObject({ agency: '平潭综合实验区财政金融局', year: 2014 });
    expect(readTitle('南京市江宁区人民政府办公室关于2022年度政府信息公开工作情况的报告')).toMatchObject({ agency: '南京市江宁区人民政府办公室', year: 2022 });
    expect(readTitle('南京市江宁区2021年政务公开工作年度报告')).toMatchObject({ agency: '南京市江宁区', year: 2021 });
  });

  it('does not take a sentence that names the report for its title', () => {
    expect(readTitle('根据《条例》要求，结合我局实际，编制完成2023年度政府信息公开工作年度报告。')).toBeNull();
  });

  it('reads a title broken over two lines, and a short name in it as the full name the text uses', () => {
    const r = parse(['2024 年南京市科委政府信息公开工作', '年度报告', '本报告由南京市科学技术委员会根据《条例》编制。', ...BODY]);
    expect(r.year).toBe(2024);
    expect(r.agency).toBe('南京市科学技术委员会');
    expect(r.notes.map((n) => n.code)).toContain('agency-expanded');
    expect(isShortFor('市科委', '南京市科学技术委员会')).toBe(true);
    expect(isShortFor('财金局', '平潭综合实验区财政金融局')).toBe(true);
    expect(isShortFor('区财政金融局', '平潭综合实验区财政金融局')).toBe(true);
    expect(isShortFor('教育局', '南京市科学技术委员会')).toBe(false);
  });
});

describe('evidence', () => {
  it('takes a crawler’s header lines as the page’s information, not as the report’s text', () => {
    const r = parse(['标题: 南京市教育局2023年度政府信息公开工作年度报告', '发布时间: 2024-01-20 09:00', '发布机构: 南京市教育局', '根据《条例》编制本报告。', ...BODY]);
    expect(r).toMatchObject({ agency: '南京市教育局', year: 2023 });
    expect(source(r, 'agency')).toBe('网页信息');
    expect(r.text).not.toContain('发布时间');
  });

  it('signs from the closing lines, the signature glued to the last paragraph or not', () => {
    const glued = parse(['南京市教育局2023年政府信息公开工作年度报告', ...BODY.slice(0, -1), '本年度未收取信息处理费。 南京市教育局 2024年1月29日']);
    expect(glued.date).toBe('2024-01-29');
    expect(glued.parts.find((p) => p.no === 6)!.text).toBe('本年度未收取信息处理费。');
    // Part 六 says 无 and the signer follows without a break: 无 is not part of the name.
    const none = parse(['2023年政府信息公开工作年度报告', ...BODY.slice(0, -1), '无南京市某某区教育局']);
    expect(none.agency).toBe('南京市某某区教育局');
    expect(source(none, 'agency')).toBe('落款');
  });

  it('reads the body that speaks first in the opening paragraph when the title has no name', () => {
    const r = parse(['2023年政府信息公开工作年度报告', '南京市江宁区教育局根据《中华人民共和国政府信息公开条例》要求编制本报告。', ...BODY]);
    expect(r.agency).toBe('南京市江宁区教育局');
    expect(source(r, 'agency')).toBe('正文');
    expect(parse(['2023年政府信息公开工作年度报告', '本报告根据《中华人民共和国政府信息公开条例》编制。', ...BODY]).agency).toBeNull();
  });

  it('uses the file name and its folders where the text lacks a field, and notes a disagreement', () => {
    const r = parse(['政府信息公开工作年度报告', '根据《条例》编制本报告。', ...BODY], { fileName: '沭阳县发展和改革局2023年政府信息公开年度报告.docx', folder: '年报/2023年/各部门' });
    expect(r).toMatchObject({ agency: '沭阳县发展和改革局', year: 2023 });
    expect(source(r, 'agency')).toBe('文件名');
    const other = parse(['南京市教育局2023年政府信息公开工作年度报告', ...BODY], { fileName: '南京市教育局2022年政府信息公开年度报告.doc' });
    expect(other.year).toBe(2023);
    expect(other.notes.find((n) => n.code === 'meta-disagree')!.message).toContain('文件名的年度（2022年）');
  });

  it('repairs a place slip in the name and says so', () => {
    const r = parse(['沐阳县教育局2023年政府信息公开工作年度报告', ...BODY]);
    expect(r.agency).toBe('沭阳县教育局');
    expect(r.notes.find((n) => n.code === 'place-repaired')!.message).toContain('原文写作“沐阳县教育局”');
  });

  it('finds the parts of a report whose paragraphs were joined into one line', () => {
    const r = parse([`南京市教育局2023年政府信息公开工作年度报告 根据《条例》编制。一、总体情况2023年，我局认真落实。二、主动公开政府信息情况（一）主动公开。三、收到和处理政府信息公开申请情况本年未收到申请。四、政府信息公开行政复议、行政诉讼情况未发生。五、存在的主要问题及改进情况（一）问题。六、其他需要报告的事项无。 南京市教育局 2024年1月10日`]);
    expect(r.parts.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.parts[0].text).toBe('2023年，我局认真落实。');
    expect(r).toMatchObject({ agency: '南京市教育局', year: 2023, date: '2024-01-10' });
  });
});

describe('markdown from a PDF converter', () => {
  it('reads pipe tables whose rule row sits right above the numbers', () => {
    const t2 = ['第二十条第（一）项', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '|---|---|---|---|', '| 规章 | 0 | 0 | 0 |', '| 行政规范性文件 | 2 | 0 | 7 |'];
    const md = ['# 南京市教育局2023年政府信息公开工作年度报告', ...BODY.slice(0, 3), ...t2, ...BODY.slice(3, 7), '| 行政复议 | | | | | 行政诉讼 |', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|', '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', ...BODY.slice(8)];
    const r = parse(md);
    expect(r.agency).toBe('南京市教育局');
    const t4 = r.cells.filter((c) => c.table === 't4').map((c) => c.value.num);
    expect(t4).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.cells.filter((c) => c.table === 't2' && c.row === 'normative').map((c) => c.value.num)).toEqual([2, 0, 7]);
    expect(r.cells.some((c) => c.value.kind === 'mark')).toBe(false);
  });
});
