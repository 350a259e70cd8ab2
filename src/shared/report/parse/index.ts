// The shared parsing module: the readers' blocks in, a report model out.
import type { DocBlock } from '../../doc/blocks.ts';
import type { Cell, ParseNote, ParsedReport, Part, TemplateId } from '../model.ts';
import { compiledYear, DATE, findMeta, type MetaContext } from './meta.ts';
import { SIGNER_END } from './runon.ts';
import { normalizeAgency } from './normalize.ts';
import { findHeadings, PART_TITLES, type Heading } from './parts.ts';
import { parseT2, parseT3, parseT4, t2Start, templateEvidence, type TableResult } from './tables.ts';
import { CLAIMS, claimText, T2_CLAIMS } from '../templates/claims.ts';
import { tokenize } from './tokens.ts';
import { toUnits, unitText, type Unit } from './units.ts';
import { simplifiedBlocks } from '../../doc/traditional.ts';

export { PART_TITLES };

/** What the reader and the importer know of a document besides its blocks. */
export type ParseContext = MetaContext;

export function parseReport(original: DocBlock[], ctx: ParseContext = {}): ParsedReport {
  const { blocks, converted } = simplifiedBlocks(original);
  const { units, notes, page } = toUnits(blocks);
  if (converted) notes.push({ code: 'traditional', message: '原文为繁体字，已转为简体字识别（正文和单位名称按简体保存，原文件原样保存在档案中）' });
  const headings = findHeadings(units);
  const meta = findMeta(units, headings[0]?.unit ?? units.length, { ...ctx, page: { ...page, ...ctx.page } });
  const range = (no: number): [number, number] | null => {
    const i = headings.findIndex((h) => h.no === no);
    if (i < 0) return null;
    return [headings[i].unit + 1, headings[i + 1]?.unit ?? units.length];
  };
  const whole: [number, number] = [0, units.length];

  // Numbers the text states: where a table's cells ran together they help decide the reading.
  const said = units.map((u) => (u.kind === 'line' ? u.text : '')).join('\n').replace(/[\s\u3000]+/g, '');
  const stated = (re: RegExp) => {
    const m = re.exec(said);
    return m ? Number(m[1]) : undefined;
  };
  const claim = (rule: string) => stated(CLAIMS.find((c) => c.rule === rule)!.re);

  // Table 三 first: its (六) rows are evidence for the template too.
  const t3Range = range(3) ?? whole;
  const t3 = parseT3(tokenize(units, ...t3Range), { newTotal: claim('N1'), endsText: t3Range[1] === units.length });

  const t2Range = range(2) ?? [0, t3.firstUnit >= 0 ? t3.firstUnit : units.length];
  const t2Tokens = tokenize(units, ...t2Range);
  const decided = decideTemplate(templateEvidence(t2Tokens), t3.rowIds, meta.year, headings, t3.cells.length > 0 || t2Start(t2Tokens) >= 0, said);
  const template = decided.template;
  const national = template === 'T2019' || template === 'T2021';
  const t2 = national ? parseT2(t2Tokens, template, Object.fromEntries(T2_CLAIMS.map((c) => [c.col, stated(c.re)]))) : empty();

  const t4Range = range(4) ?? (t3.lastUnit >= 0 ? ([t3.lastUnit + 1, range(5)?.[0] ?? units.length] as [number, number]) : null);
  const t4 = national && t4Range ? parseT4(tokenize(units, ...t4Range), units.slice(...t4Range).map(unitText).join('\n'), { review: claim('N2') }) : empty();

  const tables = [t2, t3, t4];
  const parts = buildParts(units, headings, tables);
  // Free-form reports have no national table: keep the numbers their text states.
  const cells: Cell[] = national ? [...t2.cells, ...t3.cells, ...t4.cells] : template === 'pre2019' ? statedCells(parts) : [];
  const allNotes: ParseNote[] = [...notes, ...meta.notes, ...decided.notes, ...(national ? tables.flatMap((t) => t.notes) : [])];

  const text = units.map(unitText).join('\n');
  const isReport =
    /政府信息公开|政务公开/.test(text) &&
    (headings.length >= 2 ||
      cells.length > 0 ||
      (headings.length === 1 && /年度报告|年报/.test(text)) ||
      // Cut off after its opening or its first part: it says it is the report, and of which year.
      // ("特编制并向社会公布X2014年度…年度报告如下")
      (meta.year !== null && /本(?:年度)?(?:报告|年报)|统计(?:期限|时限|时间|期间)|(?:现|特)(?:编制并向社会)?(?:发布|公布)《?[^。]{0,30}(?:年度报告|年报)/.test(text)) ||
      // ("编制本局2018年度政府信息公开报告，并向社会公开": it says it is that year's report.)
      (meta.year !== null && compiledYear(text)?.year === meta.year) ||
      // Or its part 一 (总体情况, 概述) is there.
      headings.some((h) => h.no === 1) ||
      // A free-form report with headings of its own, under a title that names it.
      meta.evidence.some((e) => e.field === 'year' && (e.source === '标题' || e.source === '网页信息')));
  const complete = isComplete(template, parts, { t2, t3, t4 }, allNotes);

  return {
    agency: meta.agency,
    agencyNormalized: meta.agency ? normalizeAgency(meta.agency) : null,
    year: meta.year,
    date: meta.date,
    template,
    parts,
    cells,
    notes: allNotes,
    evidence: meta.evidence,
    text,
    complete,
    isReport,
  };
}

