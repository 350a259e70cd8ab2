// 填报模板 as .docx: the unit's title, the six part headings each with a line of guidance, and
// the three tables in the year's national layout with empty value cells. A custom document
// property marks the file for the reader (mammoth does not show it; the reader reads docProps/custom.xml).
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { formTables, placeCells, TEMPLATE_MARKER, TEMPLATE_PARTS, TEMPLATE_VERSION, templateTitle, type FormTable, type TemplateMark } from '../../../shared/report/fill-template.ts';
import { CELL_BORDERS, FONTS } from './docx-style.ts';

/** Half-points: 三号 for the body, 二号 for the title, 五号 in the tables. */
const SIZE = { title: 44, body: 32, guide: 24, table: 18 };
/** The text width of the page (A4 less the margins), in twips. */
const TEXT_WIDTH = 11906 - 1588 - 1474;

/** Column widths in twips: the label columns wide enough for the national form's labels, the values narrow. */
function columnWidths(t: FormTable): number[] {
  const labels = t.table === 't2' ? [2800] : t.table === 't3' ? [900, 1000, 2500] : [];
  const rest = t.width - labels.length;
  const each = Math.floor((TEXT_WIDTH - labels.reduce((a, b) => a + b, 0)) / rest);
  return [...labels, ...Array.from({ length: rest }, () => each)];
}

/** The marker's value: format;version;year;unit (the unit last, it may hold any character but newlines). */
export const markValue = (m: TemplateMark) => `${m.format};${m.version};${m.year};${m.unit}`;

const para = (text: string, font: typeof FONTS.fang, size: number, opts: { center?: boolean; color?: string } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    spacing: { line: 520, lineRule: 'exact' },
    children: [new TextRun({ text, font, size, color: opts.color })],
  });

function table(t: FormTable): Table {
  const widths = columnWidths(t);
  const placed = placeCells(t);
  let at = 0;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: t.rows.map(
      (row) =>
        new TableRow({
          children: row.map((c) => {
            const p = placed[at++];
            return new TableCell({
              columnSpan: c.colSpan,
              rowSpan: c.rowSpan,
              width: { size: widths.slice(p.c, p.c + c.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
              borders: CELL_BORDERS,
              verticalAlign: VerticalAlign.CENTER,
              children: [new Paragraph({ alignment: AlignmentType.CENTER, children: c.text ? [new TextRun({ text: c.text, font: FONTS.song, size: SIZE.table })] : [] })],
            });
          }),
        }),
    ),
  });
}

export async function templateDocx(mark: Omit<TemplateMark, 'version'>): Promise<Uint8Array> {
  const tables = formTables(mark.format);
  const body: (Paragraph | Table)[] = [para(templateTitle(mark.unit, mark.year), FONTS.song, SIZE.title, { center: true }), para('', FONTS.fang, SIZE.body)];
  for (const p of TEMPLATE_PARTS) {
    body.push(para(p.heading, FONTS.hei, SIZE.body), para(p.guidance, FONTS.fang, SIZE.guide, { color: '7F7F7F' }));
    const t = tables.find((x) => ({ t2: 2, t3: 3, t4: 4 })[x.table] === p.no);
    if (t) body.push(table(t));
    body.push(para('', FONTS.fang, SIZE.body));
  }
  const doc = new Document({
    creator: '年报档案',
    title: `${templateTitle(mark.unit, mark.year)}（填报模板）`,
    customProperties: [{ name: TEMPLATE_MARKER, value: markValue({ ...mark, version: TEMPLATE_VERSION }) }],
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
