// The browser test host: the real main-process services behind the same contract, over
// HTTP on 127.0.0.1, serving the built renderer. Only Electron's IPC and window are missing;
// the native folder dialog answers with the folders the test gives it.
//   node test/host/server.ts --db /tmp/a.sqlite --answer test/fixtures/reports [--port 5174]
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appRequestHandler } from '../../src/main/node/print/app-request.ts';
import { headlessPrinter } from '../../src/main/node/print/headless-printer.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import { httpDoor } from './http-door.ts';
import type { Handlers } from '../../src/shared/contract/index.ts';

export interface Host {
  url: string;
  runtime: Runtime;
  /** Main's handlers, for a test to reach what main keeps (a self-check by its token). */
  handlers: Handlers;
  opened: string[];
  /** Files the fake save dialog wrote. */
  saved: string[];
  /** What the fake dialog answers next. */
  setAnswer(paths: string[] | null): void;
  close(): Promise<void>;
}

export async function startHost(opts: { db: string; answer?: string[]; port?: number; rendererDir?: string; outDir?: string; freeBytes?: number; ocr?: boolean }): Promise<Host> {
  // A test may say how full the disk is (the space warning), as the OS would, and keep scans unread (a scan as a report still to be typed in).
  const runtime = openRuntime(opts.db, undefined, undefined, { ...(opts.freeBytes === undefined ? {} : { freeBytes: async () => opts.freeBytes! }), ...(opts.ocr === false ? { ocr: false } : {}) });
  const rendererDir = resolve(opts.rendererDir ?? 'out/renderer');
  let answer: string[] | null = opts.answer ?? null;
  const opened: string[] = [];
  const saved: string[] = [];
  const outDir = opts.outDir ?? mkdtempSync(join(tmpdir(), 'nianbao-host-out-'));
  const handlers = createHandlers({
    archive: runtime.archive,
    importer: runtime.importer,
    pool: runtime.pool,
    platform: {
      version: 'test',
      chooseSources: async () => answer,
      openPath: async (p) => (opened.push(p), ''),
      // The save dialog answers with a file in the output folder the test gives.
      saveFile: async (bytes, name) => {
        const path = join(outDir, name);
        await writeFile(path, bytes);
        saved.push(path);
        return path;
      },
      // The folder dialog answers with a fresh folder under the output folder.
      chooseOutputFolder: async (purpose) => {
        const dir = join(outDir, `${purpose}-${Date.now()}`);
        await mkdir(dir, { recursive: true });
        return dir;
      },
      // The open dialog for an archive file answers with the first path the test gave.
      chooseArchiveFile: async () => answer?.[0] ?? null,
      chooseSpreadsheet: async () => answer?.[0] ?? null,
      // The CLI's headless printer: the same print route to PDF, as Electron's printToPDF.
      renderPdf: (route, landscape) => printer.pdf(route, landscape),
      printRoute: async () => '',
      sheetPictures: (route) => printer.pictures(route),
    },
  });
  const serve = appRequestHandler(handlers, rendererDir);
  // The sheets are printed as in the app: as sheets, which may only read what they print.
  const printer = headlessPrinter(handlers, rendererDir, { sandbox: false });
  // Its own page only, and the contract as the page may call it (no drop grants: the page
  // never names a path; tests grant folders through the fake dialog, setAnswer).
  const server: Server = createServer(httpDoor(serve, () => `http://127.0.0.1:${port}`));
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    runtime,
    handlers,
    opened,
    saved,
    setAnswer: (p) => (answer = p),
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await printer.close();
      await runtime.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(`--${k}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const host = await startHost({ db: resolve(arg('db') ?? 'test-output/host.sqlite'), answer: arg('answer') ? [resolve(arg('answer')!)] : undefined, port: Number(arg('port') ?? 5174) });
  console.log(`测试主机：${host.url}`);
}