function statedCells(parts: Part[]): Cell[] {
  const text = claimText(parts);
  const out: Cell[] = [];
  for (const c of CLAIMS) {
    const m = c.re.exec(text);
    if (!m || c.cells.length !== 1) continue;
    out.push({ ...c.cells[0], value: { kind: 'number', num: Number(m[1]), raw: m[1] }, source: `正文：“${m[0]}”`, at: { kind: 'words', quote: m[0] } });
  }
  return out;
}

function empty(): TableResult {
  return { cells: [], notes: [], firstUnit: -1, lastUnit: -1 };
}

// The national format notices a report cites: 〔2021〕30号 (reports on 2021 and later), 〔2019〕60号
// (reports on 2019 and 2020); "国办公开函〔2021〕30号" as some misspell it.
const NOTICES: { template: 'T2019' | 'T2021'; re: RegExp; name: string }[] = [
  { template: 'T2021', re: /国办公开办?函[〔［\[【(（]2021[〕］\]】)）]30号/, name: '国办公开办函〔2021〕30号' },
  { template: 'T2019', re: /国办公开办?函[〔［\[【(（]2019[〕］\]】)）]60号/, name: '国办公开办函〔2019〕60号' },
];
const FORM_NAME: Record<TemplateId, string> = { T2021: '2021版格式', T2019: '2019版格式', pre2019: '2019年以前的格式', unknown: '未知格式' };
const byYear = (year: number): TemplateId => (year >= 2021 ? 'T2021' : year >= 2019 ? 'T2019' : 'pre2019');

/**
 * The format: the tables decide where the text has them; without tables the year does (reports on
 * 2021 and later follow the 2021 format, 2019–2020 the 2019 one, earlier reports are free-form),
 * and the notice the report cites confirms it, or decides where no year is found. Which evidence
 * decided is a note, and a notice other than the year implies a 提醒.
 */
