// PDFs from the command line: the app's own print routes, rendered by a Chromium-family
// browser already on the PC (src/main/node/print). The CLI has no window, so every
// Platform call that would open a dialog is refused.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../main/node/print/find-browser.ts';
import { headlessPrinter, type SheetPrinter } from '../main/node/print/headless-printer.ts';
import type { Runtime } from '../main/node/runtime.ts';
import { createHandlers, type Platform } from '../main/node/services.ts';

const noWindow = async (): Promise<never> => {
  throw new Error('命令行中没有窗口，不能打开对话框');
};

const CLI_PLATFORM: Platform = {
  version: 'cli',
  chooseSources: noWindow,
  openPath: noWindow,
  saveFile: noWindow,
  renderPdf: noWindow,
  chooseOutputFolder: noWindow,
  chooseArchiveFile: noWindow,
  printRoute: noWindow,
};

/** Fails at once, before anything is written, when a PDF cannot be made on this PC. */
export function cliPrinter(rt: Runtime, browserPath: string | undefined): SheetPrinter {
  const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('生成 PDF 要用到程序界面：请先运行 npm run build（npm start 也会构建）');
  const path = findBrowser(browserPath);
  const handlers = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: CLI_PLATFORM });
  return headlessPrinter(handlers, rendererDir, { path });
}
