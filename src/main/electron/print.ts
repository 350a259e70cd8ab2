// Printed sheets: a print route of the app in a hidden window as locked down as the main one,
// rendered to PDF by Chromium (the same engine the browser tests use) or sent to the printer.
import { BrowserWindow, type WebContents } from 'electron';
import { join } from 'node:path';
import { PICTURES_SCRIPT, PRINT_FOOTER, PRINT_HEADER, PRINT_MARGINS_IN } from '../../shared/print-page.ts';

// The sheets' pages call the contract through the preload like the app's window; IPC lets
// them read what they print (SHEET_METHODS) and nothing else.
const sheets = new Set<WebContents>();

export function isSheet(sender: WebContents): boolean {
  return sheets.has(sender);
}

async function loadSheet(route: string, devUrl: string | undefined): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    width: 1200,
    height: 900,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  const contents = win.webContents;
  sheets.add(contents);
  contents.once('destroyed', () => sheets.delete(contents));
  await win.loadURL(`${devUrl ?? 'app://renderer/index.html'}#${route}`);
  // The sheet marks itself ready once its data and fonts are in.
  const deadline = Date.now() + 30_000;
  while (!(await win.webContents.executeJavaScript('document.body.dataset.ready === "1"'))) {
    if (Date.now() > deadline) throw new Error('打印页面加载超时');
    await new Promise((r) => setTimeout(r, 100));
  }
  return win;
}

export async function renderPdf(route: string, landscape: boolean, devUrl: string | undefined): Promise<Uint8Array> {
  const win = await loadSheet(route, devUrl);
  try {
    const pdf = await win.webContents.printToPDF({
      landscape,
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PRINT_HEADER,
      footerTemplate: PRINT_FOOTER,
      margins: PRINT_MARGINS_IN,
    });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}

export async function printRoute(route: string, landscape: boolean, devUrl: string | undefined): Promise<string> {
  const win = await loadSheet(route, devUrl);
  return new Promise((resolve) =>
    win.webContents.print({ landscape, pageSize: 'A4', printBackground: true }, (ok, reason) => {
      win.destroy();
      resolve(ok || reason === 'cancelled' ? '' : reason);
    }),
  );
}

/** The crops of originals a sheet drew (the 审核意见's 附原文截图), as its page holds them: main checks them. */
export async function sheetPictures(route: string, devUrl: string | undefined): Promise<unknown> {
  const win = await loadSheet(route, devUrl);
  try {
    return await win.webContents.executeJavaScript(PICTURES_SCRIPT);
  } finally {
    win.destroy();
  }
}
