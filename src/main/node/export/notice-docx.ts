// The notice to a unit as a Word document it can edit: title, addressee, the findings in a
// table (序号 / 位置 / 问题 / 修改意见), the deadline, the office and the date, in the 仿宋 and
// 黑体 of government papers. Built with `docx` from the same Notice the printed sheet shows.
import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Notice, NoticeItem } from '../../../shared/report/notice.ts';
import type { NoticePicture } from '../services/notice-pictures.ts';
import type { TextOriginal } from '../services/notice-originals.ts';
import { CELL_BORDERS, FONTS } from './docx-style.ts';

const BODY = FONTS.fang;
const HEAD = FONTS.hei;
/** Half-points: 三号 16 pt for the body, 二号 22 pt for the title, 小四 12 pt in the table, 五号 10.5 pt under a crop. */
const SIZE = { title: 44, body: 32, table: 24, note: 21 };

const line = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: opts.align,
    spacing: { line: 560, lineRule: 'exact' }, // 28 pt, as 公文 set 三号 text
    indent: opts.indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, font: BODY, size: opts.size ?? SIZE.body, bold: opts.bold })],
  });

const cell = (text: string, width: number, head = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    borders: CELL_BORDERS,
    children: [new Paragraph({ alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, font: head ? HEAD : BODY, size: SIZE.table })] })],
  });

/** Pixels (docx counts 96 a inch) across the table's row inside the page's margins, less the cell's own margins. */
const ROW_PIXELS = 570;

const MARK_BORDERS = { top: { style: BorderStyle.SINGLE, size: 16, color: 'E00000' }, bottom: { style: BorderStyle.SINGLE, size: 16, color: 'E00000' }, left: { style: BorderStyle.SINGLE, size: 16, color: 'E00000' }, right: { style: BorderStyle.SINGLE, size: 16, color: 'E00000' } };

const note = (text: string) => new Paragraph({ children: [new TextRun({ text, font: BODY, size: SIZE.note })] });

/** A Word or web table's rows around the cells, the cells framed in red and bold; rows left out as …; the label column wider. */
function originalTable(rows: Extract<TextOriginal, { kind: 'table' }>['rows']): Table {
  const across = Math.max(...rows.map((r) => (r ? r.reduce((k, c) => k + c.colSpan, 0) : 1)));
  const text = (t: string, bold = false) => new Paragraph({ children: [new TextRun({ text: t, font: BODY, size: SIZE.note, bold })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => {
      if (!r) return new TableRow({ children: [new TableCell({ columnSpan: across, borders: CELL_BORDERS, children: [text('…')] })] });
      const rest = r.slice(1).reduce((k, c) => k + c.colSpan, 0);
      return new TableRow({
        children: r.map(
          (c, j) =>
            new TableCell({
              columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
              rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
              width: { size: j === 0 ? (rest ? 28 : 100) : (72 * c.colSpan) / rest, type: WidthType.PERCENTAGE },
              borders: c.marked ? MARK_BORDERS : CELL_BORDERS,
              children: [text(c.text, c.marked)],
            }),
        ),
      });
    }),
  });
}

/** 附原文截图: under a finding, a row across the table with each crop of its original (as large as on the page where it fits), its Word table rows, its text line. */
function originalsRow(pics: NoticePicture[], texts: TextOriginal[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: 4,
        borders: CELL_BORDERS,
        children: [
          ...pics.flatMap((p) => {
            const width = Math.min(ROW_PIXELS, Math.round((p.width * 96) / 72));
            const height = Math.round((width * p.pixels.height) / p.pixels.width);
            return [note(p.caption), new Paragraph({ children: [new ImageRun({ type: 'png', data: p.png, transformation: { width, height }, altText: { name: p.caption, description: p.caption, title: p.caption } })] })];
          }),
          ...texts.flatMap((t) => (t.kind === 'table' ? [note(t.caption), originalTable(t.rows), note('')] : [note(`${t.caption}：“${t.text}”`)])),
        ],
      }),
    ],
  });
}

/** `originals`: by finding (NoticeItem.key), the crops of its pages and its Word tables and text lines, when the clerk ticked 附原文截图. */
export async function noticeDocx(n: Notice, originals?: { pictures: Map<string, NoticePicture[]>; texts: Map<string, TextOriginal[]> }): Promise<Uint8Array> {
  const rowsOf = (i: NoticeItem) => {
    const row = new TableRow({ children: [cell(String(i.no), 8), cell(i.where, 22), cell(i.problem, 40), cell(i.fix, 30)] });
    const pics = originals?.pictures.get(i.key) ?? [];
    const texts = originals?.texts.get(i.key) ?? [];
    return pics.length || texts.length ? [row, originalsRow(pics, texts)] : [row];
  };
  const body: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: n.title, font: HEAD, size: SIZE.title })] }),
    line(n.to),
    line(n.intro, { indent: true }),
  ];
  if (n.items.length)
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: [cell('序号', 8, true), cell('位置', 22, true), cell('问题', 40, true), cell('修改意见', 30, true)] }),
          ...n.items.flatMap(rowsOf),
        ],
      }),
    );
  // A 再次审核意见 acknowledges what the unit fixed.
  if (n.fixed?.length) body.push(line('已整改的问题：', { indent: true }), ...n.fixed.map((m, i) => line(`${i + 1}. ${m}`, { indent: true, size: SIZE.table })));
  if (n.closing) body.push(line(n.closing, { indent: true }));
  if (n.skipped) body.push(line(n.skipped, { indent: true, size: SIZE.table }));
  body.push(line(''), line(n.office, { align: AlignmentType.RIGHT }), line(n.date, { align: AlignmentType.RIGHT }));
  const doc = new Document({
    creator: '年报档案',
    title: n.title,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
