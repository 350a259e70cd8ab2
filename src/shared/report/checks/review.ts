// 年报体检: what a reviewer in the 政务公开 office finds by eye in a unit's draft, beyond the
// sums: a year copied from last year's report, parts out of order or numbered with a gap, a
// part 五 that says nothing of last year's problems, a 总体情况 that leaves out what the 2021
// format asks for, the unit's own name written two ways, and punctuation slips. Each is a 提醒
// naming where it is (part and the words, which the report view highlights); the rules are
// data (REVIEW_RULES), read by the checks, the 检查规则 list and the notice to the unit.
import type { Cell, Finding, Part, TemplateId } from '../model.ts';
import { CN_NUMERALS as CN, PART_TITLES, partOrdinal } from '../parse/parts.ts';

export interface ReviewRule {
  id: string;
  /** What the rule looks for, as the office's rule list and the notice name it. */
  title: string;
  /** What the unit should do about it, for the notice. */
  fix: string;
  templates: TemplateId[];
}

const FORMATS: TemplateId[] = ['T2019', 'T2021'];
const ALL: TemplateId[] = ['T2019', 'T2021', 'pre2019'];

export const REVIEW_RULES: ReviewRule[] = [
  { id: 'Y1', title: '统计期限的年度与报告年度不符', fix: '核对统计期限，改为本报告年度（可能沿用了上一年度报告的文字）', templates: ALL },
  // Found against the previous year's report of the same agency (cross-year.ts), where the archive is.
  { id: 'Y2', title: '某部分与上一年度报告雷同（90%以上文字相同）', fix: '按本年度的实际工作重新撰写该部分', templates: ALL },
  { id: 'Y3', title: '总体情况中的年份都是上一年', fix: '核对总体情况中的年份和数字是否为本年度（可能沿用了上一年度报告）', templates: ALL },
  { id: 'W3', title: '没有写明统计期限', fix: '在报告开头写明“本报告中所列数据的统计期限自某年1月1日起至12月31日止”', templates: ['T2021'] },
  { id: 'O1', title: '六个部分的顺序与全国统一格式不同', fix: '按全国统一格式的顺序排列六个部分', templates: FORMATS },
  { id: 'O2', title: '小标题或“一是、二是”的序号不连续或重复', fix: '核对并改正序号', templates: ALL },
  { id: 'O3', title: '第五部分没有说明上一年度问题的整改情况', fix: '在第五部分先写上一年度报告所列问题的整改情况，再写本年度的问题和改进措施', templates: ['T2021'] },
  { id: 'O4', title: '第五部分内容过于简单', fix: '具体写明存在的主要问题和改进措施', templates: FORMATS },
  { id: 'K1', title: '总体情况没有涵盖全国格式要求的各方面', fix: '总体情况应分别写明主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况', templates: ['T2021'] },
  { id: 'K2', title: '第六部分写“无”，但报告了收费', fix: '在第六部分说明收费情况（信息处理费的收取情况，以及表二所列行政事业性收费）', templates: FORMATS },
  // Found against the units' reports of the 单位目录 (area.ts): only a government's own report, only where the archive has its units.
  { id: 'A1', title: '本级政府报告的统计表与所属单位之和不一致', fix: '核对统计表是否汇总了全部所属单位的数据（各单位之和见“区域汇总表”），或说明不一致的原因', templates: FORMATS },
  { id: 'W1', title: '本单位名称在报告中写法不一致', fix: '统一使用单位的规范全称', templates: ALL },
  { id: 'W2', title: '标点符号使用不规范', fix: '中文句子使用全角标点，删去重复的标点，补全成对的书名号、引号、括号', templates: ALL },
];

/** 一…十九 as a number; 0 for anything else. */
function cnNumber(s: string): number {
  if (s.length === 1) return CN.indexOf(s) > 0 ? CN.indexOf(s) : 0;
  if (s.length === 2 && s[0] === '十') return 10 + CN.indexOf(s[1]);
  if (s.length === 2 && s[1] === '十') return CN.indexOf(s[0]) * 10;
  return 0;
}

const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

export interface ReviewInput {
  template: TemplateId;
  /** For K2: table 二's 行政事业性收费 amount. */
  cells?: Cell[];
  year: number | null;
  agency: string | null;
  parts: Part[];
  /** The document's whole text (for what stands before part 一: the 统计期限, most often). */
  text?: string;
}

type At = NonNullable<Finding['at']>;

