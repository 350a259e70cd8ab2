// Blocks -> units: lines of text and Word tables, cleaned of page chrome and page numbers,
// with a report duplicated inside its own file cut to one copy.
import type { DocBlock, DocCell } from '../../doc/blocks.ts';
import type { PagePlace, ParseNote } from '../model.ts';
import { norm } from './normalize.ts';
import { splitRunOn } from './runon.ts';

export type Unit =
  /** `line`: the line of the document's text it came from (1-based, counting every line, kept
   *  or not), so a cell's source points where the clerk will find it in the file. */
  | { kind: 'line'; text: string; index: number; line: number; place?: PagePlace }
  | { kind: 'table'; rows: DocCell[][]; index: number; tableNo: number };

const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d+\s*[-－—–]?|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;

// A browser's print header and footer on every page of a printed web page: the page's address
// and the page number ("file:///D:/年报/x.html   1/6"), the date and time and the page's title
// ("12/7/26, 9:08 AM   - no title specified", "2026/12/7 09:08   某某局2021年…").
const BROWSER_PRINT = [
  /^\s*(?:file|https?):\/\/\S+(?:\s+\d+\s*\/\s*\d+)?\s*$/i,
  /^\s*\d{1,4}[\/.-]\d{1,2}[\/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s{2,}.*)?$/,
];

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

export interface Units {
  units: Unit[];
  notes: ParseNote[];
  webChrome: boolean;
  /** What a crawler's or a portal's header above the report says (标题, 发布机构, 发布时间). */
  page: PageInfo;
}

export interface PageInfo {
  title?: string;
  publisher?: string;
  published?: string;
}

// Header lines above the report ("标题: …", "发布机构：…"), as crawlers and portals print them.
const HEADER_LINE = /^\s*(标\s*题|文章标题|发布时间|发布日期|成文日期|生成日期|发布机构|发文机关|来\s*源|信息来源|文\s*号|索\s*引\s*号|栏\s*目|所属栏目|主题分类|公开方式|原文链接|本地目录|浏览次数)\s*[:：]\s*(.*)$/;
// A portal's chrome around a report: breadcrumbs, print and close links, the crawler's markers.
const PORTAL_LINE = [
  /^\s*(?:您的|你的)?当前位置\s*[:：]/,
  /^\s*={3,}.*={3,}\s*$/,
  /^\s*页面链接与图片详见/,
  /^\s*[【[]?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|分享到.{0,20}|字体\s*[:：]?\s*[大中小 ]+|字号\s*[:：]?\s*[大中小 ]+)\s*[】\]]?\s*$/,
  /^\s*(?:附件下载|相关附件|扫一扫在手机打开当前页)\s*[:：]?\s*$/,
  // The site's account and view links: "登录 | 注册", "无障碍 | 长者模式", "简体 | 繁體".
  /^\s*(?:(?:登录|注册|无障碍|长者模式|关怀版|简体|繁體|繁体|English|手机版)\s*[|｜/]?\s*){1,4}$/,
];

// A portal's metadata line under or above the title, several fields on one line, bulleted or not:
// "时间:2021-02-20   来源:忻州市忻府区人民政府", "• 发文机关:海南省工业和信息化厅 成文日期:…".
const META_KEY = '(?:发布时间|发布日期|更新时间|时间|日期|成文日期|发文日期|生成日期|发布机构|发文机关|发文单位|信息来源|文章来源|来源|作者|编辑|浏览次数|阅读次数|点击|字体|字号|索\\s*引\\s*号|主题分类|分类|文\\s*号|信息类型)';
const META_PAIRS = new RegExp(`^\\s*(?:[-•·*]\\s*)?${META_KEY}\\s*[:：]`);
// The same block as a table's row: "发布单位 | 某省交通运输厅 | 来源 | |".
const PIPED_PUBLISHER = /(?:^|[|｜])\s*(?:发布机构|发布单位|发文机关|发文单位)\s*[:：]?\s*[|｜]\s*([^|｜\s]{2,40})\s*[|｜]/;
const PUBLISHER_IN_LINE = new RegExp(`(?:发布机构|发文机关|发文单位|信息来源|文章来源|来源)\\s*[:：]\\s*([^\\s:：|]{2,40}?)(?=\\s|$|${META_KEY}\\s*[:：])`);

