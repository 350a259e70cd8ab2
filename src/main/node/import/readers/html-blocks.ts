// HTML -> blocks, for saved web pages, Word's "web page" files and mammoth's output alike.
// Parsed by htmlparser2 (forgiving, builds its tree without recursion) and walked with an
// explicit stack, so a page nested 100,000 elements deep costs what its bytes cost. Scripts,
// styles and forms are dropped unread. Data tables keep rowspan and colspan; layout tables (a
// cell holding another table or whole paragraphs, as older portals are built) are walked
// through as if they were not there. On a portal page the report is the element that holds
// most of the page's own text (not its links): navigation, breadcrumbs and footers around it
// are left out. The page's title and its ArticleTitle/PubDate/ContentSource meta tags are
// handed over as evidence for the metadata.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { DocBlock, DocCell } from '../../../../shared/doc/blocks.ts';
import type { PageInfo } from '../../../../shared/report/parse/units.ts';

export interface HtmlContent {
  blocks: DocBlock[];
  page: PageInfo;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'select', 'option', 'textarea', 'button', 'input', 'map', 'canvas', 'audio', 'video', 'head', 'title']);
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'center', 'blockquote', 'dd', 'dt', 'dl', 'pre', 'header', 'footer', 'nav', 'aside', 'main', 'form', 'fieldset', 'address', 'hr', 'body', 'html', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'caption']);
/** Elements a report may sit in; paragraphs, headings and lists are its content, not its place. */
const DESCEND = new Set(['html', 'body', 'div', 'article', 'section', 'main', 'center', 'form', 'table', 'tbody', 'tr', 'td', 'font', 'span']);
/** A cell's text past this is cut: a real cell holds a label or a number. */
const MAX_CELL = 20000;

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

export function htmlToBlocks(html: string): HtmlContent {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true });
  const page: PageInfo = {};
  let title = '';
  // Own text and link text of every element, children before parents (an iterative post-order).
  const own = new Map<Element, { text: number; links: number }>();
  const order: { node: ChildNode; inLink: boolean }[] = [];
  const todo: { node: ChildNode; inLink: boolean }[] = doc.children.map((node) => ({ node, inLink: false }));
  while (todo.length) {
    const item = todo.pop()!;
    order.push(item);
    const n = item.node;
    if (!isElement(n)) continue;
    if (n.name === 'meta') {
      const key = (n.attribs.name ?? '').toLowerCase();
      const content = (n.attribs.content ?? '').trim();
      if (content && key === 'articletitle') page.title ??= content;
      else if (content && key === 'pubdate') page.published ??= content;
      else if (content && (key === 'contentsource' || key === 'author')) page.publisher ??= content;
    }
    if (n.name === 'title') title += textOf(n);
    // The head is read for its title and meta tags only: its text is not the page's.
    if (SKIP.has(n.name) && n.name !== 'head') continue;
    for (const c of n.children) todo.push({ node: c, inLink: item.inLink || n.name === 'a' });
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const { node, inLink } = order[i];
    const parent = node.parent && isElement(node.parent as ChildNode) ? (node.parent as Element) : null;
    let add = { text: 0, links: 0 };
    if (node.type === 'text') {
      const n = node.data.replace(/\s+/g, '').length;
      add = { text: n, links: inLink ? n : 0 };
    } else if (isElement(node)) add = own.get(node) ?? add;
    if (parent && !SKIP.has(parent.name)) {
      const p = own.get(parent) ?? { text: 0, links: 0 };
      p.text += add.text;
      p.links += add.links;
      own.set(parent, p);
    }
  }
  page.title ??= siteTitle(title);
  const root = reportElement(doc.children.filter(isElement), own);
  return { blocks: toBlocks(root), page };
}

/**
 * The element that holds the report: from the whole page, go down into the child that holds
 * most (80 %) of its own text, as long as one does. Links are not own text: a menu of 200
 * links is not where the report is.
 */
