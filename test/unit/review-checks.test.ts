// 年报体检 on real report texts: each check with a report where it finds a slip (the slip as the
// unit wrote it, or, where no real report has one, put into a real text and said so) and a
// real report where it finds none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReview, REVIEW_RULES } from '../../src/shared/report/checks/review.ts';
import { checkCrossYear, textSimilarity } from '../../src/shared/report/checks/cross-year.ts';
import { parseReport } from '../../src/shared/report/parse/index.ts';

const raw = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const parse = (text: string) => parseReport(text.split(/\r\n|\r|\n/).map((t) => ({ type: 'p' as const, text: t })));
const review = (text: string) => {
  const r = parse(text);
  return checkReview({ ...r, text: r.text });
};
const rules = (text: string, rule: string) => review(text).filter((f) => f.rule === rule);

describe('the rules as data', () => {
  it('names each rule once, with what to fix and the formats it applies to', () => {
    expect(new Set(REVIEW_RULES.map((r) => r.id)).size).toBe(REVIEW_RULES.length);
    for (const r of REVIEW_RULES) {
      expect(r.title.length).toBeGreaterThan(4);
      expect(r.fix.length).toBeGreaterThan(4);
      expect(r.templates.length).toBeGreaterThan(0);
    }
  });
});

describe('Y1 a 统计期限 of another year', () => {
  const text = raw('real/pt-gwh-2022/tabs.txt'); // 统计期限自2022年1月1日起至2022年12月31日止
  it('finds none where the period is the report’s year', () => expect(rules(text, 'Y1')).toEqual([]));
  it('finds last year’s period left in (put into the real 2022 report)', () => {
    const [f] = rules(text.replace('统计期限自2022年1月1日', '统计期限自2021年1月1日'), 'Y1');
    expect(f.message).toBe('统计期限写的是2021年（“统计期限自2021年1月1日”），而报告年度为2022年：可能沿用了上一年度报告的文字');
    expect(f.at).toEqual({ part: 0, quote: '统计期限自2021年1月1日' });
  });
});

describe('O1 parts out of order', () => {
  const text = raw('real/pt-gwh-2022/tabs.txt');
  it('finds none in the national order', () => expect(rules(text, 'O1')).toEqual([]));
  it('finds part 六 before part 五 (the real report with its last two parts swapped)', () => {
    const lines = text.split('\n');
    const five = lines.findIndex((l) => /^五、/.test(l.trim()));
    const six = lines.findIndex((l) => /^六、/.test(l.trim()));
    expect(five).toBeGreaterThan(0);
    const swapped = [...lines.slice(0, five), ...lines.slice(six), ...lines.slice(five, six)].join('\n');
    expect(rules(swapped, 'O1').map((f) => f.message)).toEqual(['第五部分“存在的主要问题及改进情况”出现在第六部分“其他需要报告的事项”之后，与全国统一格式的顺序不同']);
  });
});

describe('O2 numbering', () => {
  it('finds none in a report whose lists run 一是…二是…三是', () => expect(rules(raw('real/pt-lyy-2024/tabs.txt'), 'O2')).toEqual([]));
  it('reads 一是 after a half-width colon, so a list written “…到位:二是…” is no slip', () => expect(rules(raw('real/pt-czj-2021/page.txt'), 'O2')).toEqual([]));
  it('finds 三是 twice (put into the real 2024 report)', () => {
    const text = raw('real/pt-lyy-2024/tabs.txt').replace('。二是进一步丰富政策解读形式', '。三是进一步丰富政策解读形式');
    const [f] = rules(text, 'O2');
    expect(f.message).toMatch(/^第五部分“一是、三是、三是”的序号不连续/);
    expect(f.at?.part).toBe(5);
  });
});

describe('O3 and O4 part 五', () => {
  it('finds a 2021-format part 五 that says nothing of last year’s problems (as the real report has it)', () => {
    expect(rules(raw('real/pt-czj-2023/page.txt'), 'O3').map((f) => f.rule)).toEqual(['O3']);
  });
  it('finds none once the part says how last year’s problems were put right', () => {
    const text = raw('real/pt-czj-2023/page.txt').replace('(一)存在问题。', '(一)存在问题。上年度报告提出的问题已整改落实。');
    expect(rules(text, 'O3')).toEqual([]);
  });
  it('finds a part 五 of one sentence (the real report’s part cut to its first sentence)', () => {
    const text = raw('real/pt-lyy-2024/tabs.txt');
    const lines = text.split('\n');
    const five = lines.findIndex((l) => /^五、/.test(l.trim()));
    const six = lines.findIndex((l) => /^六、/.test(l.trim()));
    const short = [...lines.slice(0, five + 1), '部分栏目信息公开质量和时效性有待进一步提高。', ...lines.slice(six)].join('\n');
    expect(rules(short, 'O4').map((f) => f.message)).toEqual(['第五部分“存在的主要问题及改进情况”只有22个字：应具体写明存在的主要问题和改进措施']);
    expect(rules(text, 'O4')).toEqual([]);
  });
});

describe('K1 what 总体情况 covers', () => {
  it('finds a real 2022 总体情况 that says nothing of the platforms', () => {
    expect(rules(raw('real/pt-zrz-2022/page.txt'), 'K1').map((f) => f.message)).toEqual([
      '第一部分“总体情况”没有写到：平台建设（2021年格式要求总体情况涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障）',
    ]);
  });
  it('finds none where all five are written', () => expect(rules(raw('real/pt-czj-2023/page.txt'), 'K1')).toEqual([]));
});

