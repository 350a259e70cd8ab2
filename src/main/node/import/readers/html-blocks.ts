// mammoth's HTML -> blocks. mammoth writes a small, regular subset (p, h1-6, table, tr,
// td/th with colspan/rowspan, br, lists, inline tags), so a tag scanner is enough.
import type { DocBlock, DocCell } from '../../../../shared/doc/blocks.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

export function htmlToBlocks(html: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const tables: { rows: DocCell[][] }[] = [];
  let cell: DocCell | null = null;
  let para = '';
  let inPara = false;
  const flushPara = () => {
    if (!inPara) return;
    const text = decode(para);
    if (cell) cell.text += (cell.text && text ? '\n' : '') + text;
    else blocks.push({ type: 'p', text });
    para = '';
    inPara = false;
  };
  const re = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined) {
      if (cell && !inPara) cell.text += decode(m[4]);
      else {
        para += m[4];
        inPara = true;
      }
      continue;
    }
    const close = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3];
    if (/^(p|h[1-6]|li)$/.test(tag)) {
      if (close) flushPara();
      else {
        flushPara();
        inPara = true;
      }
    } else if (tag === 'br') {
      if (cell && !inPara) cell.text += '\n';
      else para += '\n';
    } else if (tag === 'table') {
      flushPara();
      if (!close) tables.push({ rows: [] });
      else {
        const t = tables.pop()!;
        if (tables.length === 0) blocks.push({ type: 'table', rows: t.rows });
        // A table nested in a cell: keep its text in the cell.
        else if (cell) cell.text += t.rows.map((r) => r.map((c) => c.text).join('\t')).join('\n');
      }
    } else if (tag === 'tr' && !close && tables.length) {
      tables[tables.length - 1].rows.push([]);
    } else if ((tag === 'td' || tag === 'th') && tables.length) {
      if (!close) {
        const span = (n: string) => Number(new RegExp(`${n}="(\\d+)"`).exec(attrs)?.[1] ?? 1);
        cell = { text: '', colSpan: span('colspan'), rowSpan: span('rowspan') };
        const rows = tables[tables.length - 1].rows;
        (rows[rows.length - 1] ?? rows[rows.push([]) - 1]).push(cell);
      } else {
        flushPara();
        cell = null;
      }
    }
  }
  flushPara();
  return blocks;
}