/** The part holding `quote` (0 for text outside the six parts, such as the opening paragraph). */
function where(parts: Part[], quote: string): At {
  const p = parts.find((x) => x.text.includes(quote) || x.heading.includes(quote));
  return { part: p?.no ?? 0, quote };
}

const partName = (no: number) => (no === 0 ? '开头部分' : partOrdinal(no));

export function checkReview(r: ReviewInput): Finding[] {
  if (r.template === 'unknown') return [];
  const out: Finding[] = [];
  const add = (rule: string, message: string, at?: At) => {
    if (REVIEW_RULES.find((x) => x.id === rule)!.templates.includes(r.template)) out.push({ rule, severity: 'warning', message, cells: [], ...(at ? { at } : {}) });
  };
  const body = r.parts.map((p) => `${p.heading}\n${p.text}`).join('\n');
  const whole = r.text && r.text.length > body.length / 2 ? r.text : body;

  // Y1: 统计期限自2023年1月1日起 in a 2024 report.
  if (r.year) {
    const PERIOD = /统计[^。；\n]{0,4}?(?:期限|时限|时间|期间|区间|范围|周期|时段)[^。；\n]{0,24}?((?:19|20)\d{2})\s*年(?:\s*1\s*月\s*1\s*日|\s*12\s*月\s*31\s*日|度)?/g;
    for (const m of whole.matchAll(PERIOD)) {
      const y = Number(m[1]);
      if (y !== r.year) {
        add('Y1', `统计期限写的是${y}年（“${clip(m[0])}”），而报告年度为${r.year}年：可能沿用了上一年度报告的文字`, where(r.parts, m[0]));
        break;
      }
    }
  }

  // Y3: part 一 speaks of last year only (2023年 throughout a 2024 report), titles of documents aside.
  const one1 = r.parts.find((p) => p.no === 1);
  if (r.year && one1) {
    const years = [...one1.text.replace(/《[^》]{0,80}》/g, '').matchAll(/((?:19|20)\d{2})\s*年(?!\d)/g)].map((m) => Number(m[1]));
    if (years.length >= 2 && years.every((y) => y === r.year! - 1))
      add('Y3', `第一部分“总体情况”中的年份都是${r.year - 1}年（共${years.length}处），没有${r.year}年：可能沿用了上一年度报告的文字`, where(r.parts, `${r.year - 1}年`));
  }

  // W3: the 2021 format states the period the figures cover.
  if (!/统计[^。；\n]{0,4}?(?:期限|时限|时间|期间|区间|范围|周期|时段)|数据(?:统计)?(?:截至|截止)|统计(?:截至|截止)|\d{4}\s*年\s*1\s*月\s*1\s*日[^。；\n]{0,4}(?:至|到|—|-)\s*\d{4}\s*年\s*12\s*月\s*31\s*日/.test(whole)) add('W3', `报告没有写明统计期限（如“本报告中所列数据的统计期限自${r.year ?? ''}年1月1日起至${r.year ?? ''}年12月31日止”）`);

  // O1: the parts in the national order.
  const order = r.parts.filter((p) => p.no >= 1 && p.no <= 6).map((p) => p.no);
  const swapped = order.findIndex((n, i) => i > 0 && n < order[i - 1]);
  if (swapped > 0) {
    const [a, b] = [order[swapped - 1], order[swapped]];
    add('O1', `${partOrdinal(b)}“${PART_TITLES[b].slice(2)}”出现在${partOrdinal(a)}“${PART_TITLES[a].slice(2)}”之后，与全国统一格式的顺序不同`);
  }

  // O2: （一）（二）（四） and 一是…三是 are slips.
  for (const p of r.parts) {
    // Text whose paragraphs ran together (a crawled page) hides headings inside long lines:
    // the numbers seen at line starts would seem to skip.
    if (p.text.split('\n').some((l) => l.length > 600)) continue;
    const heads = [...p.text.matchAll(/^\s*[（(]([一二三四五六七八九十]{1,2})[）)]/gm)].map((m) => ({ n: cnNumber(m[1]), text: m[0].trim() }));
    const gap = sequenceSlip(heads.map((h) => h.n));
    // A skipped number that stands elsewhere in the part (inside a line, after a table's text) is no slip.
    const skippedElsewhere =
      gap !== null &&
      heads[gap].n > heads[gap - 1].n + 1 &&
      Array.from({ length: heads[gap].n - heads[gap - 1].n - 1 }, (_, k) => CN[heads[gap - 1].n + 1 + k]).some((c) => new RegExp(`[（(]${c}[）)]`).test(whole));
    if (gap !== null && !skippedElsewhere) {
      const h = heads[gap];
      add('O2', `${partName(p.no)}的小标题序号不连续：${heads.map((x) => x.text).join('')}（${h.text}处）`, where(r.parts, h.text));
    }
    // A paragraph of its own only: text whose paragraphs ran together (a crawled page) holds
    // several lists in one line, and nested ones, which cannot be told apart.
    for (const para of p.text.split('\n').filter((x) => x.length <= 800)) {
      const enums = [...para.matchAll(/(?:^|[，。；：、\s（(,;:])([一二三四五六七八九十])是/g)].map((m) => ({ n: cnNumber(m[1]), text: `${m[1]}是` }));
      const slip = sequenceSlip(enums.map((e) => e.n));
      if (slip !== null) {
        const at = para.indexOf(enums[slip].text, para.indexOf(enums[slip - 1]?.text ?? '') + 1);
        add('O2', `${partName(p.no)}“${enums.map((e) => e.text).join('、')}”的序号不连续（“${clip(para.slice(Math.max(0, at - 6), at + 12), 24)}”）`, where(r.parts, para.slice(at, at + 8)));
        break;
      }
    }
  }

  // O3, O4: part 五.
  const five = r.parts.find((p) => p.no === 5);
  if (five) {
    const t = five.text.replace(/\s+/g, '');
    const sentences = t.split(/[。！？]/).filter((s) => s.length > 4).length;
    if (t.length < 40 || sentences <= 1) add('O4', `第五部分“存在的主要问题及改进情况”只有${t.length < 40 ? `${t.length}个字` : '一句话'}：应具体写明存在的主要问题和改进措施`, where(r.parts, clip(five.text.trim(), 20)));
    else if (!(/上一?年度?|去年|以往|往年/.test(t) || (r.year && t.includes(`${r.year - 1}年`))) || !/整改|改进|落实|解决|完善/.test(t))
      add('O3', '第五部分没有说明上一年度报告所列问题的整改情况（2021年起的格式要求先写上年度问题整改情况）');
  }

  // K1: what 总体情况 covers under the 2021 format.
  const one = r.parts.find((p) => p.no === 1);
  if (one && one.text.length > 0) {
    const TOPICS: [string, RegExp][] = [
      ['主动公开', /主动公开/],
      ['依申请公开', /依申请|申请公开|公开申请/],
      ['政府信息管理', /信息管理|公开属性|源头|发布审查|保密审查|规范性文件.{0,6}(?:清理|管理|备案)|信息(?:发布|审核)/],
      ['平台建设', /平台|网站|新媒体|公众号|公开栏|专栏/],
      ['监督保障', /监督|保障|考核|培训|责任/],
    ];
    const missing = TOPICS.filter(([, re]) => !re.test(one.text)).map(([n]) => n);
    if (missing.length) add('K1', `第一部分“总体情况”没有写到：${missing.join('、')}（2021年格式要求总体情况涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障）`);
  }

  // K2: part 六 says there is nothing, while table 二 reports 行政事业性收费.
  const six = r.parts.find((p) => p.no === 6);
  if (six) {
    const said = six.text.replace(/\s/g, '');
    // “2022年，无收取信息处理费情况。” says what it must; a bare “无” or “无其他需要报告的事项” does not.
    const nothing = said.length <= 30 && !/处理费|收费/.test(said) && /^(?:本年度?|今年|\d{4}年度?)?[^。]{0,10}(?:无|没有)[^。]{0,16}[。]?$/.test(said);
    const fee = r.cells?.find((c) => c.table === 't2' && c.row === 'fees' && c.col === 'feeAmount');
    if (nothing && fee?.value.kind === 'number' && fee.value.num! > 0)
      add('K2', `第六部分只写了“${clip(said, 20)}”，但表二“行政事业性收费”为${fee.value.num}万元：应说明收费情况`, where(r.parts, clip(six.text.trim(), 12)));
  }

  // W1: the unit's own name written another way (平潭综合区财政金融局 for 平潭综合实验区财政金融局).
  if (r.agency && r.agency.length >= 6) {
    // Escaped: a name may end in a bracket ("…人民政府(区政府办公室)").
    const end = r.agency.slice(-1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const seen = new Set<string>();
    for (const m of whole.matchAll(new RegExp(`[\\u4e00-\\u9fff]{${Math.max(4, r.agency.length - 3)},${r.agency.length + 3}}?${end}`, 'g'))) {
      const name = bestAlignedTail(m[0], r.agency);
      if (!name || seen.has(name) || name === r.agency || r.agency.includes(name) || name.includes(r.agency)) continue;
      // The official short forms (科技局 for 科学技术局) are no slip.
      if (shortForm(name) === shortForm(r.agency)) continue;
      // A slip (one character wrong: 财政全融局) or characters left out or added (平潭综合区);
      // two characters replaced is another body (平潭县经贸局 beside 平潭县财政局).
      const d = editDistance(name, r.agency);
      const lengths = Math.abs(name.length - r.agency.length);
      if (name[0] === r.agency[0] && name.length >= 6 && ((lengths === 0 && d === 1) || (lengths > 0 && d === lengths && d <= 2))) {
        seen.add(name);
        add('W1', `单位名称写作“${name}”，与“${r.agency}”不一致`, where(r.parts, name));
      }
    }
  }

  // W2: punctuation.
  const half = [...whole.matchAll(/[\u4e00-\u9fff]([,;:?!])[\u4e00-\u9fff]/g)];
  if (half.length) add('W2', `中文句子中用了半角标点（共${half.length}处，如“${half.slice(0, 3).map((m) => m[0]).join('”“')}”），应使用全角标点`, where(r.parts, half[0][0]));
  const doubled = [...whole.matchAll(/([，。；：、！？])(?:\1|[，。；：、])/g)].filter((m) => m[0] !== '：“');
  if (doubled.length) add('W2', `标点重复（共${doubled.length}处，如“${doubled.slice(0, 3).map((m) => m[0]).join('”“')}”）`, where(r.parts, doubled[0][0]));
  for (const [open, close, name] of [
    ['《', '》', '书名号'],
    ['“', '”', '引号'],
    ['（', '）', '括号'],
  ] as const) {
    const at = unmatched(whole, open, close);
    if (at !== null) {
      const quote = whole.slice(Math.max(0, at - 12), at + 16).replace(/\s+/g, ' ');
      add('W2', `${name}不成对：“${whole[at]}”没有与之配对的“${whole[at] === open ? close : open}”（“${quote}”）`, where(r.parts, whole.slice(at, at + 8)));
    }
  }
  return out;
}

/** Words of agency names and the short forms governments use for them in their own names. */
const SHORT_FORMS: [RegExp, string][] = [
  [/科学技术/g, '科技'],
  [/发展和改革/g, '发改'],
  [/人力资源和社会保障/g, '人社'],
  [/住房和城乡建设/g, '住建'],
  [/市场监督管理/g, '市场监管'],
  [/卫生健康/g, '卫健'],
  [/文化和旅游|文化旅游/g, '文旅'],
  [/交通运输/g, '交通'],
  [/农业农村/g, '农业'],
  [/生态环境/g, '环境'],
  [/自然资源和规划/g, '自然资源'],
  [/管理委员会/g, '管委会'],
  [/人民政府/g, '政府'],
];
const shortForm = (name: string) => SHORT_FORMS.reduce((n, [re, s]) => n.replace(re, s), name);

/**
 * Where a run of numbers 1, 2, 3 … first repeats (三是…三是) or skips ahead (（二）（四）); null
 * when none does. Going back is a new list (nested lists restart), not a slip.
 */
function sequenceSlip(ns: number[]): number | null {
  for (let i = 1; i < ns.length; i++) if (ns[i] === ns[i - 1] || ns[i] > ns[i - 1] + 1) return i;
  return null;
}

/** The first bracket without its partner (a “（” closed by a half-width “)”, a stray “）”), or null. */
function unmatched(text: string, open: string, close: string): number | null {
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === open) stack.push(i);
    else if (text[i] === close) {
      if (stack.length === 0) return i;
      stack.pop();
    }
  }
  return stack.length ? stack[0] : null;
}

/** The tail of `run` as long as `name` give or take two, that is nearest to it. */
function bestAlignedTail(run: string, name: string): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (let len = Math.max(4, name.length - 2); len <= Math.min(run.length, name.length + 2); len++) {
    const tail = run.slice(run.length - len);
    const d = editDistance(tail, name);
    if (d < bestD) [best, bestD] = [tail, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
