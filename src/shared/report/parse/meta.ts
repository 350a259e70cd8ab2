// Agency, report year and signature date: from the title block, the closing signature,
// or the phrases of the opening paragraph, in that order of trust.
import type { Unit } from './units.ts';
import { normalizeAgency, parseCnNumber } from './normalize.ts';

export interface Meta {
  agency: string | null;
  year: number | null;
  date: string | null;
}

const Y = '((?:19|20)\\d\\d)';
const TITLE = [
  new RegExp(`^(.*?)${Y}\\s*年度?\\s*(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)`),
  new RegExp(`^(.*?)(?:政府|政务)?信息公开(?:工作)?\\s*${Y}\\s*年度?(?:报告|年报)`),
  new RegExp(`^(.*?)(?:政府|政务)?信息公开(?:工作)?年度报告\\s*[（(]\\s*${Y}\\s*年?度?\\s*[）)]`),
];
const AGENCY_END = /(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|中心|院|署|处|办事处|街道|镇|乡|区|县|市|所|队|会|部|站|馆)$/;
const DATE = /((?:19|20)\d\d|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月(?:\s*([\d一二三四五六七八九十]{1,3})\s*日)?/;

function looksLikeAgency(s: string): boolean {
  const t = s.trim();
  return t.length >= 2 && t.length <= 40 && !/[。，,；：:“”]/.test(t) && !/\d{4}/.test(t) && AGENCY_END.test(normalizeAgency(t));
}

export function findMeta(units: Unit[], firstHeadingUnit: number): Meta {
  const lines = units.filter((u): u is Extract<Unit, { kind: 'line' }> => u.kind === 'line' && u.text.trim() !== '');
  let agency: string | null = null;
  let year: number | null = null;

  // Title block: the first lines before part 一.
  const head = lines.filter((l) => l.index < Math.max(firstHeadingUnit, 1)).slice(0, 8);
  for (let i = 0; i < head.length && year === null; i++) {
    const t = head[i].text.trim();
    for (const re of TITLE) {
      const m = re.exec(t);
      if (!m) continue;
      year = Number(m[2]);
      const prefix = m[1].replace(/[\s　]+/g, '');
      if (prefix.length >= 2 && looksLikeAgency(prefix)) agency = prefix;
      else if (i > 0 && looksLikeAgency(head[i - 1].text)) agency = head[i - 1].text.trim();
      break;
    }
  }

  // Closing signature: an agency line over a date line among the last lines.
  let date: string | null = null;
  const tail = lines.slice(-6);
  for (let i = tail.length - 1; i >= 0; i--) {
    const t = tail[i].text.trim();
    const m = DATE.exec(t);
    if (!m || t.length > 16) continue;
    date = formatDate(m);
    if (!agency && i > 0 && looksLikeAgency(tail[i - 1].text)) agency = tail[i - 1].text.trim();
    break;
  }
  if (!date) {
    // "（2020年1月）" under the title.
    for (const l of head) {
      const m = /^[（(]\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?\s*[）)]$/.exec(l.text.trim());
      if (m) date = formatDate(m);
    }
  }

  const intro = lines.slice(0, 40).map((l) => l.text).join('\n');
  if (!agency) {
    const patterns = [
      new RegExp(`公布(\\S{2,30}?)${Y}年度?(?:政府|政务)?信息公开`),
      /本(?:报告|年报)由(\S{2,30}?)(?:根据|依据|按照|编制)/,
      new RegExp(`结合${Y}年度?(\\S{2,30}?)(?:政府|政务)?信息公开工作实际`),
    ];
    for (const re of patterns) {
      const m = re.exec(intro);
      const name = m?.slice(1).find((g) => g && !/^\d{4}$/.test(g));
      if (name && looksLikeAgency(name)) {
        agency = name;
        break;
      }
    }
  }
  if (year === null) {
    const patterns = [
      new RegExp(`统计(?:时间|期限|期间|时限)[^。]{0,30}?${Y}\\s*年\\s*12\\s*月\\s*31\\s*日`),
      new RegExp(`${Y}\\s*年\\s*1\\s*月\\s*1\\s*日\\s*(?:起\\s*)?至\\s*\\1\\s*年\\s*12\\s*月\\s*31\\s*日`),
      new RegExp(`${Y}年度?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)`),
      new RegExp(`结合${Y}年`),
    ];
    for (const re of patterns) {
      const m = re.exec(intro);
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  if (year === null && date) year = Number(date.slice(0, 4)) - 1;
  return { agency, year, date };
}

function formatDate(m: RegExpExecArray): string | null {
  const y = parseCnNumber(m[1]);
  const mo = parseCnNumber(m[2]);
  const d = m[3] ? parseCnNumber(m[3]) : null;
  if (!y || !mo || mo > 12) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return d ? `${y}-${p(mo)}-${p(d)}` : `${y}-${p(mo)}`;
}
