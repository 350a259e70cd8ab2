// 附原文截图 for cells with no page to crop: a Word or web table's rows around the cell (the table
// as the archive's copy of the file holds it, read again by originalOf) and a text file's line,
// put in the .docx as a small table with the cell marked and as a quoted line. Pages (PDF, scans)
// come as pictures from the print page (notice-pictures.ts).
import type { ReportDetail } from '../../../shared/contract/types.ts';
import type { Notice } from '../../../shared/report/notice.ts';
import type { TableId } from '../../../shared/report/model.ts';
import { findingKey } from '../../../shared/report/revision.ts';
import type { Archive } from '../archive/archive.ts';
import { originalOf } from '../original.ts';
import { rowsAround, sliceTable } from '../../../shared/original-rows.ts';

export type TextOriginal =
  /** A null row: rows left out (…). */
  | { kind: 'table'; caption: string; rows: ({ text: string; colSpan: number; rowSpan: number; marked: boolean }[] | null)[] }
  | { kind: 'quote'; caption: string; text: string };

/** For each finding the notice lists (NoticeItem.key), the tables and lines its cells stand in. */
export async function textOriginals(archive: Archive, d: ReportDetail, n: Notice): Promise<Map<string, TextOriginal[]>> {
  const out = new Map<string, TextOriginal[]>();
  // A file is read again once for every finding whose cells are in it.
  const views = new Map<string, ReturnType<typeof originalOf>>();
  const viewOf = (key: string, c: { table: TableId; row: string; col: string }) => {
    let v = views.get(key);
    if (!v) views.set(key, (v = originalOf(archive, d.id, c.table, c.row, c.col, false)));
    return v;
  };
  for (const item of n.items) {
    const f = d.findings.find((x) => findingKey(x) === item.key);
    if (!f) continue;
    const tables = new Map<string, { at: { row: number; col: number }[]; first: (typeof f.cells)[number] }>();
    const lines = new Map<string, { line: number; first: (typeof f.cells)[number] }>();
    for (const c of f.cells) {
      const cell = d.cells.find((x) => x.table === c.table && x.row === c.row && x.col === c.col);
      const at = cell?.at;
      if (!cell || !at || at.kind === 'words' || at.place || (cell.original && cell.source === '人工更正')) continue;
      const file = cell.file ?? d.id;
      if (at.kind === 'cell') {
        const k = `${file}|${at.table}`;
        const t = tables.get(k) ?? { at: [], first: c };
        t.at.push({ row: at.row - 1, col: at.col - 1 });
        tables.set(k, t);
      } else lines.set(`${file}|${at.line}`, { line: at.line, first: c });
    }
    const found: TextOriginal[] = [];
    for (const [k, t] of tables) {
      const view = await viewOf(`t${k}`, t.first);
      if (view.kind !== 'table') continue;
      const marked = new Set(t.at.map((a) => `${a.row}|${a.col}`));
      found.push({
        kind: 'table',
        caption: `第${item.no}条的原文：${view.fileName} 表格${view.table}，加框为所涉格子`,
        rows: sliceTable(view.rows, rowsAround(t.at.map((a) => a.row), view.rows.length)).map((r) => r && r.map((c) => ({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan, marked: !!c.at && marked.has(`${c.at.row}|${c.at.index}`) }))),
      });
    }
    for (const [k, l] of lines) {
      const view = await viewOf(`l${k}`, l.first);
      const text = view.kind === 'lines' ? view.lines.find((x) => x.no === l.line)?.text : undefined;
      if (view.kind === 'lines' && text !== undefined) found.push({ kind: 'quote', caption: `第${item.no}条的原文：${view.fileName} 第${l.line}行`, text: text.replace(/\t/g, '  |  ') });
    }
    if (found.length) out.set(item.key, found);
  }
  return out;
}
