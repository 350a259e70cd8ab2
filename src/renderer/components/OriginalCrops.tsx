// The original beside a finding on a printed sheet (the check sheet, the 审核意见): for the cells
// it names, the page region around them (PDF pages drawn by pdf.js, scanned pages as pictures)
// as a picture with the cells outlined in red, the Word or web table's rows around them with
// the cells marked, or the text line quoted. Each picture is an <img data-crop-key> main can
// read back from the sheet for the .docx (services/notice-pictures.ts).
import { useEffect, useState } from 'react';
import type { Box, Cell, Finding } from '../../shared/report/model.ts';
import type { OriginalView } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { cropRect } from '../crop-region.ts';
import { rowsAround, sliceTable } from '../../shared/original-rows.ts';
import { trackPicture } from './print.tsx';
import { pdfPage } from './OriginalPanel.tsx';

/** Pixels a point the page is drawn at: about 180 dpi, sharp on paper and in Word. */
export const CROP_SCALE = 2.5;
/** At most this many crops a finding (a rule over two pages, a Word table and a line). */
const MOST = 3;

type Named = Pick<Finding, 'cells'>;
type Group = { kind: 'page'; file: number; page: number; cells: Cell[] } | { kind: 'table' | 'lines' | 'words'; cells: Cell[] };

const same = (a: { table: string; row: string; col: string }, b: { table: string; row: string; col: string }) => a.table === b.table && a.row === b.row && a.col === b.col;

/** The finding's cells by where their originals are: one crop per page, table, text. */
export function cropGroups(id: number, cells: Cell[], f: Named): Group[] {
  const groups = new Map<string, Group>();
  for (const n of f.cells) {
    const c = cells.find((x) => same(x, n));
    // A value typed in by the clerk has no original to show.
    if (!c?.at || (c.original && c.source === '人工更正')) continue;
    const file = c.file ?? id;
    const at = c.at;
    const key = at.kind === 'words' ? 'words' : at.place ? `p${file}|${at.place.page}` : at.kind === 'cell' ? `t${file}|${at.table}` : `l${file}`;
    const g = groups.get(key);
    if (g) g.cells.push(c);
    else if (at.kind !== 'words' && at.place) groups.set(key, { kind: 'page', file, page: at.place.page, cells: [c] });
    else groups.set(key, { kind: at.kind === 'words' ? 'words' : at.kind === 'cell' ? 'table' : 'lines', cells: [c] });
  }
  return [...groups.values()].slice(0, MOST);
}

/** Whether a finding names a cell whose original can be shown (the print dialog offers those). */
export const hasOriginal = (id: number, cells: Cell[], f: Named) => cropGroups(id, cells, f).length > 0;

/**
 * `lead`: said before each caption where the crop may print apart from its finding (第3条: a notice's row across a page break).
 * `token`: the cells are of a self-checked draft (报送前自查), `id` the file's index in that check.
 */
export function OriginalCrops({ id, cells, finding, pickKey, lead = '', token }: { id: number; cells: Cell[]; finding: Named; pickKey: string; lead?: string; token?: string }) {
  const groups = cropGroups(id, cells, finding);
  if (!groups.length) return null;
  return (
    <div className="original-crops">
      {groups.map((g, i) =>
        g.kind === 'page' ? (
          <PageCrop key={i} id={id} token={token} group={g} cells={cells} pickKey={pickKey} lead={lead} />
        ) : g.kind === 'table' ? (
          <TableCrop key={i} id={id} token={token} group={g} lead={lead} />
        ) : g.kind === 'lines' ? (
          <LinesCrop key={i} id={id} token={token} group={g} lead={lead} />
        ) : (
          <p key={i} className="crop-quote">
            {lead}原文（取自报告正文）：<mark>{g.cells[0].at?.kind === 'words' ? g.cells[0].at.quote : ''}</mark>
          </p>
        ),
      )}
    </div>
  );
}

