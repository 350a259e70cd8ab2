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
  chooseSpreadsheet: noWindow,
  printRoute: noWindow,
};

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The app's print pages, built here the first time a PDF is asked for (saying so on standard
 * error, so a redirected output stays clean) rather than asking the user to run a build.
 */
export async function printPages(rendererDir = join(projectRoot, 'out/renderer')): Promise<string> {
  if (existsSync(join(rendererDir, 'index.html'))) return rendererDir;
  process.stderr.write('生成 PDF 要用到程序的打印页面，正在构建（只需一次，约半分钟）…\n');
  const [{ build }, { rendererConfig }] = await Promise.all([import('vite'), import('../../vite.renderer.config.ts')]);
  // Paths from this file, not from the current folder: the CLI may be run from anywhere.
  await build({
    ...rendererConfig,
    configFile: false,
    logLevel: 'warn',
    root: join(projectRoot, 'src/renderer'),
    build: { ...rendererConfig.build, outDir: rendererDir, rollupOptions: { input: join(projectRoot, 'src/renderer/index.html') } },
  });
  process.stderr.write('打印页面已构建。\n');
  return rendererDir;
}

/** Fails at once, before anything is written, when a PDF cannot be made on this PC. */
export async function cliPrinter(rt: Runtime, browserPath: string | undefined): Promise<SheetPrinter> {
  const path = findBrowser(browserPath);
  const rendererDir = await printPages();
  const handlers = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: CLI_PLATFORM });
  return headlessPrinter(handlers, rendererDir, { path });
}