function reportElement(top: Element[], own: Map<Element, { text: number; links: number }>): ChildNode[] {
  const value = (e: Element) => {
    const o = own.get(e);
    return o ? o.text - o.links : 0;
  };
  let nodes: ChildNode[] = top;
  let total = top.reduce((s, e) => s + value(e), 0);
  for (;;) {
    const kids = nodes.filter(isElement).filter((e) => !SKIP.has(e.name) && DESCEND.has(e.name));
    const best = kids.reduce<Element | null>((b, k) => (!b || value(k) > value(b) ? k : b), null);
    if (!best || value(best) < 0.8 * total || value(best) < 200) return nodes;
    // A data table is the report's content, not a place to go into.
    if (best.name === 'table' && !isLayoutTable(best)) return nodes;
    nodes = best.children;
    total = value(best);
  }
}

/** A table used to lay out a page: a cell holds another table, or runs of paragraphs. */
function isLayoutTable(table: Element): boolean {
  for (const cell of cellsOf(table)) {
    let blocks = 0;
    const todo: ChildNode[] = [...cell.children];
    while (todo.length) {
      const n = todo.pop()!;
      if (!isElement(n)) continue;
      if (n.name === 'table') return true;
      if (n.name === 'p' || n.name === 'div' || n.name === 'h1' || n.name === 'h2') blocks++;
      if (blocks > 6) return true;
      todo.push(...n.children);
    }
  }
  return false;
}

/** The rows of a table (through tbody/thead/tfoot, not into nested tables) and their cells. */
function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = [];
  const todo: ChildNode[] = [...table.children].reverse();
  while (todo.length) {
    const n = todo.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'tr') rows.push(n.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th'));
    else if (n.name === 'tbody' || n.name === 'thead' || n.name === 'tfoot') todo.push(...[...n.children].reverse());
  }
  return rows;
}
const cellsOf = (table: Element) => rowsOf(table).flat();

/** Blocks of a part of the page, in reading order, with an explicit stack. */
function toBlocks(nodes: ChildNode[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  let para = '';
  const flush = () => {
    const text = clean(para);
    para = '';
    if (text) blocks.push({ type: 'p', text });
  };
  const todo: (ChildNode | 'flush')[] = [...nodes].reverse();
  while (todo.length) {
    const n = todo.pop()!;
    if (n === 'flush') {
      flush();
      continue;
    }
    if (n.type === 'text') {
      para += n.data;
      continue;
    }
    if (!isElement(n) || SKIP.has(n.name)) continue;
    if (n.name === 'br') {
      flush();
      continue;
    }
    if (n.name === 'table' && !isLayoutTable(n)) {
      flush();
      const rows = rowsOf(n).map((r) => r.map(cellOf));
      if (rows.some((r) => r.length)) blocks.push({ type: 'table', rows: rows.filter((r) => r.length) });
      continue;
    }
    const block = BLOCK.has(n.name) || n.name === 'td' || n.name === 'th';
    if (block) {
      flush();
      todo.push('flush');
    }
    for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]);
  }
  flush();
  return blocks;
}

function cellOf(td: Element): DocCell {
  const span = (v: string | undefined) => Math.max(1, Math.min(1000, Number.parseInt(v ?? '1', 10) || 1));
  // Paragraphs and line breaks inside a cell are line breaks of its text ("本年新<br>制作数量").
  const lines = toBlocks(td.children).map((b) => (b.type === 'p' ? b.text : b.rows.map((r) => r.map((c) => c.text).join('\t')).join('\n')));
  return { text: lines.join('\n').slice(0, MAX_CELL), colSpan: span(td.attribs.colspan), rowSpan: span(td.attribs.rowspan) };
}

function textOf(e: Element): string {
  let out = '';
  const todo: ChildNode[] = [...e.children];
  while (todo.length) {
    const n = todo.pop()!;
    if (n.type === 'text') out = n.data + out;
    else if (isElement(n)) todo.push(...n.children);
  }
  return out;
}

const clean = (s: string) => s.replace(/\u00a0/g, ' ').replace(/[ \t\r\n\f]+/g, ' ').trim();

/** "报告标题_栏目_网站名" → the report's title. */
function siteTitle(title: string): string | undefined {
  const t = clean(title);
  if (!t) return undefined;
  return t.split(/\s*[_|｜]\s*/)[0] || t;
}
