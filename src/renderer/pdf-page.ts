// pdf.js in the page, for 原文对照: a PDF the main process handed over as bytes (never a path) is
// drawn page by page onto a canvas. Glyphs are drawn as paths (no font loading: the CSP allows no
// data: fonts), character maps and standard fonts come from the app's own files, no eval.
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const base = new URL('./pdfjs/', document.baseURI).href;
const open = new Map<string, Promise<PDFDocumentProxy>>();

/** Whether the page holds this file's document already (its bytes need not be sent again). */
export const hasPdf = (key: string) => open.has(key);

/** The document of one file, kept while the app runs (a click on the next cell is quick). */
export function pdfOf(key: string, base64: string | undefined): Promise<PDFDocumentProxy> {
  let doc = open.get(key);
  if (!doc) {
    if (!base64) return Promise.reject(new Error('no bytes'));
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    doc = getDocument({ data, cMapUrl: `${base}cmaps/`, cMapPacked: true, standardFontDataUrl: `${base}fonts/`, disableFontFace: true, useSystemFonts: false }).promise;
    open.set(key, doc);
    doc.catch(() => open.delete(key));
  }
  return doc;
}

/** Draws `page` at `scale` onto the canvas; returns the page's size in points. */
export async function drawPage(doc: PDFDocumentProxy, page: number, canvas: HTMLCanvasElement, scale: number): Promise<{ width: number; height: number }> {
  const p = await doc.getPage(page);
  const viewport = p.getViewport({ scale: scale * (window.devicePixelRatio || 1) });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / (window.devicePixelRatio || 1))}px`;
  canvas.style.height = `${Math.floor(viewport.height / (window.devicePixelRatio || 1))}px`;
  await p.render({ canvas, viewport }).promise;
  const [x0, y0, x1, y1] = p.view;
  return { width: x1 - x0, height: y1 - y0 };
}

/** Draws `page` onto a canvas of its own at `scale` pixels a point, whatever the screen (a crop for a printed sheet). */
export async function pageCanvas(doc: PDFDocumentProxy, page: number, scale: number): Promise<HTMLCanvasElement> {
  const p = await doc.getPage(page);
  const viewport = p.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await p.render({ canvas, viewport }).promise;
  return canvas;
}