/** The original of a group's first cell, its failure said as the sheet prints it. */
function useOriginal<T>(load: () => Promise<T>): T | { error: string } | null {
  const [out, setOut] = useState<T | { error: string } | null>(null);
  useEffect(() => {
    trackPicture(load().then(setOut, (e: Error) => setOut({ error: `无法显示原文：${e.message}` })));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- drawn once per sheet
  return out;
}

const viewOf = (id: number, c: Cell, bytes: boolean, token?: string) =>
  token ? api.selfCheckOriginal({ token, file: id, table: c.table, row: c.row, col: c.col, bytes }) : api.originalOf({ id, table: c.table, row: c.row, col: c.col, bytes });

// One document per file for every crop of the sheet, its bytes fetched once.
const docs = new Map<string, Promise<import('pdfjs-dist').PDFDocumentProxy>>();
function docOf(id: number, file: number, c: Cell, token?: string) {
  const key = `crop|${token ?? ''}|${id}|${file}`;
  let doc = docs.get(key);
  if (!doc) {
    doc = Promise.all([pdfPage(), viewOf(id, c, true, token)]).then(([{ pdfOf }, v]) => pdfOf(key, v.kind === 'pdf' ? v.data : undefined));
    docs.set(key, doc);
    doc.catch(() => docs.delete(key));
  }
  return doc;
}

/** A page of the original drawn at CROP_SCALE: the PDF's page, or the scanned picture. */
async function pageOf(id: number, g: Extract<Group, { kind: 'page' }>, token?: string): Promise<{ canvas: HTMLCanvasElement; caption: string }> {
  const c = g.cells[0];
  const view: OriginalView = await viewOf(id, c, false, token);
  if (view.kind === 'pdf') {
    const { pageCanvas } = await pdfPage();
    return { canvas: await pageCanvas(await docOf(id, g.file, c, token), view.page, CROP_SCALE), caption: `${view.fileName} 第${view.page}页` };
  }
  if (view.kind === 'image') {
    const img = new Image();
    img.src = `data:image/png;base64,${view.data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(view.width * CROP_SCALE);
    canvas.height = Math.round((img.naturalHeight * canvas.width) / img.naturalWidth);
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { canvas, caption: `${view.fileName}${view.pages > 1 ? ` 第${view.page}页` : ''}（扫描件）` };
  }
  throw new Error(view.kind === 'none' ? view.why : '原文不是页面');
}

interface Picture {
  src: string;
  /** Its size in points of the original page. */
  width: number;
  height: number;
  caption: string;
}

/** The band of the page around the cells, as wide as the ink of the table, the cells outlined. */
async function cropPicture(id: number, g: Extract<Group, { kind: 'page' }>, cells: Cell[], token?: string): Promise<Picture> {
  const { canvas: page, caption } = await pageOf(id, g, token);
  const S = CROP_SCALE;
  const boxOf = (c: Cell) => (c.at && c.at.kind !== 'words' && c.at.place ? c.at.place.box : null);
  const named = g.cells.map(boxOf).filter((b): b is Box => !!b);
  const table = g.cells[0].table;
  const rows = cells.filter((c) => c.table === table && (c.file ?? id) === g.file && c.at?.kind !== 'words' && c.at?.place?.page === g.page).map(boxOf).filter((b): b is Box => !!b);
  const drawn = page.getContext('2d')!.getImageData(0, 0, page.width, page.height);
  const [px0, py0, px1, py1] = cropRect({ data: drawn.data, width: page.width, height: page.height, scale: S }, named, rows);
  const ph = py1 - py0;
  const crop = document.createElement('canvas');
  crop.width = px1 - px0;
  crop.height = ph;
  const ctx = crop.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, crop.width, crop.height);
  ctx.drawImage(page, px0, py0, crop.width, ph, 0, 0, crop.width, ph);
  ctx.strokeStyle = '#e00000';
  ctx.lineWidth = 1.2 * S;
  for (const [x0, t, x1, b] of named) ctx.strokeRect(x0 * S - px0 - 2 * S, t * S - py0 - 2 * S, (x1 - x0 + 4) * S, (b - t + 4) * S);
  return { src: crop.toDataURL('image/png'), width: crop.width / S, height: ph / S, caption };
}

function PageCrop({ id, token, group, cells, pickKey, lead }: { id: number; token?: string; group: Extract<Group, { kind: 'page' }>; cells: Cell[]; pickKey: string; lead: string }) {
  const pic = useOriginal(() => cropPicture(id, group, cells, token));
  if (!pic) return null;
  if ('error' in pic) return <p className="crop-note">{pic.error}</p>;
  const caption = `${lead}原文：${pic.caption}，红框为所涉格子`;
  return (
    <figure className="crop-figure">
      <figcaption>{caption}</figcaption>
      {/* Shown as large as on the page (a point a point) unless wider than the sheet. */}
      <img src={pic.src} alt={caption} style={{ width: `${pic.width}pt` }} data-crop-key={pickKey} data-crop-caption={caption} data-crop-width={pic.width.toFixed(1)} />
    </figure>
  );
}

type ViewOf<K extends OriginalView['kind']> = Extract<OriginalView, { kind: K }>;

/** The group's original when it is of the kind the crop draws; otherwise the note the sheet prints in its place. */
function useViewOf<K extends OriginalView['kind']>(kind: K, id: number, group: Group, token?: string): ViewOf<K> | { note: string } | null {
  const view = useOriginal(() => viewOf(id, group.cells[0], false, token));
  if (!view) return null;
  if ('error' in view) return { note: view.error };
  if (view.kind !== kind) return { note: view.kind === 'none' ? view.why : '' };
  return view as ViewOf<K>;
}

function TableCrop({ id, token, group, lead }: { id: number; token?: string; group: Group; lead: string }) {
  const view = useViewOf('table', id, group, token);
  if (!view) return null;
  if ('note' in view) return <p className="crop-note">{view.note}</p>;
  const at = group.cells.flatMap((c) => (c.at?.kind === 'cell' && c.at.table === view.table ? [{ row: c.at.row - 1, col: c.at.col - 1 }] : []));
  const marked = new Set(at.map((a) => `${a.row}|${a.col}`));
  const shown = sliceTable(view.rows, rowsAround(at.map((a) => a.row), view.rows.length));
  const across = Math.max(...shown.map((r) => (r ? r.reduce((k, c) => k + c.colSpan, 0) : 1)));
  return (
    <figure className="crop-figure">
      <figcaption>
        {lead}原文：{view.fileName} 表格{view.table}，加框为所涉格子
      </figcaption>
      <table className="crop-table">
        <tbody>
          {shown.map((r, k) =>
            r === null ? (
              <tr key={k}>
                <td colSpan={across}>…</td>
              </tr>
            ) : (
              <tr key={k}>
                {r.map((c, j) => (
                  <td key={j} colSpan={c.colSpan} rowSpan={c.rowSpan} className={c.at && marked.has(`${c.at.row}|${c.at.index}`) ? 'here' : undefined}>
                    {c.text}
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </figure>
  );
}

function LinesCrop({ id, token, group, lead }: { id: number; token?: string; group: Group; lead: string }) {
  const view = useViewOf('lines', id, group, token);
  if (!view) return null;
  if ('note' in view) return <p className="crop-note">{view.note}</p>;
  const lines = new Set(group.cells.flatMap((c) => (c.at?.kind === 'line' ? [c.at.line] : [])));
  return (
    <div className="crop-quote">
      {view.lines
        .filter((l) => lines.has(l.no))
        .map((l) => (
          <p key={l.no}>
            {lead}原文：{view.fileName} 第{l.no}行：<mark>{l.text.replace(/\t/g, '  |  ')}</mark>
          </p>
        ))}
    </div>
  );
}
