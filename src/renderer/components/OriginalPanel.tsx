// 原文对照: the original beside the parsed tables. A PDF page drawn by pdf.js with the cell's box
// outlined (zoomable), the Word or web table with the cell marked, the text lines with the line
// marked, or the sentence the value was read from. Esc or 关闭 closes it.
import { useEffect, useRef, useState } from 'react';
import type { OriginalView } from '../../shared/contract/types.ts';

// pdf.js is loaded when the first PDF page is shown, not with the app.
export const pdfPage = () => import('../pdf-page.ts');

export interface OriginalTarget {
  id: number;
  /** Names the PDF's document in the page's cache. */
  pdfKey: string;
  label: string;
  view: OriginalView;
}

const ZOOMS = [1, 1.25, 1.5, 2, 3];

export function OriginalPanel({ target, onClose }: { target: OriginalTarget; onClose: () => void }) {
  const { view } = target;
  // Esc closes it wherever the focus is (the table's cell, usually); an editor's Esc is its own.
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && !(e.target as HTMLElement).closest('.modal, input') && onClose();
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose]);
  // Under the tables (1366), the panel is brought into view when it opens on a cell.
  const panel = useRef<HTMLElement>(null);
  // (A block body: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.)
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [target]);
  return (
    <aside ref={panel} className="original-panel" aria-label="原文对照">
      <header>
        <h2>原文对照</h2>
        <span className="muted">{target.label}</span>
        <button onClick={onClose} title="Esc">
          关闭
        </button>
      </header>
      {view.kind === 'pdf' && <PdfOriginal view={view} docKey={target.pdfKey} />}
      {view.kind === 'image' && <ImageOriginal view={view} />}
      {view.kind === 'table' && (
        <>
          <p className="muted">
            {view.fileName} 表格{view.table}，第{view.at.row + 1}行第{view.at.col + 1}格
          </p>
          <div className="original-table-wrap">
            <table className="original-table">
              <tbody>
                {view.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((c, j) => (
                      <td key={j} colSpan={c.colSpan} rowSpan={c.rowSpan} className={i === view.at.row && j === view.at.col ? 'here' : undefined}>
                        {c.text}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {view.kind === 'lines' && (
        <>
          <p className="muted">
            {view.fileName} 第{view.at}行
          </p>
          <ol className="original-lines">
            {view.lines.map((l) => (
              <li key={l.no} value={l.no} className={l.no === view.at ? 'here' : undefined}>
                {l.text.replace(/\t/g, '  |  ') || ' '}
              </li>
            ))}
          </ol>
        </>
      )}
      {view.kind === 'words' && (
        <p>
          取自报告正文（{view.fileName}）：<mark className="here">{view.quote}</mark>
        </p>
      )}
      {view.kind === 'none' && <p className="muted">{view.why}</p>}
    </aside>
  );
}

function PdfOriginal({ view, docKey }: { view: Extract<OriginalView, { kind: 'pdf' }>; docKey: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [zoom, setZoom] = useState(1.5);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // Drawn again only for another page or zoom: the next cell on the same page only moves the box.
  useEffect(() => {
    let live = true;
    setError(null);
    pdfPage()
      .then(async ({ pdfOf, drawPage }) => drawPage(await pdfOf(docKey, view.data), view.page, canvas.current!, zoom))
      .then((s) => live && setSize(s))
      .catch(() => live && setError('无法显示这一页（PDF文件无法读取）'));
    return () => {
      live = false;
    };
  }, [docKey, view.page, zoom]);
  // The cell's box in view once the page is drawn.
  useEffect(() => {
    if (size) box.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [size, view.box]);
  return (
    <>
      <ZoomBar title={`${view.fileName} 第${view.page}页`} zoom={zoom} setZoom={setZoom} />
      {error && <p className="error-text">{error}</p>}
      <div className="original-page">
        <canvas ref={canvas} aria-label={`原文第${view.page}页`} />
        {size && view.box && <CellBox at={box} box={view.box} zoom={zoom} />}
      </div>
    </>
  );
}

function ZoomBar({ title, zoom, setZoom }: { title: string; zoom: number; setZoom: (z: number) => void }) {
  return (
    <p className="muted original-tools">
      {title}
      <button onClick={() => setZoom(ZOOMS[Math.max(0, ZOOMS.indexOf(zoom) - 1)])} disabled={zoom === ZOOMS[0]} aria-label="缩小">
        －
      </button>
      <span>{Math.round(zoom * 100)}%</span>
      <button onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + 1)])} disabled={zoom === ZOOMS[ZOOMS.length - 1]} aria-label="放大">
        ＋
      </button>
    </p>
  );
}

/** The cell's box on the page, in points scaled by the zoom (pixels per point). */
function CellBox({ at, box, zoom }: { at: React.RefObject<HTMLDivElement | null>; box: [number, number, number, number]; zoom: number }) {
  const [x0, y0, x1, y1] = box;
  return <div ref={at} className="original-box" data-box={box.join(',')} style={{ left: x0 * zoom - 3, top: y0 * zoom - 3, width: (x1 - x0) * zoom + 6, height: (y1 - y0) * zoom + 6 }} />;
}

/** A scanned page (a photo, a TIFF's page) as the file holds it, with the OCR'd cell's box. */
function ImageOriginal({ view }: { view: Extract<OriginalView, { kind: 'image' }> }) {
  const [zoom, setZoom] = useState(1.5);
  const [shown, setShown] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) box.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [shown, view.box, zoom]);
  return (
    <>
      <ZoomBar title={`${view.fileName}${view.pages > 1 ? ` 第${view.page}页` : ''}（扫描件）`} zoom={zoom} setZoom={setZoom} />
      <div className="original-page">
        <img src={`data:image/png;base64,${view.data}`} width={Math.round(view.width * zoom)} alt={`原文第${view.page}页`} onLoad={() => setShown(true)} />
        {shown && view.box && <CellBox at={box} box={view.box} zoom={zoom} />}
      </div>
    </>
  );
}
