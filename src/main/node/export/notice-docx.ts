// The notice to a unit as a Word document it can edit: title, addressee, the findings in a
// table (序号 / 位置 / 问题 / 修改意见), the deadline, the office and the date, in the 仿宋 and
// 黑体 of government papers. Built with `docx` from the same Notice the printed sheet shows.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Notice } from '../../../shared/report/notice.ts';
import { CELL_BORDERS, FONTS } from './docx-style.ts';

const BODY = FONTS.fang;
const HEAD = FONTS.hei;
/** Half-points: 三号 16 pt for the body, 二号 22 pt for the title, 小四 12 pt in the table. */
const SIZE = { title: 44, body: 32, table: 24 };

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

export async function noticeDocx(n: Notice): Promise<Uint8Array> {
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
          ...n.items.map((i) => new TableRow({ children: [cell(String(i.no), 8), cell(i.where, 22), cell(i.problem, 40), cell(i.fix, 30)] })),
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