export function toUnits(blocks: DocBlock[]): Units {
  const notes: ParseNote[] = [];
  const raw: Unit[] = [];
  const page: PageInfo = {};
  let headerLines = 0;
  let portalLines = 0;
  let tableNo = 0;
  let docLine = 0;
  // Whether the report's own text has begun: kept as a flag, since asking raw on every line made
  // a file of many blank lines quadratic (100,000 leading blank lines held a worker 46 s).
  let begun = false;
  for (const b of blocks) {
    if (b.type === 'table') {
      raw.push({ kind: 'table', rows: b.rows, index: raw.length, tableNo: ++tableNo });
      continue;
    }
    for (const line of b.text.split(/\r\n|\r|\n/)) {
      docLine++;
      // Header lines count only above the report's own first line.
      const header = !begun ? HEADER_LINE.exec(line) : null;
      if (header) {
        const key = header[1].replace(/\s/g, '');
        // "来 源: | 某市某局 | 发布机构: | 某市某局 |": a piped block keyed with colons, the value its next cell.
        const value = header[2].trim().replace(/^[|｜]\s*([^|｜]*?)\s*[|｜].*$/, '$1');
        if (value && /标题/.test(key)) page.title ??= value;
        else if (value && /发布机构|发文机关|来源/.test(key)) page.publisher ??= value;
        else if (value && /发布|成文|生成/.test(key)) page.published ??= value;
        headerLines++;
        continue;
      }
      // A metadata line among the first lines: its publisher is the page's (the line itself stays).
      if (docLine <= 30 && META_PAIRS.test(line)) page.publisher ??= PUBLISHER_IN_LINE.exec(line)?.[1];
      if (docLine <= 30) page.publisher ??= PIPED_PUBLISHER.exec(line)?.[1];
      const portal = portalHead(line);
      if (portal) {
        page.title ??= portal.title;
        page.publisher ??= portal.publisher;
        page.published ??= portal.published;
        portalLines++;
      }
      // A markdown table's rule under its header (|---|:---:|) is no row: its dashes are not "—" marks.
      if (/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue;
      if (!portal && PORTAL_LINE.some((re) => re.test(line))) {
        portalLines++;
        continue;
      }
      const lines = portal ? [...(portal.title ? [portal.title] : []), portal.body] : [line];
      for (const l of lines)
        for (const p of splitRunOn(stripMarkdown(l))) {
          raw.push({ kind: 'line', text: p, index: raw.length, line: docLine, ...(b.place ? { place: b.place } : {}) });
          if (p.trim()) begun = true;
        }
    }
  }
  if (headerLines >= 2) notes.push({ code: 'page-header', message: '文件开头有网页或抓取程序的信息行（标题、发布时间等），已作为网页信息使用，不计入正文' });
  if (portalLines > 0) notes.push({ code: 'portal-chrome', message: `已忽略${portalLines}行网站页面内容（当前位置、打印、关闭窗口等）` });

  const allText = raw.map((u) => (u.kind === 'line' ? u.text : '')).join('\n');
  const webChrome = CHROME_MARKERS.filter((m) => m.test(allText)).length >= 2;
  let units = raw.filter((u) => {
    if (u.kind !== 'line') return true;
    if (PAGE_NUMBER.test(u.text) || BROWSER_PRINT.some((re) => re.test(u.text))) return false;
    if (webChrome && CHROME_LINE.some((re) => re.test(u.text))) return false;
    return true;
  });
  if (webChrome) notes.push({ code: 'web-chrome', message: '文件含网页下载页面的内容（如“下载此文档”），已忽略' });

  const dup = duplicateStart(units);
  if (dup !== null) {
    units = units.slice(0, dup);
    notes.push({ code: 'duplicated', message: '文件中报告全文重复出现，只解析第一份' });
  }
  return { units: units.map((u, i) => ({ ...u, index: i })), notes, webChrome, page };
}

/** Where a second copy of the report starts, if the file holds the report twice. */
function duplicateStart(units: Unit[]): number | null {
  const lines = units
    .map((u, i) => ({ i, t: u.kind === 'line' ? norm(u.text) : `#table${u.rows.length}` }))
    .filter((x) => x.t.length > 0);
  if (lines.length < 40) return null;
  const head = lines.slice(0, 6).map((x) => x.t);
  // The copy is recognised by its text: six tables alike (5,000 tiny ones before a report) are no report's head.
  if (head.filter((t) => !t.startsWith('#table')).join('').length < 30) return null;
  for (let k = Math.floor(lines.length * 0.3); k + head.length <= lines.length; k++) {
    if (head.every((t, j) => lines[k + j].t === t)) return lines[k].i;
  }
  return null;
}

export function unitText(u: Unit): string {
  return u.kind === 'line' ? u.text : u.rows.map((r) => r.map((c) => c.text).join('\t')).join('\n');
}

/** Markdown around text converted from a PDF or a web page: "# 标题", "**加粗**", "> 引文". */
function stripMarkdown(line: string): string {
  return line.replace(/^\s{0,3}(?:#{1,6}\s+|>\s+)/, '').replace(/\*\*(.+?)\*\*/g, '$1');
}

/**
 * A saved or crawled portal page whose breadcrumb, title, 来源, 时间 and share buttons run on into
 * the report's first paragraph ("当前位置： 首页…年报 X2021年度…年度报告 来源：X 时间：… -->
 * 微信 微博 … 相关链接： 根据《…》"): the chrome is cut off, its title, publisher and time kept.
 */
function portalHead(line: string): { title?: string; publisher?: string; published?: string; body: string } | null {
  if (!/^\s*(?:您的|你的|您现在的)?(?:当前)?位置\s*[:：]/.test(line) || line.length < 120) return null;
  const head = line.slice(0, 600);
  let start = 0;
  for (const re of [/相关链接\s*[:：]/g, /文件下载/g, /-->/g, /分享到\s*[:：]?/g, /【\s*打印\s*】|打印本页/g, /字[体号]\s*[:：]?\s*[大中小]\s*[大中小]\s*[大中小]/g])
    for (const m of head.matchAll(re)) start = Math.max(start, m.index + m[0].length);
  if (start === 0) start = Math.max(0, head.search(/\s/));
  const chrome = line.slice(0, start);
  const title = /(?:^|\s)([^\s:：]{0,40}?(?:19|20)\d\d\s*年度?[^\s:：]{0,30}?(?:报告|年报))(?=\s|$)/.exec(chrome)?.[1];
  return {
    title,
    publisher: /来\s*源\s*[:：]\s*([^\s:：]{2,40})/.exec(chrome)?.[1],
    published: /(?:时间|日期)\s*[:：]\s*((?:19|20)\d\d-\d\d-\d\d)/.exec(chrome)?.[1],
    body: line.slice(start),
  };
}
