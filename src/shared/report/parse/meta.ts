// Agency, report year and signature date, weighed from every piece of evidence the document
// and its file give: the title block, the closing signature, the opening paragraph, the page's
// own information (a crawler's 标题/发布机构 lines, a saved page's title) and the file name.
// Each field keeps where it came from; evidence that disagrees with the choice is a note.
import type { MetaEvidence, MetaSource, ParseNote } from '../model.ts';
import { repairPlace } from '../../places/gazetteer.ts';
import { normalizeAgency, parseCnNumber } from './normalize.ts';
import { SIGNER_END } from './runon.ts';
import type { PageInfo, Unit } from './units.ts';

export interface MetaContext {
  page?: PageInfo;
  /** The file's name and the folders above it, as the importer found them. */
  fileName?: string;
  folder?: string;
}

export interface Meta {
  agency: string | null;
  year: number | null;
  date: string | null;
  evidence: MetaEvidence[];
  notes: ParseNote[];
}

const Y = '((?:19|20)\\d\\d)';
const KIND = '(?:政府信息|政务|信息)(?:工作)?公开(?:工作)?(?:年度)?(?:工作)?(?:情况)?的?(?:报告|年报)';
/** Title forms seen in real reports: agency first or year first, the year in brackets after. */
const TITLES: { re: RegExp; agency: number; year: number }[] = [
  { re: new RegExp(`^(.*?)(?:关于)?${Y}年?度?的?${KIND}`), agency: 1, year: 2 },
  { re: new RegExp(`^${Y}年度?(.{2,40}?)${KIND}`), agency: 2, year: 1 },
  { re: new RegExp(`^(.*?)${KIND}[（(]${Y}年?度?[）)]`), agency: 1, year: 2 },
  { re: new RegExp(`^(.*?)(?:政府|政务)?信息公开(?:工作)?${Y}年度?(?:报告|年报)`), agency: 1, year: 2 },
];
const AGENCY_END = /(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|中心|院|署|处|办事处|街道|镇|乡|区|县|市|所|队|会|部|站|馆)$/;
/** A date as reports print it: 2024年1月29日, 二〇二四年一月二十九日, 二○一○年四月十日 (year, month, day captured). */
export const DATE = /((?:19|20)\d\d|[〇○零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月(?:\s*([\d一二三四五六七八九十]{1,3})\s*日)?/;
const STAT_YEAR = [
  new RegExp(`统计(?:时间|期限|期间|时限|区间)[^。]{0,30}?${Y}\\s*年\\s*(?:1\\s*月\\s*1\\s*日\\s*)?(?:起\\s*)?(?:至|到|—|-)?[^。]{0,12}?12\\s*月\\s*31\\s*日`),
  new RegExp(`${Y}\\s*年\\s*1\\s*月\\s*1\\s*日\\s*(?:起\\s*)?(?:至|到|—|-)\\s*(?:\\1\\s*年\\s*)?12\\s*月\\s*31\\s*日`),
];

export function looksLikeAgency(s: string): boolean {
  const t = normalizeAgency(s);
  return t.length >= 2 && t.length <= 40 && !/[。，,；：:“”、《》]/.test(t) && !/\d{4}/.test(t) && AGENCY_END.test(t) && !/^(本|我|该|各|全)/.test(t);
}

/** A name read off a title: no markdown, no spaces, 人民政府 kept whole. */
function cleanName(raw: string): string {
  let t = raw.replace(/[#*>\s　]+/g, '').replace(/^[“"《【]|[”"》】]$/g, '').replace(/关于$/, '');
  // "淮安市人民政府信息公开工作年度报告": the title's 政府 is the name's.
  if (/人民$/.test(t)) t += '政府';
  return t;
}

interface Found {
  agency?: string;
  year?: number;
  text: string;
}

/** A title's agency and year, from one line or a title broken over lines. */
export function readTitle(text: string): Found | null {
  const t = text.normalize('NFKC').replace(/[\s　]+/g, '').replace(/^#+/, '');
  for (const f of TITLES) {
    const m = f.re.exec(t);
    // A sentence that names the report ("…编制完成2023年度政府信息公开工作年度报告。") is not its title.
    if (!m || /[。，,；;：:、《》“”]/.test(m[f.agency] ?? '') || m[0].length > 80) continue;
    const name = cleanName(m[f.agency] ?? '');
    return { agency: name.length >= 2 && looksLikeAgency(name) ? name : undefined, year: Number(m[f.year]), text: text.trim() };
  }
  return null;
}

/** The short name a title uses ("财金局", "区财政金融局", "市科委") is the full one's, written shorter. */
export function isShortFor(short: string, full: string): boolean {
  const s = normalizeAgency(short);
  const f = normalizeAgency(full);
  if (s.length >= f.length || s.length < 2) return false;
  const ending = (x: string) => x.replace(/委员会$/, '委').slice(-1);
  if (ending(s) !== ending(f)) return false;
  let i = 0;
  for (const ch of f) if (ch === s[i]) i++;
  return i === s.length;
}

export function findMeta(units: Unit[], firstHeadingUnit: number, ctx: MetaContext = {}): Meta {
  const lines = units.filter((u): u is Extract<Unit, { kind: 'line' }> => u.kind === 'line' && u.text.trim() !== '');
  const notes: ParseNote[] = [];
  const agencies: (MetaEvidence & { value: string })[] = [];
  const years: (MetaEvidence & { value: number })[] = [];
  const add = (source: MetaSource, f: Found | null, text = f?.text ?? '') => {
    if (!f) return;
    if (f.agency) agencies.push({ field: 'agency', value: f.agency, source, text });
    if (f.year) years.push({ field: 'year', value: f.year, source, text });
  };

  // Title block: the first lines before part 一, one line or two or three run together.
  const head = lines.filter((l) => l.index < Math.max(firstHeadingUnit, 1)).slice(0, 8);
  for (let i = 0; i < head.length; i++) {
    let found: Found | null = null;
    for (let k = 1; k <= 3 && i + k <= head.length && !found; k++) {
      const text = head.slice(i, i + k).map((l) => l.text.trim()).join('');
      if (k > 1 && text.length > 90) break;
      found = readTitle(text);
    }
    if (!found) continue;
    if (!found.agency && i > 0 && looksLikeAgency(cleanName(head[i - 1].text))) found.agency = cleanName(head[i - 1].text);
    add('标题', found);
    break;
  }

  // Closing signature: a name over a date among the last lines.
  let date: MetaEvidence | null = null;
  const tail = lines.slice(-8);
  for (let i = tail.length - 1; i >= 0; i--) {
    const t = tail[i].text.trim();
    const m = DATE.exec(t);
    if (!m || t.length > 20) continue;
    const d = formatDate(m);
    if (d) date = { field: 'date', value: d, source: '落款', text: t };
    const above = i > 0 ? cleanName(tail[i - 1].text) : '';
    if (above && looksLikeAgency(above) && SIGNER_END.test(above)) agencies.push({ field: 'agency', value: above, source: '落款', text: `${tail[i - 1].text.trim()} ${t}` });
    break;
  }
  const last = tail[tail.length - 1];
  if (!date && last && last.index > firstHeadingUnit) {
    // Signed without a date: a name alone on the last line.
    const name = cleanName(last.text);
    if (looksLikeAgency(name) && SIGNER_END.test(name) && name.length >= 4) agencies.push({ field: 'agency', value: name, source: '落款', text: last.text.trim() });
  }
  if (!date) {
    // "（2020年1月）" under the title.
    for (const l of head) {
      const m = /^[（(]\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?\s*[）)]$/.exec(l.text.trim());
      const d = m ? formatDate(m) : null;
      if (d) date = { field: 'date', value: d, source: '标题', text: l.text.trim() };
    }
  }

  // The page's own information: a crawler's header, a saved page's title and publisher.
  if (ctx.page?.title) add('网页信息', readTitle(ctx.page.title), `标题：${ctx.page.title}`);
  if (ctx.page?.publisher && looksLikeAgency(cleanName(ctx.page.publisher)))
    agencies.push({ field: 'agency', value: cleanName(ctx.page.publisher), source: '网页信息', text: `发布机构：${ctx.page.publisher}` });

  // The opening paragraph's phrases.
  const intro = lines.slice(0, 40).map((l) => l.text).join('\n');
  const phrases = [
    new RegExp(`(?:公布|发布)(\\S{2,30}?)${Y}年度?${KIND}`),
    new RegExp(`现(?:将|把)(\\S{2,30}?)${Y}年度?${KIND}`),
    // "某县人民政府办公室根据《中华人民共和国政府信息公开条例》…": the body that speaks first.
    /^(\S{2,30}?)(?:根据|依据|按照|遵照)《/m,
    /本(?:报告|年报)由(\S{2,30}?)(?:根据|依据|按照|编制|负责)/,
    new RegExp(`结合${Y}年度?(\\S{2,30}?)(?:政府|政务)?信息公开工作实际`),
  ];
  for (const re of phrases) {
    const m = re.exec(intro);
    const name = m?.slice(1).find((g) => g && !/^\d{4}$/.test(g));
    if (m && name && looksLikeAgency(cleanName(name))) {
      agencies.push({ field: 'agency', value: cleanName(name), source: '正文', text: m[0] });
      break;
    }
  }
  for (const re of STAT_YEAR) {
    const m = re.exec(intro);
    if (m) {
      years.push({ field: 'year', value: Number(m[1]), source: '正文', text: m[0] });
      break;
    }
  }

  // The file's name and its folders: evidence where the text lacks a field.
  if (ctx.fileName) add('文件名', readTitle(ctx.fileName.replace(/\.[a-z0-9]{2,5}$/i, '')) ?? nameOnly(ctx.fileName), ctx.fileName);
  if (ctx.folder) {
    const y = /(?:^|[\\/])((?:19|20)\d\d)\s*年?度?(?:[\\/]|$)/.exec(ctx.folder);
    if (y) years.push({ field: 'year', value: Number(y[1]), source: '文件名', text: ctx.folder });
  }

  const agency = chooseAgency(agencies, notes);
  // 沐阳县 is no place, 沭阳县 is, one look-alike character away: a slip (OCR, typing).
  const fix = agency ? repairPlace(normalizeAgency(agency.value as string)) : null;
  if (agency && fix) {
    notes.push({ code: 'place-repaired', message: `单位名称中的“${fix.from}”不是行政区划名称，与“${fix.to}”只差一个形近字，已按“${fix.repaired}”记录（原文写作“${agency.value}”）` });
    agency.value = fix.repaired;
  }
  const year = chooseYear(years, date, notes);
  const evidence = [agency, year, date].filter((e): e is MetaEvidence => e !== null);
  return {
    agency: agency ? (agency.value as string) : null,
    year: year ? (year.value as number) : null,
    date: date ? (date.value as string) : null,
    evidence,
    notes,
  };
}

function nameOnly(fileName: string): Found | null {
  const stem = fileName.replace(/\.[a-z0-9]{2,5}$/i, '');
  const m = /^(.{2,40}?)(?:政府|政务)?信息公开/.exec(stem.replace(/\s+/g, ''));
  return m && looksLikeAgency(cleanName(m[1])) ? { agency: cleanName(m[1]), text: fileName } : null;
}

const AGENCY_ORDER: MetaSource[] = ['标题', '网页信息', '落款', '正文', '文件名'];

function chooseAgency(cands: (MetaEvidence & { value: string })[], notes: ParseNote[]): MetaEvidence | null {
  const ordered = [...cands].sort((a, b) => AGENCY_ORDER.indexOf(a.source) - AGENCY_ORDER.indexOf(b.source));
  let chosen = ordered[0];
  if (!chosen) return null;
  // A short name in the title, the full one in the signature or elsewhere: the full one.
  const fuller = ordered.filter((c) => isShortFor(chosen.value, c.value)).sort((a, b) => b.value.length - a.value.length)[0];
  if (fuller) {
    notes.push({ code: 'agency-expanded', message: `${chosen.source}中的单位名称“${chosen.value}”是简称，按${fuller.source}中的全称“${fuller.value}”记录` });
    chosen = fuller;
  }
  const same = (c: MetaEvidence & { value: string }) => normalizeAgency(c.value) === normalizeAgency(chosen.value) || isShortFor(c.value, chosen.value);
  const other = ordered.find((c) => !same(c) && c.source !== '网页信息');
  // The office that compiles a report often names itself in the text: a note, not a warning.
  if (other && other.source === '文件名')
    notes.push({ code: 'meta-disagree', message: `文件名中的单位“${other.value}”与正文的“${chosen.value}”不同，按正文记录，请核对` });
  else if (other) notes.push({ code: 'meta-other-name', message: `${other.source}的单位“${other.value}”与${chosen.source}的“${chosen.value}”不同，按${chosen.source}记录` });
  return chosen;
}

const YEAR_ORDER: MetaSource[] = ['标题', '网页信息', '正文', '文件名'];

function chooseYear(cands: (MetaEvidence & { value: number })[], date: MetaEvidence | null, notes: ParseNote[]): MetaEvidence | null {
  const ordered = [...cands].sort((a, b) => YEAR_ORDER.indexOf(a.source) - YEAR_ORDER.indexOf(b.source));
  const chosen = ordered[0];
  if (!chosen) {
    if (!date) return null;
    // Signed in January 2024: a report on 2023.
    return { field: 'year', value: Number(String(date.value).slice(0, 4)) - 1, source: '落款', text: date.text, inferred: true };
  }
  for (const c of ordered) {
    if (c.value === chosen.value) continue;
    const where = c.source === '文件名' ? '文件名' : c.source === '正文' ? '统计期限' : c.source;
    notes.push({ code: 'meta-disagree', message: `${where}的年度（${c.value}年）与${chosen.source}的${chosen.value}年不同，按${chosen.source}记录，请核对（“${c.text.slice(0, 40)}”）` });
    break;
  }
  return chosen;
}

function formatDate(m: RegExpExecArray): string | null {
  const y = parseCnNumber(m[1].replace(/○/g, '〇'));
  const mo = parseCnNumber(m[2]);
  const d = m[3] ? parseCnNumber(m[3]) : null;
  if (!y || !mo || mo > 12 || (d !== null && (d < 1 || d > 31))) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return d ? `${y}-${p(mo)}-${p(d)}` : `${y}-${p(mo)}`;
}