describe('W1 the unit’s name written another way', () => {
  it('finds 财政全融局 for 财政金融局, as the real 2021 report wrote it', () => {
    const [f] = rules(raw('real/pt-czj-2021/page.txt'), 'W1');
    expect(f.message).toBe('单位名称写作“平潭综合实验区财政全融局”，与“平潭综合实验区财政金融局”不一致');
    expect(f.at?.quote).toBe('平潭综合实验区财政全融局');
  });
  it('takes another body with a name as long for no slip (平潭县经贸局 beside 平潭县财政局)', () => {
    const text = raw('real/pt-czj-2009/page.txt');
    expect(text).toContain('平潭县经贸局');
    expect(rules(text, 'W1')).toEqual([]);
  });
});

describe('W2 punctuation', () => {
  it('finds the half-width bracket that closes a full-width one, as the real report has it', () => {
    const f = rules(raw('real/pt-gwh-2022/tabs.txt'), 'W2');
    expect(f.map((x) => x.message)).toEqual(['括号不成对：“（”没有与之配对的“）”（“作主要任务分解表的通知》（闽政办函〔2022〕28号)等”）']);
  });
  it('finds half-width commas in Chinese sentences, as the real report has them', () => {
    const f = rules(raw('real/pt-gyz-2024/tabs.txt'), 'W2').find((x) => x.message.startsWith('中文句子中用了半角标点'))!;
    expect(f.message).toMatch(/^中文句子中用了半角标点（共\d+处，如“年,我”/);
  });
  it('finds doubled punctuation (put into a real report) and none in one written cleanly', () => {
    const clean = raw('real/pt-lyy-2024/tabs.txt');
    expect(rules(clean, 'W2')).toEqual([]);
    expect(rules(clean.replace('督促各处室及时报送政务公开信息，提高', '督促各处室及时报送政务公开信息，，提高'), 'W2').map((x) => x.message)).toEqual(['标点重复（共1处，如“，，”）']);
  });
});

describe('Y2 a part copied from last year', () => {
  const year = (path: string) => {
    const r = parse(raw(path));
    return { year: r.year!, template: r.template, cells: r.cells, parts: r.parts };
  };
  it('finds part 五 of the real 2023 report the same as 2022’s, and says where', () => {
    const y2 = checkCrossYear(year('real/pt-czj-2022/page.txt'), year('real/pt-czj-2023/page.txt')).filter((f) => f.rule === 'Y2');
    expect(y2.map((f) => [f.message, f.at?.part])).toEqual([['第五部分与2022年度报告的同一部分文字几乎完全相同：可能照搬了上一年度的报告', 5]]);
  });
  it('finds none between two years written afresh', () => {
    expect(checkCrossYear(year('real/pt-gwh-2021/tabs.txt'), year('real/pt-gwh-2022/tabs.txt')).filter((f) => f.rule === 'Y2')).toEqual([]);
  });
  it('measures sameness from 0 to 1', () => {
    expect(textSimilarity('本年度共收到申请5件。', '本年度共收到申请5件。')).toBe(1);
    expect(textSimilarity('本年度共收到申请5件', '交通运输局办公室')).toBeLessThan(0.1);
  });
});

describe('Y3 and W3', () => {
  it('finds a 总体情况 that speaks of last year only (the real 2024 report with its part 一 put back a year)', () => {
    const text = raw('real/pt-jjp-2024/tabs.txt');
    expect(rules(text, 'Y3')).toEqual([]);
    const lines = text.split('\n');
    const [one, two] = [lines.findIndex((l) => /^一、/.test(l.trim())), lines.findIndex((l) => /^二、/.test(l.trim()))];
    const back = [...lines.slice(0, one), ...lines.slice(one, two).map((l) => l.replaceAll('2024年', '2023年')), ...lines.slice(two)].join('\n');
    expect(rules(back, 'Y3').map((f) => f.message)).toEqual([expect.stringMatching(/^第一部分“总体情况”中的年份都是2023年（共\d+处），没有2024年/)]);
  });
  it('finds a report that never says what period its figures cover, as the real one is', () => {
    expect(rules(raw('real/pt-zhz-2024/page.txt'), 'W3').map((f) => f.message)).toEqual(['报告没有写明统计期限（如“本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止”）']);
  });
  it('reads “统计数据时间段为2024年1月1日至…” as a period stated', () => expect(rules(raw('real/pt-gyz-2024/tabs.txt'), 'W3')).toEqual([]));
});

describe('K2 part 六 says 无 while fees are reported', () => {
  const text = raw('real/pt-czj-2022/page.txt'); // 表二 行政事业性收费 9116.36 万元; 六、“2022年，无收取信息处理费情况。”
  it('takes “无收取信息处理费” for a statement, not for 无', () => expect(rules(text, 'K2')).toEqual([]));
  it('finds a bare 无 beside the reported fees (the real report’s part 六 cut to 无)', () => {
    const bare = text.replace('2022年，无收取信息处理费情况。', '无。');
    expect(bare).not.toBe(text);
    expect(rules(bare, 'K2').map((f) => f.message)).toEqual(['第六部分只写了“无。”，但表二“行政事业性收费”为9116.36万元：应说明收费情况']);
  });
});