function decideTemplate(
  ev: { T2019: number; T2021: number },
  t3Rows: string[],
  year: number | null,
  headings: Heading[],
  hasTables: boolean,
  said: string,
): { template: TemplateId; notes: ParseNote[] } {
  const cited = NOTICES.filter((n) => n.re.test(said));
  const notice = cited.length === 1 ? cited[0] : null;
  const notes: ParseNote[] = [];
  const decide = (): TemplateId => {
    if (ev.T2021 > ev.T2019) return 'T2021';
    if (ev.T2019 > ev.T2021) return 'T2019';
    if (t3Rows.some((r) => r === 'r6_1' || r === 'r6_2')) return 'T2021';
    // Tables whose labels do not tell: the year, or the notice cited; with neither, no guess.
    if (hasTables) return year !== null ? (year >= 2021 ? 'T2021' : 'T2019') : (notice?.template ?? 'unknown');
    if (year !== null) {
      const t = byYear(year);
      // A national format claimed without its tables says so; a free-form report before 2019 is that by its year.
      if (t !== 'pre2019') notes.push({ code: 'template-basis', message: `文中没有统计表，按年度（${year}年）判断为${FORM_NAME[t]}${notice?.template === t ? `，与所引${notice.name}一致` : ''}` });
      return t;
    }
    if (notice) {
      notes.push({ code: 'template-basis', message: `文中没有统计表和年度，按所引${notice.name}判断为${FORM_NAME[notice.template]}` });
      return notice.template;
    }
    if (headings.some((h) => h.no === 7)) return 'pre2019';
    return 'unknown';
  };
  const template = decide();
  if (notice && year !== null && notice.template !== byYear(year) && notice.template !== template)
    notes.push({ code: 'meta-disagree', message: `报告引用${notice.name}（${FORM_NAME[notice.template]}），与年度（${year}年）应使用的${FORM_NAME[byYear(year)]}不同，按${hasTables ? '统计表' : '年度'}记录为${FORM_NAME[template]}，请核对` });
  return { template, notes };
}

function buildParts(units: Unit[], headings: Heading[], tables: TableResult[]): Part[] {
  const inTable = (i: number) => tables.some((t) => t.firstUnit >= 0 && i >= t.firstUnit && i <= t.lastUnit);
  return headings.map((h, k) => {
    const end = headings[k + 1]?.unit ?? units.length;
    const lines: string[] = [];
    for (let i = h.unit + 1; i < end; i++) {
      if (inTable(i)) continue;
      const t = unitText(units[i]).trim();
      if (t) lines.push(t);
    }
    return { no: h.no, heading: h.text, text: reflow(k === headings.length - 1 ? withoutSignature(lines) : lines).join('\n') };
  });
}

// The closing lines after the last part's text: the signer, the date, "（此件主动公开）".
const SIGN_DATE = new RegExp(`^[（(]?\\s*${DATE.source}\\s*[）)]?$`);
const CLOSING = /^[（(]此件(?:主动|依申请)?公开[）)]$|^附件下载$/;

/** The report's last part without its signature: the signer and the date are not its text. */
function withoutSignature(lines: string[]): string[] {
  const out = [...lines];
  while (out.length && CLOSING.test(out[out.length - 1])) out.pop();
  if (out.length && SIGN_DATE.test(out[out.length - 1])) {
    out.pop();
    const last = out[out.length - 1];
    if (last && last.length <= 40 && !/[。，,；;：:]/.test(last) && SIGNER_END.test(last.replace(/[\s　]+/g, ''))) out.pop();
  }
  return out;
}

// A line that ends a paragraph, and one that starts an item ("（一）", "一是", "2.", "第三").
const ENDS = /[。！？；：…”’）)」』】.!?;:]$/;
const STARTS = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是，]|\d+[、.．]|第[一二三四五六七八九十]|[•·●○■□◆◇※★☆-])/;

/**
 * Text copied out of a PDF breaks every line at the page width. A long line without closing
 * punctuation, followed by one that starts no new item, is the same paragraph: join them so
 * the part reads as paragraphs and phrases split by the wrap can be found.
 */
export function reflow(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.length >= 22 && !ENDS.test(prev) && !STARTS.test(line) && !/^[|\t]/.test(raw)) {
      out[out.length - 1] = prev + line;
    } else out.push(line);
  }
  return out;
}

function isComplete(template: TemplateId, parts: Part[], t: Record<'t2' | 't3' | 't4', TableResult>, notes: ParseNote[]): boolean {
  const has = (n: number) => parts.some((p) => p.no === n);
  if (template === 'T2019' || template === 'T2021') {
    return [1, 2, 3, 4, 5, 6].every(has) && t.t2.cells.length > 0 && t.t3.cells.length > 0 && t.t4.cells.length === 15 && !notes.some((n) => n.code === 'short-row');
  }
  if (template === 'pre2019') return parts.length >= 5 && has(6);
  return false;
}
