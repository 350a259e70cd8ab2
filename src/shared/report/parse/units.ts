// Blocks -> units: lines of text and Word tables, cleaned of page chrome and page numbers,
// with a report duplicated inside its own file cut to one copy.
import type { DocBlock, DocCell } from '../../doc/blocks.ts';
import type { ParseNote } from '../model.ts';
import { norm } from './normalize.ts';

export type Unit =
  | { kind: 'line'; text: string; index: number }
  | { kind: 'table'; rows: DocCell[][]; index: number; tableNo: number };

const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d+\s*[-－—–]?|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;

// Lines a document-sharing web page wraps around a report (seen in real files).
const CHROME_MARKERS = [/下载此文档/, /举报非法/, /转载请标明出处/, /上传人/, /文件大小/, /收藏数/, /文档分类/, /下载提示/, /非法内容举报/];
const CHROME_LINE = [
  /下载此文档/,
  /^文档(分类|列表|介绍|信息)/,
  /^下载提示/,
  /^\s*[•·]\s*\d+\./,
  /来自.{0,20}网.*转载/,
  /^非法内容举报/,
  /^\s*[•·]?\s*(页数|收藏数|顶次数|上传人|文件大小|时间)\s*\S*/,
  /^\s*\d+\s*\/\s*\d+(\s*下载此文档)?\s*$/,
  /\.(docx?|pdf|wps|txt)\s*$/i,
];

// A part heading buried inside a long run-on line ("…下载。一、概述2018年，…").
const INLINE_HEADING = /(?<=[。；;）)\s])(?=[一二三四五六七]、(?:概述|总体情况|主动公开|依申请|收到和处理|政府信息公开|因政府信息公开|存在的|其他需))/g;

export interface Units {
  units: Unit[];
  notes: ParseNote[];
  webChrome: boolean;
}

export function toUnits(blocks: DocBlock[]): Units {
  const notes: ParseNote[] = [];
  const raw: Unit[] = [];
  let tableNo = 0;
  for (const b of blocks) {
    if (b.type === 'table') {
      raw.push({ kind: 'table', rows: b.rows, index: raw.length, tableNo: ++tableNo });
      continue;
    }
    for (const line of b.text.split(/\r\n|\r|\n/)) {
      const parts = line.length > 200 ? line.split(INLINE_HEADING) : [line];
      for (const p of parts) {
        // "一、概述2018年，…": the heading ends where the body's first sentence starts.
        const cut = parts.length > 1 ? /^[一二三四五六七]、[^\d，。,：:]{2,30}?(?=(?:19|20)\d\d年|[，。,：:])/.exec(p) : null;
        if (cut) {
          raw.push({ kind: 'line', text: cut[0], index: raw.length });
          raw.push({ kind: 'line', text: p.slice(cut[0].length), index: raw.length });
        } else raw.push({ kind: 'line', text: p, index: raw.length });
      }
    }
  }

  const allText = raw.map((u) => (u.kind === 'line' ? u.text : '')).join('\n');
  const webChrome = CHROME_MARKERS.filter((m) => m.test(allText)).length >= 2;
  let units = raw.filter((u) => {
    if (u.kind !== 'line') return true;
    if (PAGE_NUMBER.test(u.text)) return false;
    if (webChrome && CHROME_LINE.some((re) => re.test(u.text))) return false;
    return true;
  });
  if (webChrome) notes.push({ code: 'web-chrome', message: '文件含网页下载页面的内容（如“下载此文档”），已忽略' });

  const dup = duplicateStart(units);
  if (dup !== null) {
    units = units.slice(0, dup);
    notes.push({ code: 'duplicated', message: '文件中报告全文重复出现，只解析第一份' });
  }
  return { units: units.map((u, i) => ({ ...u, index: i })), notes, webChrome };
}

/** Where a second copy of the report starts, if the file holds the report twice. */
function duplicateStart(units: Unit[]): number | null {
  const lines = units
    .map((u, i) => ({ i, t: u.kind === 'line' ? norm(u.text) : `#table${u.rows.length}` }))
    .filter((x) => x.t.length > 0);
  if (lines.length < 40) return null;
  const head = lines.slice(0, 6).map((x) => x.t);
  if (head.join('').length < 30) return null;
  for (let k = Math.floor(lines.length * 0.3); k + head.length <= lines.length; k++) {
    if (head.every((t, j) => lines[k + j].t === t)) return lines[k].i;
  }
  return null;
}

export function unitText(u: Unit): string {
  return u.kind === 'line' ? u.text : u.rows.map((r) => r.map((c) => c.text).join('\t')).join('\n');
}
